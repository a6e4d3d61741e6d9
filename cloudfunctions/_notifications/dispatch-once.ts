import type { Logger } from '../_runtime/handler-context';
import { VersionConflictError, type Store } from '../_runtime/store/port';
import { expandNotification, FANOUT_BATCH } from './expand-notification';
import { DELIVERIES, OUTBOX } from './records';
import { sendDelivery } from './send-delivery';
import { sweepInterruptedSends } from './sweep-interrupted-sends';
import type { WechatSender } from './wechat-sender';

/**
 * One step of the notification dispatcher, the same on both platforms: expand
 * a batch of each pending outbox row into inbox messages, send the WeChat
 * messages that are due, and record interrupted sends. Answers whether work
 * is left, so the caller can go again at once instead of waiting for the next
 * tick.
 *
 * It only dispatches: it is one job of the jobs registry
 * (cloudfunctions/_jobs/registry.ts), which the CloudBase timer and the local
 * cloud's interval run step by step. The other periodic work (lapsed
 * supplements, deadline reminders, scheduled notices) is done by the jobs
 * beside it in that list.
 */
export interface DispatchDeps {
  store: Store;
  sender: WechatSender;
  now: () => Date;
  log: Logger;
  batchSize?: number;
  /** WeChat sends per step. */
  sendLimit?: number;
}

export interface DispatchResult {
  expanded: number;
  sent: number;
  moreWork: boolean;
}

export async function dispatchOnce({ store, sender, now, log, batchSize = FANOUT_BATCH, sendLimit = 50 }: DispatchDeps): Promise<DispatchResult> {
  let moreWork = false;
  let expanded = 0;
  const jobs = await store.collection(OUTBOX).find({ where: { status: 'pending' }, orderBy: [['createdAt', 'asc']], limit: 20 });
  if (jobs.nextCursor) moreWork = true;
  for (const job of jobs.items) {
    try {
      if (await expandNotification(store, job, now(), batchSize)) moreWork = true;
      expanded += 1;
    } catch (error) {
      // Another dispatcher advanced this job first; its batch stands, ours rolled back.
      if (error instanceof VersionConflictError) moreWork = true;
      else log.error('notification fan-out failed', { notificationId: job.id, error: String(error) });
    }
  }

  const due = await store.collection(DELIVERIES).find({
    where: { status: 'pending', nextAttemptAt: { lte: now().toISOString() } },
    orderBy: [['nextAttemptAt', 'asc']],
    limit: sendLimit,
  });
  if (due.nextCursor) moreWork = true;
  let sent = 0;
  for (const delivery of due.items) {
    try {
      if ((await sendDelivery(store, sender, delivery.id, now())) === 'sent') sent += 1;
    } catch (error) {
      if (!(error instanceof VersionConflictError)) log.error('subscribe message send failed', { deliveryId: delivery.id, error: String(error) });
    }
  }

  await sweepInterruptedSends(store, now());
  return { expanded, sent, moreWork };
}
