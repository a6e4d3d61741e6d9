import { AppError } from '../../shared/api/errors';
import { lapsedConsultationEnding } from '../../shared/requests/consultation-lapse';
import { lapsedConsultations } from '../../shared/requests/request-queries';
import type { RequestRecord } from '../../shared/requests/request-record';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Logger } from '../_runtime/handler-context';
import { VersionConflictError, type Page, type Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { applyCommand } from './apply-command';
import { REQUESTS } from './request-collections';

const PAGE = 100;

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
export async function endLapsedConsultations(store: Store, now: Date, log: Logger): Promise<number> {
  const calendar = await loadCalendar(store);
  const today = beijingToday(now);
  const lapsed: RequestRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<RequestRecord> = await store
      .collection(REQUESTS)
      .find({ where: lapsedConsultations.where, orderBy: lapsedConsultations.orderBy, limit: PAGE, cursor });
    lapsed.push(...page.items.filter((r) => lapsedConsultations.matches(r, today, calendar)));
    cursor = page.nextCursor;
  } while (cursor);

  let ended = 0;
  for (const r of lapsed) {
    try {
      await applyCommand({ store, now: () => now, log }, r.id, r.version, lapsedConsultationEnding, calendar);
      ended += 1;
    } catch (error) {
      if (overtaken(error)) log.info('lapsed consultation left alone: the request changed meanwhile', { requestId: r.id });
      else log.error('ending a lapsed consultation failed', { requestId: r.id, error: String(error) });
    }
  }
  return ended;
}

/** Someone else acted first: a newer version, or a state the ending no longer applies to. */
function overtaken(error: unknown): boolean {
  if (error instanceof VersionConflictError) return true;
  return error instanceof AppError && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_STATE');
}
