import type { Attachment } from '../../shared/notices/notice-schema';
import type { NoticeDiff } from '../../shared/notices/notice-versions';
import type { ReviewItem, ReviewStatus, ReviewSummary } from '../../shared/reviews/review-kinds';

/**
 * A review item as the staff pages read it: whatever kind it is, `text` is what goes out. Items of
 * some kinds carry more — a correction its diff, a request its tracking number and statutory due
 * date — and the pages show those where present, so a new kind needs no new page.
 */
export type ReviewItemView = ReviewItem & {
  diff?: NoticeDiff & { attachments?: { added: Attachment[]; removed: Attachment[] } };
  reference?: string;
  dueOn?: string | null;
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  sentBack: '已退回',
};

/** The line a reviewer recognises the item by: the request's tracking number and the letter's title, or the notice's title. */
export function reviewSubject(item: Pick<ReviewSummary, 'reference' | 'text'>): string {
  return item.reference ? `${item.reference} · ${item.text.title}` : item.text.title;
}
