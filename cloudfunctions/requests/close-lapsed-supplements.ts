import { AppError } from '../../shared/api/errors';
import { lapsedSupplementClosure } from '../../shared/requests/supplement-lapse';
import { lapsedSupplements } from '../../shared/requests/request-queries';
import type { RequestRecord } from '../../shared/requests/request-record';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Logger } from '../_runtime/handler-context';
import { VersionConflictError, type Page, type Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { applyCommand } from './apply-command';
import { REQUESTS } from './request-collections';

const PAGE = 100;

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
export async function closeLapsedSupplements(store: Store, now: Date, log: Logger): Promise<number> {
  const calendar = await loadCalendar(store);
  const today = beijingToday(now);
  const lapsed: RequestRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<RequestRecord> = await store
      .collection(REQUESTS)
      .find({ where: lapsedSupplements.where, orderBy: lapsedSupplements.orderBy, limit: PAGE, cursor });
    lapsed.push(...page.items.filter((r) => lapsedSupplements.matches(r, today, calendar)));
    cursor = page.nextCursor;
  } while (cursor);

  let closed = 0;
  for (const r of lapsed) {
    try {
      await applyCommand({ store, now: () => now, log }, r.id, r.version, lapsedSupplementClosure(r, calendar), calendar);
      closed += 1;
    } catch (error) {
      if (overtaken(error)) log.info('lapsed supplement left alone: the request changed meanwhile', { requestId: r.id });
      else log.error('closing a lapsed supplement failed', { requestId: r.id, error: String(error) });
    }
  }
  return closed;
}

/** Someone else acted first: a newer version, or a state the closure no longer applies to. */
function overtaken(error: unknown): boolean {
  if (error instanceof VersionConflictError) return true;
  return error instanceof AppError && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_STATE');
}
