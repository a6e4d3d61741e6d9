import { unpaidFeeClosure } from '../../shared/requests/fee-notice';
import { unpaidFees } from '../../shared/requests/request-queries';
import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import { sweepRequests } from './system-sweep';

/**
 * 条例 Art. 42 and 国办函〔2020〕109号: an applicant who does not pay the fee
 * within 20 working days of the notice is taken to have given up; the request
 * closes as 其他处理 2 (`other.noFee`). Its job (_jobs/close-unpaid-fees.ts)
 * finds fee notices past their last day and the entry grace (Beijing date, the
 * bureau's calendar) and closes each through the state machine as the system:
 * the timeline event, the 终止处理告知书 and the applicant's message in one
 * transaction (applyCommand). A payment recorded meanwhile wins: the closure is
 * written against the version scanned and a conflict drops it. Answers how
 * many requests it closed.
 */
export function closeUnpaidFees(store: Store, now: Date, log: Logger): Promise<number> {
  return sweepRequests(store, now, log, { query: unpaidFees, command: unpaidFeeClosure, doing: 'closing an unpaid fee notice' });
}
