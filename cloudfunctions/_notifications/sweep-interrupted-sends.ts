import { CLAIM_LEASE_MS, INTERRUPTED_REASON } from '../../shared/notifications/delivery-rules';
import type { Store } from '../_runtime/store/port';
import { DELIVERIES } from './records';

/**
 * Sends claimed long ago and never marked: the sender stopped between sending
 * and marking. WeChat may or may not have delivered them; sending again could
 * message a resident twice, so they are recorded as failed with that reason
 * (staff see it; the in-app message is there regardless).
 */
export async function sweepInterruptedSends(store: Store, now: Date, limit = 100): Promise<number> {
  const cutoff = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
  const stale = await store.collection(DELIVERIES).find({
    where: { status: 'sending', claimedAt: { lt: cutoff } },
    orderBy: [['claimedAt', 'asc']],
    limit,
  });
  let swept = 0;
  for (const delivery of stale.items) {
    await store.transaction(async (tx) => {
      const current = await tx.collection(DELIVERIES).get(delivery.id);
      if (!current || current.status !== 'sending') return;
      await tx.collection(DELIVERIES).update(current.id, current.version, {
        status: 'failed',
        reason: INTERRUPTED_REASON,
        updatedAt: now.toISOString(),
      });
      swept += 1;
    });
  }
  return swept;
}
