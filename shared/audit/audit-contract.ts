import * as z from 'zod/mini';
import '../api/zod-messages';
import { CursorSchema, type PageOf } from '../api/common';
import { action } from '../api/define';
import { staff } from '../staff/roles';
import type { AuditKind } from './audit-record';

const DaySchema = z.iso.date('请填写日期，如 2026-03-01');

const ActionNameSchema = z.string().check(z.trim(), z.regex(/^[A-Za-z]+\.[A-Za-z]+$/, '操作格式应为 函数.操作，如 requests.reply'));

/** Who, which record, which action, which Beijing days (inclusive): every filter optional, all must hold. */
const filterFields = {
  /** A staff member's OPENID, or their name as it was recorded. */
  actor: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  /** A record's id, or a request's tracking number or a case's number (as a person types it). */
  recordId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  /** `function.action`, e.g. `requests.reply`. */
  action: z.optional(ActionNameSchema),
  from: z.optional(DaySchema),
  to: z.optional(DaySchema),
};

const fromNotAfterTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const datesInOrder = { message: '开始日期不能晚于结束日期', path: ['to'] };

export const AuditFiltersSchema = z.strictObject(filterFields).check(z.refine(fromNotAfterTo, datesInOrder));
export const AuditSearchSchema = z.strictObject({ ...filterFields, cursor: CursorSchema }).check(z.refine(fromNotAfterTo, datesInOrder));

export type AuditFilters = z.output<typeof AuditFiltersSchema>;

/** A record an entry names, as a person reads it (申请 2026-0001, 《通知标题》); `gone`: no longer found. */
export interface AuditRecordRef {
  id: string;
  label: string;
  gone: boolean;
}

/** One line of the 操作记录 page and of the export. */
export interface AuditEntryView {
  id: string;
  at: string;
  /** The OPENID: kept for searching and for the export, never shown on the page. */
  actor: string;
  actorName: string;
  /** The name to show: the recorded name, or 未命名人员 where the staff list had none. */
  actorLabel: string;
  action: string;
  /** What the action does, in Chinese (the contract's summary). */
  actionLabel: string;
  kind: AuditKind;
  recordIds: string[];
  /** `recordIds` labelled for the page (search only; the export keeps the ids). */
  records?: AuditRecordRef[];
  fields: string[];
}

export interface AuditExport {
  filename: string;
  /** UTF-8 text beginning with a BOM, so Excel reads the Chinese. */
  csv: string;
  rows: number;
  /** More entries matched than one export carries: narrow the dates. */
  truncated: boolean;
}

/** Function `audit`: the bureau's record of what staff did and whose personal data they saw. Admins only. */
export const auditContract = {
  search: action<PageOf<AuditEntryView>>()({
    input: AuditSearchSchema,
    access: staff('admin'),
    summary: '按人员、记录、操作和日期查询操作记录，最新的在前',
    writes: false,
  }),
  export: action<AuditExport>()({
    input: AuditFiltersSchema,
    access: staff('admin'),
    summary: '按同样条件导出操作记录（CSV，Excel 可直接打开）',
    writes: false,
  }),
};
