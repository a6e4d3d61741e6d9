/**
 * 公开审查 (条例 Art. 17): which acts need a second person's approval before they take effect.
 * Each kind is one act; the bureau's settings say, per kind, whether it waits for a reviewer.
 * Only `notice.publish` is routed through review today; the other kinds are settings the bureau
 * can already hold, so that turning them on later needs no change to stored data.
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
}

export type ReviewItem = ReviewRecord & { id: string; version: number };

export interface ReviewEvent {
  subjectType: 'review';
  subjectId: string;
  action: 'submitted' | 'approved' | 'sentBack' | 'settingsChanged';
  actor: string;
  at: string;
  /** On a decision: the author and the reviewer by name, and the reviewer's comment. */
  detail: string | null;
}
