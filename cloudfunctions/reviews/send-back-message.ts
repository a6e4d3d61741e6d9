import { REVIEW_KIND_LABELS, type ReviewRecord } from '../../shared/reviews/review-kinds';
import { enqueueForPerson } from '../_notifications/enqueue-notification';
import type { Stored, Transaction } from '../_runtime/store/port';

/** The staff review page a send-back message opens (the admin subpackage). */
const REVIEW_PAGE = 'admin/pages/review/index';

/**
 * 退回修改 reaches its author: a message in their 消息 (staff area, no WeChat template) naming the
 * item, the reviewer and the comment, opening the item, whose page leads on to the notice or request
 * to fix. One per send-back (the id names the item, which is decided once), written with the decision.
 */
export async function tellAuthorOfSendBack(tx: Transaction, review: Stored<ReviewRecord>, reviewerName: string, comment: string, at: Date): Promise<void> {
  // A request is known by its tracking number, a notice by its title.
  const title = `退回修改：${review.reference ? `${review.reference} ` : ''}${review.text.title}`;
  await enqueueForPerson(tx, {
    id: `rb-${review.id}`,
    cause: 'reviewSentBack',
    subjectId: review.id,
    openid: review.authorOpenid,
    purpose: null,
    title,
    body: `您提交的“${REVIEW_KIND_LABELS[review.kind]}”被${reviewerName}退回。审核意见：${comment}`,
    link: { type: 'review', id: review.id },
    page: `${REVIEW_PAGE}?id=${review.id}`,
    values: { title, at: at.toISOString() },
    now: at,
    forStaff: true,
  });
}
