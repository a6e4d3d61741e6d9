import type { StoredRating } from '../../shared/ratings/ratings-types';
import { enqueueForPerson } from '../_notifications/enqueue-notification';
import type { Transaction } from '../_runtime/store/port';

const MY_RATINGS_PAGE = 'rating/pages/mine/index';

/**
 * The rater hears the outcome of their 差评 (domain.md §4: the resident is
 * notified), through the notifications outbox, written in the transaction
 * that records the answer. Message centre only: there is no WeChat
 * subscribe template for it yet (purpose null), and the resident did not ask
 * for one; they read it in 消息 and under 我的评价.
 */
export async function enqueueRatingAnswered(tx: Transaction, rating: StoredRating, answer: string, now: Date): Promise<void> {
  const title = '您的评价已有整改答复';
  const place = rating.serviceName && !rating.windowId ? rating.serviceName : rating.windowName;
  await enqueueForPerson(tx, {
    id: `ra-${rating.id}`,
    cause: 'ratingAnswered',
    subjectId: rating.id,
    openid: rating.raterOpenid,
    purpose: null,
    title,
    body: `${place}：${answer.length > 80 ? `${answer.slice(0, 80)}…` : answer} 问题解决了吗？请在「我的评价」告诉我们。`,
    link: { type: 'rating', id: rating.id },
    page: MY_RATINGS_PAGE,
    values: { title, status: '已答复', hint: '请告诉我们问题是否解决', at: now.toISOString() },
    now,
  });
}
