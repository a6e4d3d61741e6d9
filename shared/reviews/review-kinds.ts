import type { Attachment, NoticeContent } from '../notices/notice-schema';
import type { NoticeDiff } from '../notices/notice-versions';
import type { RequestCommand } from '../requests/request-commands';

/**
 * 公开审查 (条例 Art. 17): which acts need a second person's approval before they take effect.
 * Each kind is one act; the bureau's settings say, per kind, whether it waits for a reviewer.
 * Every kind is routed through review where the bureau requires it: publishing and correcting a
 * notice, and the reply, closure and extension letters of a request.
 */
export const REVIEW_KINDS = ['notice.publish', 'notice.correct', 'request.reply', 'request.close', 'request.extend'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  'notice.publish': '发布公开信息',
  'notice.correct': '更正已发布信息',
  'request.reply': '答复申请',
  'request.close': '终止办理申请',
  'request.extend': '延长答复期限',
};

/** What goes out to the public, or to an applicant, waits for review unless the bureau says otherwise. */
export const DEFAULT_REVIEW_REQUIRED: Record<ReviewKind, boolean> = {
  'notice.publish': true,
  'notice.correct': true,
  'request.reply': true,
  'request.close': false,
  'request.extend': false,
};

/** The `meta` document holding the bureau's choices. */
export const REVIEW_SETTINGS_ID = 'review-settings';

export function reviewRequiredInForce(stored: Partial<Record<ReviewKind, boolean>> | undefined): Record<ReviewKind, boolean> {
  return { ...DEFAULT_REVIEW_REQUIRED, ...(stored ?? {}) };
}

export const REVIEW_STATUSES = ['pending', 'approved', 'sentBack'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * One act waiting for (or past) review. `text` is exactly what will go out, frozen when it was
 * submitted; `subjectVersion` is the subject's version then, so an edit made during review cannot
 * slip out under the reviewer's approval.
 */
export interface ReviewRecord {
  kind: ReviewKind;
  subjectId: string;
  subjectVersion: number;
  status: ReviewStatus;
  authorOpenid: string;
  authorName: string;
  submittedAt: string;
  text: { title: string; body: string };
  reviewerOpenid: string | null;
  reviewerName: string | null;
  decidedAt: string | null;
  comment: string | null;
  /**
   * What approval carries out, frozen at submission: the request's command (its letter is `text`),
   * or the corrected content of a published notice. Absent on `notice.publish`, which publishes the
   * subject's version as it stands.
   */
  payload?: ReviewPayload;
  /**
   * The subject's department when the item was submitted (a request's 承办部门, the 发布部门 of the
   * notice as it will go out): a reviewer scoped to departments sees only theirs (review-scope.ts).
   */
  departmentId?: string | null;
  /** A request's tracking number: the reviewer's handle on the case. */
  reference?: string;
  /**
   * A request's statutory due date when the item was submitted: the clock keeps running during
   * review (Art. 33), so the queue shows how much time is left as well as how long it has waited.
   */
  dueOn?: string | null;
  /** `notice.correct`: the exact change to the published notice (title, summary and body line by line, attachments, other fields). */
  diff?: CorrectionDiff;
  /**
   * `notice.correct`: the sentence residents will read beside 更正 (修改了正文第2段和附件), frozen with the
   * text: the reviewer approves it as it will go out. Dated the day of approval (notice-corrections.ts).
   */
  correctionNote?: string;
}

/** A request command as a review item keeps it: the author is the actor when it is carried out. */
export type ReviewedRequestCommand = DistributiveOmit<Extract<RequestCommand, { type: 'reply' | 'close' | 'extend' }>, 'actor'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ReviewPayload =
  | { type: 'request'; command: ReviewedRequestCommand }
  | { type: 'noticeCorrection'; content: NoticeContent; departmentName: string }
  /** 定时发布 under review: approval sets the schedule (or publishes at once if the time passed meanwhile). */
  | { type: 'schedule'; publishAt: string };

export interface CorrectionDiff extends NoticeDiff {
  attachments: { added: Attachment[]; removed: Attachment[] };
}

/** The kinds of act a request can wait with, by the command that carries each out. */
export const REQUEST_REVIEW_KIND: Record<ReviewedRequestCommand['type'], ReviewKind> = {
  reply: 'request.reply',
  close: 'request.close',
  extend: 'request.extend',
};

export type ReviewItem = ReviewRecord & { id: string; version: number };

/**
 * An item as a list shows it (`reviews.queue`, `reviews.forSubject`): what it is, where it stands and
 * its title, without the text that goes out or what approval carries out. A request's letter is
 * addressed to the applicant by name, so reading it is `reviews.get`, a view on the audit trail; a
 * list of twenty letters would otherwise be twenty unrecorded views.
 */
export type ReviewSummary = Omit<ReviewItem, 'text' | 'payload'> & { text: { title: string } };

export function reviewSummaryOf(item: ReviewItem): ReviewSummary {
  const { text, payload: _carriedOut, ...rest } = item;
  return { ...rest, text: { title: text.title } };
}

export interface ReviewEvent {
  subjectType: 'review';
  subjectId: string;
  /** `departmentChanged`: the request was handed to another department, and its item with it. */
  action: 'submitted' | 'approved' | 'sentBack' | 'settingsChanged' | 'departmentChanged';
  actor: string;
  at: string;
  /** On a decision: the author and the reviewer by name, and the reviewer's comment. */
  detail: string | null;
}
