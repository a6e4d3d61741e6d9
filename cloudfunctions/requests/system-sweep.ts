import { AppError } from '../../shared/api/errors';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import type { RequestCommand } from '../../shared/requests/request-commands';
import type { RequestQuery } from '../../shared/requests/request-queries';
import type { RequestRecord } from '../../shared/requests/request-record';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Logger } from '../_runtime/handler-context';
import { VersionConflictError, type Page, type Store } from '../_runtime/store/port';
import { loadCalendar } from '../calendar/calendar-data';
import { applyCommand } from './apply-command';
import { REQUESTS } from './request-collections';

const PAGE = 100;

export interface SystemSweep {
  /** The named question whose answers the system acts on (request-queries.ts). */
  query: RequestQuery;
  /** The command the system gives each request found. */
  command: (request: RequestRecord, calendar: WorkingCalendar) => RequestCommand;
  /** What the logs call one such step, e.g. "closing a lapsed supplement". */
  doing: string;
}

/**
 * The system acting on every request a named query finds today (Beijing date,
 * the bureau's calendar), each through the state machine (applyCommand): its
 * timeline event, letter and notification in one transaction.
 *
 * Safe with concurrent runners and with people acting at the same moment:
 * each command is written against the version scanned; if a clerk (or the
 * applicant) changed the request meanwhile, that change stands and the
 * system's step is dropped (VERSION_CONFLICT), never overwritten. Answers how
 * many requests it changed.
 */
export async function sweepRequests(store: Store, now: Date, log: Logger, { query, command, doing }: SystemSweep): Promise<number> {
  const calendar = await loadCalendar(store);
  const today = beijingToday(now);
  const found: RequestRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<RequestRecord> = await store.collection(REQUESTS).find({ where: query.where, orderBy: query.orderBy, limit: PAGE, cursor });
    found.push(...page.items.filter((r) => query.matches(r, today, calendar)));
    cursor = page.nextCursor;
  } while (cursor);

  let changed = 0;
  for (const r of found) {
    try {
      await applyCommand({ store, now: () => now, log }, r.id, r.version, command(r, calendar), calendar);
      changed += 1;
    } catch (error) {
      if (overtaken(error)) log.info(`${doing}: left alone, the request changed meanwhile`, { requestId: r.id });
      else log.error(`${doing} failed`, { requestId: r.id, error: String(error) });
    }
  }
  return changed;
}

/** Someone else acted first: a newer version, or a state the system's step no longer applies to. */
function overtaken(error: unknown): boolean {
  if (error instanceof VersionConflictError) return true;
  return error instanceof AppError && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_STATE');
}
