import * as z from 'zod/mini';
import '../api/zod-messages';
import { NOTICE_STATUSES, POLICY_VALIDITIES } from './notice-kinds';
import { POLICY_LEVELS } from '../reports/report-layout';
import type { AnnualReport } from '../reports/reports-contract';
import { AttachmentSchema, type Attachment } from '../files/attachment-schema';
import type { NoticeCorrection } from './notice-corrections';
import { refuseBidiControls } from '../api/bidi-controls';

/**
 * What a notice is, per kind (domain.md §1). Staff write these through the
 * editor; the same schema validates the form on the phone and the input on the
 * server, so a clerk sees the server's rule before pressing 保存.
 */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.string().check(z.trim(), z.maxLength(max));
const isoDate = z.iso.date();

export const PeriodSchema = z.strictObject({ start: isoDate, end: isoDate }).check(z.refine((p) => p.end >= p.start, { message: '结束日期不能早于开始日期', path: ['end'] }));
export type Period = z.infer<typeof PeriodSchema>;

// An attachment's schema is the files' own (attachment-schema.ts): requests and cases use it without the notices' schemas.
export { AttachmentSchema, type Attachment } from '../files/attachment-schema';

const common = {
  title: refuseBidiControls(text(100)),
  summary: z._default(optionalText(200), ''),
  body: text(20000),
  departmentId: text(40),
  attachments: z._default(z.array(AttachmentSchema).check(z.maxLength(10)), []),
};

/** 政务九公开 plus how it is handled and where to go. */
export const GuideDetailsSchema = z.strictObject({
  /** The guide's own headline (审批项目), read like its title: no direction controls. */
  approvalItem: refuseBidiControls(text(200)),
  legalBasis: text(2000),
  conditions: text(2000),
  procedure: text(2000),
  timeLimit: text(200),
  fees: text(500),
  materials: z.array(text(200)).check(z.minLength(1), z.maxLength(30)),
  sampleForm: z._default(optionalText(2000), ''),
  contactPhone: z.string().check(z.trim(), z.regex(/^[0-9+\-() ]{5,30}$/, '请填写有效的联系电话')),
  processing: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('immediate') }),
    z.strictObject({ type: z.literal('promised'), workingDays: z.number().check(z.int(), z.gte(1), z.lte(365)) }),
  ]),
  location: z.strictObject({
    window: refuseBidiControls(text(100)),
    address: text(200),
    hours: text(200),
    /** Where the map opens (WeChat's openLocation needs coordinates; without them the address is copied). */
    coordinates: z.optional(z.strictObject({ latitude: z.number().check(z.gte(-90), z.lte(90)), longitude: z.number().check(z.gte(-180), z.lte(180)) })),
  }),
});
export type GuideDetails = z.infer<typeof GuideDetailsSchema>;

export const NoticeContentSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('consultation'),
    ...common,
    period: PeriodSchema,
    /** Set when the result of the consultation is published as its own notice. */
    resultNoticeId: z._default(z.nullable(z.string().check(z.maxLength(40))), null),
  }),
  z.strictObject({
    kind: z.literal('publicity'),
    ...common,
    period: PeriodSchema,
    objectionContact: text(200),
  }),
  z.strictObject({ kind: z.literal('workReport'), ...common }),
  z.strictObject({
    kind: z.literal('policy'),
    ...common,
    docNumber: text(60),
    issuingBody: text(60),
    effectiveDate: isoDate,
    validity: z.enum(POLICY_VALIDITIES),
    /** The notice that replaces this one, when it was repealed or revised. */
    replacedById: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(64)))),
    /** Whether it is a 规章 or a 行政规范性文件 (the annual report counts those, Part 2); absent or null: neither. */
    policyLevel: z.optional(z.nullable(z.enum(POLICY_LEVELS))),
    /** The day it was repealed (已废止), for the year the annual report counts it in. */
    repealedOn: z.optional(z.nullable(isoDate)),
  }),
  z.strictObject({ kind: z.literal('announcement'), ...common }),
  z.strictObject({ kind: z.literal('guide'), ...common, guide: GuideDetailsSchema }),
]);
export type NoticeContent = z.infer<typeof NoticeContentSchema>;

/**
 * A published annual report (年度报告): made only by `reports.publish`, never
 * in the editor, and it carries the report as it was published, so its
 * numbers stay fixed when records change later.
 */
export interface AnnualReportNoticeContent {
  kind: 'annualReport';
  title: string;
  summary: string;
  body: string;
  departmentId: string;
  attachments: Attachment[];
  report: AnnualReport;
}
/** What a stored notice may hold: the editor's kinds, or an annual report. */
export type StoredNoticeContent = NoticeContent | AnnualReportNoticeContent;
/** What the editor sends before defaults are applied. */
export type NoticeContentInput = z.input<typeof NoticeContentSchema>;

export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export type PolicyValidity = (typeof POLICY_VALIDITIES)[number];

/** A stored notice: content plus lifecycle and audit fields. Times are UTC ISO strings. */
export type Notice = StoredNoticeContent & {
  id: string;
  version: number;
  status: NoticeStatus;
  departmentName: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  publishedAt: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  /** When set (UTC), the notice publishes itself then (notice-schedule.ts); absent on older records. */
  scheduledAt?: string | null;
  /** Who set the schedule: the publish is recorded as theirs. */
  scheduledBy?: string | null;
  /** 公开审查: the approved review a schedule was set by; where review is required the runner publishes only such a schedule. */
  scheduleReviewId?: string | null;
  /** 更正: each correction published after the notice was first published, oldest first (notice-corrections.ts). */
  corrections?: NoticeCorrection[];
  /** When the latest correction was published: lists and search mark the notice 更正. */
  correctedAt?: string | null;
};

/**
 * What a resident may see of a published notice: its content, where it came
 * from and when it was published. Never who wrote it (staff OPENIDs) nor the
 * bookkeeping fields; staff get the whole record through `manageGet`.
 */
export type PublicNotice = StoredNoticeContent & Pick<Notice, 'id' | 'departmentName' | 'publishedAt'> & { corrections?: NoticeCorrection[] };

/** What lists show: enough for a card, without the body (lists must stay light on a cheap phone). */
export type NoticeSummary = Pick<Notice, 'id' | 'kind' | 'title' | 'summary' | 'departmentId' | 'departmentName' | 'publishedAt'> & {
  period?: Period;
  docNumber?: string;
  validity?: PolicyValidity;
  /** Set once a correction was published: the card shows 更正. */
  correctedAt?: string;
};

/** For staff lists: the summary plus where the notice stands. */
export type NoticeManageSummary = NoticeSummary &
  Pick<Notice, 'status' | 'updatedAt' | 'version'> & {
    /** A draft or withdrawn notice set to publish itself (shown as 定时发布). */
    scheduledAt?: string;
    /** Why a withdrawn notice was withdrawn, for the staff list. */
    withdrawReason?: string;
  };
