import * as z from 'zod/mini';
import { action } from '../api/define';
import { CursorSchema, IdSchema, LimitSchema, VersionSchema, type PageOf } from '../api/common';
import { staff } from '../staff/roles';
import { REVIEW_KINDS, REVIEW_STATUSES, type ReviewItem, type ReviewKind, type ReviewSummary } from './review-kinds';

export interface ReviewSettingsView {
  /** The kinds of act that wait for a reviewer; every other kind takes effect at once. */
  required: ReviewKind[];
  version: number;
}

/** What `notices.publish`, `save` (a correction), `schedule` and `requests.reply`, `close`, `extend` answer when the act waits for a reviewer: nothing has gone out yet. */
export interface PendingReview {
  pendingReview: true;
  reviewId: string;
}

/**
 * Function `reviews`: 公开审查 (条例 Art. 17). Reviewers (and admins) see what waits and
 * approve it or send it back; the author may open their own item to read the comment.
 */
export const reviewsContract = {
  queue: action<PageOf<ReviewSummary>>()({
    input: z.strictObject({
      status: z._default(z.enum(REVIEW_STATUSES), 'pending'),
      /** 我的待办's 待我审核: leave out the caller's own submissions, which someone else must decide (SELF_REVIEW). */
      othersOnly: z.optional(z.literal(true)),
      cursor: CursorSchema,
      limit: LimitSchema,
    }),
    access: staff('reviewer'),
    summary: '待审核（或已审核）的事项，最早提交的在前',
    writes: false,
  }),
  get: action<ReviewItem>()({
    input: z.strictObject({ id: IdSchema }),
    // Authors open their own items (the comment of a send-back): publishers' notices, handlers' letters.
    access: staff('reviewer', 'publisher', 'handler'),
    summary: '一项审核：将要发出的原文、提交人、审核意见；提交人可查看自己的（查看留痕）',
    // Writes its audit entry (below), nothing else.
    writes: true,
    // A letter goes out addressed to the applicant by name (and, for an organisation, its details):
    // reading it before it goes out is a view of their personal data, on the audit trail like the
    // handler's detail view. A notice's item holds none, but one rule for the action keeps it simple.
    viewsPersonalData: true,
  }),
  forSubject: action<ReviewSummary | null>()({
    input: z.strictObject({ subjectId: IdSchema }),
    access: staff('reviewer', 'publisher', 'handler'),
    summary: '某一事项（公告、申请）最近一次提交的审核：待审核、已退回（附意见）或已通过；提交人只能看到自己提交的',
    writes: false,
  }),
  approve: action<ReviewItem>()({
    input: z.strictObject({ id: IdSchema, version: VersionSchema }),
    access: staff('reviewer'),
    summary: '审核通过：随即发布，不能审核本人提交的事项',
    writes: true,
  }),
  sendBack: action<ReviewItem>()({
    input: z.strictObject({ id: IdSchema, version: VersionSchema, comment: z.string().check(z.trim(), z.minLength(2, '请填写退回意见'), z.maxLength(500)) }),
    access: staff('reviewer'),
    summary: '退回修改，附审核意见',
    writes: true,
  }),
  settings: action<ReviewSettingsView>()({
    input: z.strictObject({}),
    access: staff('admin'),
    summary: '哪些事项须经审核',
    writes: false,
  }),
  saveSettings: action<ReviewSettingsView>()({
    input: z.strictObject({
      version: z.number().check(z.int(), z.gte(0)),
      required: z.array(z.enum(REVIEW_KINDS)).check(z.maxLength(REVIEW_KINDS.length)),
    }),
    access: staff('admin'),
    summary: '设定哪些事项须经审核',
    writes: true,
  }),
} as const;
