import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import type { WxOpenApi } from '../_runtime/wx-open-api';
import { chooseSender } from '../_notifications/choose-sender';
import { dispatchUntilIdle, type DispatchResult } from '../_notifications/dispatch-once';

/**
 * The CloudBase dispatcher: the `deliveries` function's timer trigger (see
 * config.json beside this file) runs the same dispatcher steps as the local
 * cloud, sending through WeChat, until the outbox is idle or its time budget
 * is spent; the next tick carries on where it stopped.
 *
 * A timer event carries `Type: 'Timer'` and no caller. A phone can call any
 * deployed function by name, so an event from a caller (an OPENID present) is
 * never treated as the timer, whatever it claims.
 */
export const TIMER_BUDGET_MS = 50_000;

export function isTimerEvent(event: unknown, callerOpenid: string | null): boolean {
  return !callerOpenid && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

export async function runTimerDispatch(
  deps: { store: Store; wxOpenApi: WxOpenApi; now: () => Date; log: Logger },
  budgetMs = TIMER_BUDGET_MS,
): Promise<{ ok: true; data: DispatchResult }> {
  const sender = chooseSender({ platform: 'cloudbase', store: deps.store, now: deps.now, wxOpenApi: deps.wxOpenApi });
  const result = await dispatchUntilIdle({ store: deps.store, sender, now: deps.now, log: deps.log }, budgetMs);
  deps.log.info('dispatcher run', { ...result });
  return { ok: true, data: result };
}
