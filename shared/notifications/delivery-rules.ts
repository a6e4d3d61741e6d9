/**
 * When a WeChat send failed, what next: try again later, or stop and say why.
 * Pure, so the retry and give-up rules are tested without a clock or a network.
 *
 * WeChat's subscribeMessage.send answers an `errcode`:
 * - 43101: the resident refused, or the one-time consent was already used —
 *   consent is gone; never retry, and mark the grant spent.
 * - 40003 (bad openid), 40037 (bad template id), 47003 (bad field values),
 *   41030 (bad page): our data is wrong — retrying cannot help.
 * - -1 (system busy), 45009/45011/45047 (rate limits): WeChat said it did not
 *   send — transient: retry with growing pauses, then give up.
 * - No answer (a thrown network error or a timeout, `errcode` null): WeChat may
 *   already have delivered it. A resident must never get a message twice, so
 *   it is `unknown`: recorded like an interrupted send, never retried.
 * - Any other code: WeChat refused it for a reason we do not know — recorded,
 *   not retried (only the codes above are worth another try).
 */
export type FailureClass = 'transient' | 'consentGone' | 'permanent' | 'unknown';

const PERMANENT: Record<number, string> = {
  40003: '接收者 openid 无效',
  40037: '订阅消息模板编号无效',
  47003: '模板字段内容不符合要求',
  41030: '跳转页面不存在或未发布',
  43107: '订阅消息能力已被封禁',
};
const TRANSIENT = new Set([-1, 45009, 45011, 45047]);

export function classifyFailure(errcode: number | null): FailureClass {
  if (errcode === 43101) return 'consentGone';
  if (errcode === null) return 'unknown';
  return TRANSIENT.has(errcode) ? 'transient' : 'permanent';
}

export function describeFailure(errcode: number | null, errmsg = ''): string {
  if (errcode === null) return `${UNKNOWN_RESULT_REASON}（${errmsg || '无应答'}）`;
  if (errcode === 43101) return '居民未授权或授权已用完（43101）';
  const known = PERMANENT[errcode];
  return known ? `${known}（${errcode}）` : `微信返回错误 ${errcode}${errmsg ? `：${errmsg}` : ''}`;
}

/** Attempts before a transiently failing message is given up (the in-app message is already there). */
export const MAX_ATTEMPTS = 5;
/** Pauses after the 1st, 2nd, … failed attempt. */
export const BACKOFF_SECONDS = [30, 120, 600, 3600];

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const pause = BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)];
  return new Date(now.getTime() + pause * 1000);
}

/**
 * A send claimed this long ago and never marked means the sender crashed
 * between sending and marking. Whether WeChat delivered it is unknown, and a
 * resident must never get the same message twice, so it is recorded as
 * unknown and not sent again. Far longer than any one send can take.
 */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;
export const INTERRUPTED_REASON = '发送中断，结果未知；为免重复，不再重发';
/** A send that threw or timed out: WeChat may have delivered it, so it is not sent again. */
export const UNKNOWN_RESULT_REASON = '结果未知，为免重复不再重试';
