import { formatBeijingDateTime } from '../time/beijing-time';
import type { ReviewKind, ReviewPayload } from './review-kinds';

/**
 * What staff are told about a review item, in words: how long it has waited (the queue shows the
 * oldest first, and a deadline keeps running during review), and what approving it will do and to
 * whom — the confirmation a reviewer reads before an act that cannot be taken back.
 */

/** 「不到 1 小时」「5 小时」「2 天 3 小时」: calendar time since submission, as a reviewer feels it. */
export function waitedFor(submittedAt: string, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(submittedAt)) / 3_600_000));
  if (hours < 1) return '不到 1 小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return `${hours} 小时`;
  return rest === 0 ? `${days} 天` : `${days} 天 ${rest} 小时`;
}

/** Whom an act reaches once it takes effect. */
export const REVIEW_KIND_AUDIENCE: Record<ReviewKind, string> = {
  'notice.publish': '所有居民',
  'notice.correct': '所有居民',
  'request.reply': '申请人',
  'request.close': '申请人',
  'request.extend': '申请人',
};

/** What approving does, said before it happens (the reviewer's confirmation). */
export const APPROVE_CONSEQUENCES: Record<ReviewKind, string> = {
  'notice.publish': '审核通过后立即公开发布：所有居民可在“政务公开”中看到，订阅该类信息的居民会收到通知。发布后只能撤回，不能收回已发出的通知。',
  'notice.correct': '审核通过后更正立即生效：居民看到“更正”标记、日期和改动说明，订阅该类信息的居民会收到通知。',
  'request.reply': '审核通过后答复书立即送达申请人（站内信及微信通知），申请办结，不能撤回。',
  'request.close': '审核通过后申请终止办理，告知书立即送达申请人，不能撤回。',
  'request.extend': '审核通过后答复期限延长，延期告知书立即送达申请人；每件申请只能延期一次。',
};

/**
 * What approving this item does: a 定时发布 under review is not published at once but set for its
 * time (at once only if that time passed while it waited).
 */
export function approveConsequence(kind: ReviewKind, payload: ReviewPayload | undefined): string {
  if (payload?.type === 'schedule') {
    return `审核通过后定时发布：${formatBeijingDateTime(payload.publishAt)} 自动公开发布（该时间已过则立即发布），所有居民可在“政务公开”中看到，订阅该类信息的居民会收到通知。`;
  }
  return APPROVE_CONSEQUENCES[kind];
}
