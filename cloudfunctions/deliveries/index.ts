import { cloudbaseMain, cloudbaseServices } from '../_runtime/cloudbase-main';
import { consoleLogger } from '../_runtime/handler-context';
import { deliveriesFunction } from './deliveries-function';
import { isTimerEvent, runTimerDispatch } from './dispatch-timer';

const answerCaller = cloudbaseMain(deliveriesFunction);

/** Staff calls are answered like any function's; the timer trigger runs the periodic jobs (the notification dispatcher first). */
export async function main(event: unknown, context: unknown) {
  const services = cloudbaseServices();
  if (isTimerEvent(event, services.openidOf(context))) {
    return runTimerDispatch({ store: services.store, wxOpenApi: services.wxOpenApi, uploads: services.uploads, now: () => new Date(), log: consoleLogger });
  }
  return answerCaller(event, context);
}
