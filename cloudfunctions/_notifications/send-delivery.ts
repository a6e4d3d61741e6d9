import { canSend, consentGone, refundGrant, spendGrant } from '../../shared/notifications/grants';
import { classifyFailure, describeFailure, nextAttemptAt } from '../../shared/notifications/delivery-rules';
import type { Store } from '../_runtime/store/port';
import { noGrantReason } from './expand-notification';
import { DELIVERIES, GRANTS, grantIdFor, type DeliveryRecord } from './records';
import type { SendAnswer, WechatSender } from './wechat-sender';

/**
 * Sends one WeChat subscribe message: claim, send, mark.
 *
 * 1. Claim (one transaction): the row must still be `pending` and due; it
 *    becomes `sending`, and a one-time grant is spent in the same step (once
 *    per message: a retry finds it already spent). No grant left → `noGrant`.
 * 2. Send, outside any transaction.
 * 3. Mark (one transaction): `sent`; or 43101 → `noGrant` and the consent
 *    recorded as gone; a permanent error → `failed` with the reason (and the
 *    one-time grant refunded: WeChat did not use it); a transient code (-1,
 *    rate limits) → `pending` again later, or `failed` after the last attempt.
 *    No answer (the call threw or timed out) → `failed`, never retried: WeChat
 *    may have delivered it, exactly like a crash between 2 and 3 (the
 *    one-time grant stays spent).
 *
 * A crash between 2 and 3 leaves the row `sending`: nobody claims it again,
 * so it is never sent twice; sweepInterruptedSends records it as unknown.
 */
export type SendOutcome = 'sent' | 'noGrant' | 'failed' | 'retry' | 'skipped';

export async function sendDelivery(store: Store, sender: WechatSender, deliveryId: string, now: Date): Promise<SendOutcome> {
  const claimed = await claim(store, deliveryId, now);
  if (claimed.outcome) return claimed.outcome;
  const delivery = claimed.delivery;

  let answer: SendAnswer | null;
  let problem = '';
  try {
    answer = await sender.send({
      deliveryId,
      subjectId: delivery.subjectId,
      touser: delivery.openid,
      templateId: delivery.templateId as string,
      page: delivery.page,
      data: delivery.data ?? {},
    });
  } catch (error) {
    answer = null;
    problem = error instanceof Error ? error.message : String(error);
  }
  return mark(store, delivery, answer, problem, now);
}

async function claim(store: Store, id: string, now: Date): Promise<{ outcome: SendOutcome; delivery?: undefined } | { outcome: null; delivery: DeliveryRecord & { id: string; version: number } }> {
  return store.transaction(async (tx) => {
    const deliveries = tx.collection(DELIVERIES);
    const delivery = await deliveries.get(id);
    if (!delivery || delivery.status !== 'pending' || delivery.nextAttemptAt > now.toISOString() || !delivery.templateId) {
      return { outcome: 'skipped' as const };
    }
    const at = now.toISOString();
    const grants = tx.collection(GRANTS);
    const grant = await grants.get(grantIdFor(delivery.openid, delivery.templateId));
    if (!delivery.grantSpent && !canSend(grant)) {
      await deliveries.update(id, delivery.version, { status: 'noGrant', reason: noGrantReason(true, grant), updatedAt: at });
      return { outcome: 'noGrant' as const };
    }
    let grantSpent = delivery.grantSpent;
    // Only a one-time grant is spent; a long-term one stays as it is (no write: a bulletin's sends cost no grant writes).
    if (!grantSpent && grant && grant.kind === 'oneTime') {
      await grants.update(grant.id, grant.version, { ...spendGrant(grant), updatedAt: at });
      grantSpent = true;
    }
    const claimed = await deliveries.update(id, delivery.version, {
      status: 'sending',
      claimedAt: at,
      attempts: delivery.attempts + 1,
      grantSpent,
      updatedAt: at,
    });
    return { outcome: null, delivery: claimed };
  });
}

async function mark(
  store: Store,
  delivery: DeliveryRecord & { id: string; version: number },
  answer: SendAnswer | null,
  problem: string,
  now: Date,
): Promise<SendOutcome> {
  const at = now.toISOString();
  return store.transaction(async (tx) => {
    const deliveries = tx.collection(DELIVERIES);
    if (answer && answer.errcode === 0) {
      await deliveries.update(delivery.id, delivery.version, { status: 'sent', sentAt: at, reason: null, updatedAt: at });
      return 'sent';
    }
    const errcode = answer ? answer.errcode : null;
    const reason = describeFailure(errcode, answer ? answer.errmsg : problem);
    const failure = classifyFailure(errcode);
    const grants = tx.collection(GRANTS);
    const grant = await grants.get(grantIdFor(delivery.openid, delivery.templateId as string));

    if (failure === 'consentGone') {
      if (grant) await grants.update(grant.id, grant.version, { ...consentGone(grant), updatedAt: at });
      await deliveries.update(delivery.id, delivery.version, { status: 'noGrant', reason, updatedAt: at });
      return 'noGrant';
    }
    const retryAt = failure === 'transient' ? nextAttemptAt(delivery.attempts, now) : null;
    if (retryAt) {
      await deliveries.update(delivery.id, delivery.version, { status: 'pending', nextAttemptAt: retryAt.toISOString(), reason, updatedAt: at });
      return 'retry';
    }
    // Given up. WeChat refused this message outright, so it did not use the
    // one-time grant: give it back. (After transient failures or no answer it may have.)
    const refund = failure === 'permanent' && !!grant && delivery.grantSpent;
    if (refund) await grants.update(grant.id, grant.version, { ...refundGrant(grant), updatedAt: at });
    const final = failure === 'transient' ? `多次重试仍失败：${reason}` : reason;
    await deliveries.update(delivery.id, delivery.version, { status: 'failed', reason: final, grantSpent: delivery.grantSpent && !refund, updatedAt: at });
    return 'failed';
  });
}
