import { lapsedSupplements } from '../../shared/requests/request-queries';
import { lapsedSupplementClosure } from '../../shared/requests/supplement-lapse';
import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import { sweepRequests } from './system-sweep';

/**
 * Art. 30: an applicant who lets the supplement period run out without good
 * reason is treated as having withdrawn; the request closes as 其他处理 1
 * (`other.noSupplement`). Its job (_jobs/close-lapsed-supplements.ts) finds requests
 * whose period ended before today (Beijing date, the bureau's working
 * calendar) and closes each through the state machine as the system, with
 * its timeline event, its 终止处理告知书 and the applicant's notification in
 * one transaction (applyCommand).
 *
 * Safe with concurrent runners and with people acting at the same moment:
 * each closure is written against the version scanned; if a clerk (or the
 * applicant, on the last day) changed the request meanwhile, that change
 * stands and this closure is dropped (VERSION_CONFLICT), never overwritten.
 * Answers how many requests it closed.
 */
export function closeLapsedSupplements(store: Store, now: Date, log: Logger): Promise<number> {
  return sweepRequests(store, now, log, { query: lapsedSupplements, command: lapsedSupplementClosure, doing: 'closing a lapsed supplement' });
}
