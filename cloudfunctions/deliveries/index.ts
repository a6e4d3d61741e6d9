import { cloudbaseMain, cloudbaseServices } from '../_runtime/cloudbase-main';
import { consoleLogger } from '../_runtime/handler-context';
import { deliveriesFunction } from './deliveries-function';
import { deliveriesJob } from '../_jobs/deliveries';
import { isTimerEvent, isWakeFromFunction, runTimerDispatch, WAKE_BUDGET_MS } from './dispatch-timer';

const answerCaller = cloudbaseMain(deliveriesFunction);

/**
 * Staff calls are answered like any function's; the timer trigger runs the periodic jobs (the
 * notification dispatcher first); a function that just enqueued a message wakes the dispatcher alone.
 */
export async function main(event: unknown, context: unknown) {
  const services = cloudbaseServices();
  const deps = { store: services.store, wxOpenApi: services.wxOpenApi, uploads: services.uploads, now: () => new Date(), log: consoleLogger };
  if (isTimerEvent(event, services.openidOf(context))) return runTimerDispatch(deps);
  if (isWakeFromFunction(event, services.openidOf(context), services.calledByFunction(context))) return runTimerDispatch(deps, WAKE_BUDGET_MS, [deliveriesJob]);
  return answerCaller(event, context);
}
