import type { Logger } from '../_runtime/handler-context';
import { VersionConflictError, type Store } from '../_runtime/store/port';
import { expandNotification, FANOUT_BATCH } from './expand-notification';
import { DELIVERIES, OUTBOX } from './records';
import { sendDelivery } from './send-delivery';
import { sweepInterruptedSends } from './sweep-interrupted-sends';
import { remindStaffOfDeadlines } from './remind-staff-of-deadlines';
import { publishDueNotices } from '../notices/publish-due-notices';
import { closeLapsedSupplements } from '../requests/close-lapsed-supplements';
import type { WechatSender } from './wechat-sender';

/**
 * One step of the dispatcher, the same on both platforms: expand a batch of
 * each pending outbox row into inbox messages, send the WeChat messages that
 * are due, record interrupted sends, and run the periodic work: requests
 * whose supplement period lapsed are closed (Art. 30), staff are reminded of
 * deadlines, notices whose scheduled time has come are published. Answers whether work is left, so the
 * caller can go again at once instead of waiting for the next tick.
 *
 * On CloudBase a timer trigger runs steps until its time budget is spent
 * (cloudfunctions/deliveries/index.ts); in the local cloud an interval in the
 * server process does (server/local-dispatcher.ts); tests call it directly.
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
  // Periodic work; what it writes lands in the outbox to expand. The two scans run at most every
  // SCAN_EVERY_MS each; scheduled notices are looked for at every step (they are due to the minute).
  const periodic: Array<[string, () => Promise<number>]> = [
    ['closing lapsed supplements failed', () => closeLapsedSupplements(store, now(), log)],
    ['deadline reminders failed', () => remindStaffOfDeadlines(store, now())],
    ['scheduled publishing failed', () => publishDueNotices(store, now())],
  ];
  for (const [failure, work] of periodic) {
    try {
      if ((await work()) > 0) moreWork = true;
    } catch (error) {
      log.error(failure, { error: String(error) });
    }
  }
  return { expanded, sent, moreWork };
}

/** Runs steps until no work is left or `budgetMs` has passed (a CloudBase timer run, a test draining the outbox). */
export async function dispatchUntilIdle(deps: DispatchDeps, budgetMs = 50_000): Promise<DispatchResult> {
  const started = Date.now();
  const total: DispatchResult = { expanded: 0, sent: 0, moreWork: true };
  while (total.moreWork && Date.now() - started < budgetMs) {
    const step = await dispatchOnce(deps);
    total.expanded += step.expanded;
    total.sent += step.sent;
    total.moreWork = step.moreWork;
  }
  return total;
}
