import type { FollowUpRecord } from '../../shared/ratings/follow-up';
import type { StoredRating } from '../../shared/ratings/ratings-types';
import { enqueueForPerson } from '../_notifications/enqueue-notification';
import type { Transaction } from '../_runtime/store/port';

const MY_RATINGS_PAGE = 'rating/pages/mine/index';
const ADMIN_FOLLOW_UP_PAGE = 'admin/pages/follow-up/index';

/** What the rater hears about: the answer, a 限期整改's plan, or its completion. */
export type RaterNews = { kind: 'answered'; answer: string; planDueDate: string | null; again: boolean } | { kind: 'rectified'; done: string };

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * The rater hears the outcome of their 差评 (domain.md §4: the resident is
 * notified), through the notifications outbox, written in the transaction
 * that records the answer. Message centre only: there is no WeChat
 * subscribe template for it yet (purpose null), and the resident did not ask
 * for one; they read it in 消息 and under 我的评价. A 限期整改 is told twice:
 * the plan with its date, then what was done — only then is the rater asked
 * whether it solved the problem.
 */
export async function enqueueRatingNews(tx: Transaction, rating: StoredRating, news: RaterNews, now: Date): Promise<void> {
  const place = rating.serviceName && !rating.windowId ? rating.serviceName : rating.windowName;
  const ask = '问题解决了吗？请在「我的评价」告诉我们。';
  const { id, cause, title, body, status, hint } =
    news.kind === 'rectified'
      ? { id: `rr-${rating.id}`, cause: 'ratingRectified' as const, title: '您反映的问题已整改完成', body: `${place}：${clip(news.done)} ${ask}`, status: '整改完成', hint: '请告诉我们问题是否解决' }
      : news.planDueDate
        ? {
            id: news.again ? `ra2-${rating.id}` : `ra-${rating.id}`,
            cause: 'ratingAnswered' as const,
            title: '您的评价已有整改答复',
            body: `${place}：${clip(news.answer)} 将于 ${news.planDueDate} 前整改完成，完成后再告知您。`,
            status: '限期整改中',
            hint: `整改期限 ${news.planDueDate}`,
          }
        : {
            id: news.again ? `ra2-${rating.id}` : `ra-${rating.id}`,
            cause: 'ratingAnswered' as const,
            title: '您的评价已有整改答复',
            body: `${place}：${clip(news.answer)} ${ask}`,
            status: '已答复',
            hint: '请告诉我们问题是否解决',
          };
  await enqueueForPerson(tx, {
    id,
    cause,
    subjectId: rating.id,
    openid: rating.raterOpenid,
    purpose: null,
    title,
    body,
    link: { type: 'rating', id: rating.id },
    page: MY_RATINGS_PAGE,
    values: { title, status, hint, at: now.toISOString() },
    now,
  });
}

/**
 * The rater said the answer did not solve the problem: the follow-up is open
 * again and each admin hears of it in 消息 (the escalation 国办发〔2019〕51号
 * asks for an unsolved 差评), besides the deadline reminders that now go to
 * them too (follow-up-deadlines.ts).
 */
export async function enqueueReopenedForAdmins(tx: Transaction, followUp: FollowUpRecord & { id: string }, adminIds: readonly string[], note: string, dueDate: string, now: Date): Promise<void> {
  const place = followUp.serviceName ? `${followUp.windowName}（${followUp.serviceName}）` : followUp.windowName;
  const title = `差评整改未解决，已重新办理：${place}`;
  const body = `评价人表示问题未解决${note ? `：${clip(note)}` : ''}。该差评已重新打开，须在 ${dueDate} 前再次联系评价人、整改并答复。`;
  for (const admin of adminIds) {
    await enqueueForPerson(tx, {
      id: `ro-${followUp.id}-${admin}`,
      cause: 'ratingReopened',
      subjectId: followUp.id,
      openid: admin,
      purpose: null,
      title,
      body,
      link: { type: 'rating', id: followUp.id },
      page: `${ADMIN_FOLLOW_UP_PAGE}?id=${followUp.id}`,
      values: { title, at: now.toISOString() },
      now,
      forStaff: true,
    });
  }
}
