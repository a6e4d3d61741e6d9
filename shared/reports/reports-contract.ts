import * as z from 'zod/mini';
import '../api/zod-messages';
import { IdSchema } from '../api/common';
import { action } from '../api/define';
import { refuseBidiControls } from '../api/bidi-controls';
import { staff } from '../staff/roles';
import { CASE_KINDS, CASE_OUTCOMES, type CaseKind, type CaseOutcome, type RequestColumn } from './report-layout';
import type { CasesTable } from './cases-table';
import type { ProactiveTable } from './proactive-table';
import type { ReportCheck } from './report-checks';
import type { ReportTexts } from './report-record';
import type { RequestsTableRows } from './requests-table';
import type { ReportStats } from './report-stats';

/** The years a report can be about: the 条例 came into force in 2008. */
export const ReportYearSchema = z.number().check(z.int(), z.gte(2008, '年度不能早于 2008 年'), z.lte(2100, '年度不正确'));
const DaySchema = z.iso.date('请填写日期，如 2026-03-01');

const count = z.number().check(z.int('请填写整数'), z.gte(0, '不能为负数'), z.lte(10_000_000));
const text = (max: number) => refuseBidiControls(z.string().check(z.trim(), z.maxLength(max)));

export const ReportInputsSchema = z.strictObject({
  licences: z.optional(z.nullable(count)),
  penalties: z.optional(z.nullable(count)),
  enforcement: z.optional(z.nullable(count)),
  /** 万元, at most two decimals (the template prints 万元). */
  feesWan: z.optional(z.nullable(z.number().check(z.gte(0, '不能为负数'), z.lte(100_000_000), z.refine((v) => Math.round(v * 100) === v * 100 || Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '收费金额最多两位小数（单位：万元）')))),
});

export const ReportTextsSchema = z.strictObject({
  overview: z.optional(text(20_000)),
  problems: z.optional(text(20_000)),
  otherMatters: z.optional(text(20_000)),
});

export const SaveInputsSchema = z.strictObject({
  year: ReportYearSchema,
  /** The report's version as loaded (0 before anything was saved for the year). */
  version: z.number().check(z.int(), z.gte(0)),
  inputs: z.optional(ReportInputsSchema),
  texts: z.optional(ReportTextsSchema),
});
export type SaveInputsInput = z.output<typeof SaveInputsSchema>;

export const CaseContentSchema = z.strictObject({
  kind: z.enum(CASE_KINDS),
  filedOn: DaySchema,
  outcome: z.enum(CASE_OUTCOMES),
  afterReconsideration: z._default(z.boolean(), false),
  requestId: z.optional(z.nullable(IdSchema)),
  /**
   * The request the case is about, by its tracking number (依申〔2027〕000012号), as staff read it off
   * the letter or the case file; an alternative to `requestId`. Empty or null: about no request.
   */
  trackingNumber: z.optional(z.nullable(refuseBidiControls(z.string().check(z.trim(), z.maxLength(40))))),
  summary: refuseBidiControls(z.string().check(z.trim(), z.minLength(1, '请填写案号或案情摘要'), z.maxLength(500))),
}).check(z.refine((c) => c.kind === 'litigation' || !c.afterReconsideration, { message: '只有行政诉讼才区分是否经过复议', path: ['afterReconsideration'] }), z.refine((c) => !(c.requestId && c.trackingNumber), { message: '请只用申请编号或申请 ID 之一关联申请', path: ['trackingNumber'] }));

export const SaveCaseSchema = z.strictObject({
  /** Absent for a new case. */
  id: z.optional(IdSchema),
  version: z.optional(z.number().check(z.int(), z.gte(1))),
  case: CaseContentSchema,
}).check(z.refine((v) => !v.id === (v.version === undefined), { message: '修改案件时须同时给出编号和版本', path: ['version'] }));
export type SaveCaseInput = z.output<typeof SaveCaseSchema>;

export const ExportSchema = z.strictObject({ year: ReportYearSchema, format: z.enum(['csv', 'html']) });
export const PublishSchema = z.strictObject({
  year: ReportYearSchema,
  version: z.number().check(z.int(), z.gte(0)),
  /** Publishing before the year is over (the figures will still change) must be confirmed. */
  confirmEarly: z.optional(z.boolean()),
});
export const StatsSchema = z.strictObject({ from: DaySchema, to: DaySchema }).check(z.refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] }), z.refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 3 * 366 * 86_400_000, { message: '统计区间最长三年', path: ['to'] }));

export interface CaseView {
  id: string;
  version: number;
  kind: CaseKind;
  filedOn: string;
  outcome: CaseOutcome;
  afterReconsideration: boolean;
  requestId: string | null;
  trackingNumber: string | null;
  summary: string;
}

export interface AnnualReport {
  year: number;
  status: 'draft' | 'published';
  /** The report record's version (0 before anything was saved): saveInputs and publish name it. */
  version: number;
  /** 31 January of the next year (条例 Art. 49). */
  deadline: string;
  /** When the figures were computed (a published report: when it was published). */
  computedAt: string;
  requests: { rows: RequestsTableRows; columns: RequestColumn[] };
  proactive: ProactiveTable;
  cases: { table: CasesTable; list: CaseView[] };
  texts: ReportTexts & { drafts: ReportTexts };
  checks: ReportCheck[];
  publishedNoticeId: string | null;
}

export interface ReportExport {
  filename: string;
  mimeType: string;
  content: string;
}

export interface PublishResult {
  year: number;
  noticeId: string;
  publishedAt: string;
}

/** Function `reports`: the annual report (条例 Arts. 49–50) and statistics. Admins and viewers read; admins write. */
export const reportsContract = {
  annual: action<AnnualReport>()({
    input: z.strictObject({ year: ReportYearSchema }),
    access: staff('viewer'),
    summary: '查看某年度政府信息公开工作年度报告（由记录计算，附发布前检查）',
    writes: false,
  }),
  saveInputs: action<AnnualReport>()({
    input: SaveInputsSchema,
    access: staff('admin'),
    summary: '填写年度报告中需人工填报的数据和文字',
    writes: true,
  }),
  saveCase: action<CaseView>()({
    input: SaveCaseSchema,
    access: staff('admin'),
    summary: '登记或修改一件涉及政府信息公开的行政复议、行政诉讼案件',
    writes: true,
  }),
  export: action<ReportExport>()({
    input: ExportSchema,
    access: staff('viewer'),
    summary: '导出年度报告（CSV 表格或可打印的 A4 页面）',
    writes: false,
  }),
  publish: action<PublishResult>()({
    input: PublishSchema,
    access: staff('admin'),
    summary: '发布年度报告：生成一条「年度报告」公开信息，数字固定不再随记录变化',
    writes: true,
  }),
  stats: action<ReportStats>()({
    input: StatsSchema,
    access: staff('viewer'),
    summary: '工作统计：申请、答复时长、按时率、公开信息和评价',
    writes: false,
  }),
};
