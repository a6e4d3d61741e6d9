import { lapsedConsultationEnding } from '../../shared/requests/consultation-lapse';
import { lapsedConsultations } from '../../shared/requests/request-queries';
import type { Logger } from '../_runtime/handler-context';
import type { Store } from '../_runtime/store/port';
import { sweepRequests } from './system-sweep';

/**
 * Art. 34: a consulted agency that has not answered within 15 working days is
 * taken to agree. Its job (_jobs/consultation-periods.ts) finds agency
 * consultations whose period ended before today and ends each through the
 * state machine as the system (applyCommand): the timeline says the period ran
 * out and when, and the request is back in 办理中. The clock never waited for
 * this (request-clock.ts caps the pause); this puts it on the record.
 *
 * A clerk who acted meanwhile wins: the ending is written against the version
 * scanned, and a conflict drops it. Answers how many consultations it ended.
 */
export function endLapsedConsultations(store: Store, now: Date, log: Logger): Promise<number> {
  return sweepRequests(store, now, log, { query: lapsedConsultations, command: () => lapsedConsultationEnding, doing: 'ending a lapsed consultation' });
}
