import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import type { WxOpenApi } from '../_runtime/wx-open-api';
import type { UploadStorage } from '../_runtime/upload-storage';
import { chooseSender } from '../_notifications/choose-sender';
import { runJobsUntilIdle } from '../_jobs/run-jobs';
import type { Job } from '../_jobs/job';
import { isWakeEvent } from '../_runtime/wake-deliveries';

/**
 * The CloudBase runner of the periodic jobs: the `deliveries` function's timer
 * trigger (see config.json beside this file) runs the same job list as the
 * local cloud (cloudfunctions/_jobs/registry.ts), sending through WeChat,
 * until no job has work left or its time budget is spent; the next tick
 * carries on where it stopped.
 *
 * A timer event carries `Type: 'Timer'` and no caller. A phone can call any
 * deployed function by name, so an event from a caller (an OPENID present) is
 * never treated as the timer, whatever it claims.
 */
export const TIMER_BUDGET_MS = 50_000;

/** The timer's answer: whether work is left, and what the jobs did by name (`expanded`, `sent`, `closed`, …). */
export type TimerRunResult = { moreWork: boolean } & Record<string, number | boolean>;

export function isTimerEvent(event: unknown, callerOpenid: string | null): boolean {
  return !callerOpenid && typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/**
 * A wake (wake-deliveries.ts) is honoured from another function (the platform's source chain ends in
 * `scf`) or with no caller at all; a phone's call carrying it is answered like any other call (and
 * refused: it names no action). It runs the notification dispatcher only, for a shorter budget.
 */
export function isWakeFromFunction(event: unknown, callerOpenid: string | null, calledByFunction: boolean): boolean {
  return isWakeEvent(event) && (calledByFunction || !callerOpenid);
}

export const WAKE_BUDGET_MS = 20_000;

/**
 * Runs `jobs`, by default every periodic job. The whole list is loaded on the timer's first run only
 * (periodic-jobs.ts, a file of its own in the bundle): staff calls and a wake (the dispatcher alone,
 * right after a reply) start the function without the request machine, retention and the rest.
 */
export async function runTimerDispatch(
  deps: { store: Store; wxOpenApi: WxOpenApi; now: () => Date; log: Logger; uploads?: UploadStorage },
  budgetMs = TIMER_BUDGET_MS,
  jobs?: readonly Job[],
): Promise<{ ok: true; data: TimerRunResult }> {
  const list = jobs ?? (await import('./periodic-jobs')).JOBS;
  const sender = chooseSender({ platform: 'cloudbase', store: deps.store, now: deps.now, wxOpenApi: deps.wxOpenApi });
  const run = await runJobsUntilIdle({ store: deps.store, sender, now: deps.now, log: deps.log, uploads: deps.uploads }, budgetMs, list);
  const result: TimerRunResult = { ...run.counts, moreWork: run.moreWork };
  deps.log.info('dispatcher run', result);
  return { ok: true, data: result };
}
