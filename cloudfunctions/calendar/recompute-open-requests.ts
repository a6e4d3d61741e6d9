import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { transition } from '../../shared/requests/request-machine';
import type { RequestRecord } from '../../shared/requests/request-record';
import { reachedByCalendarChange } from '../../shared/requests/request-queries';
import type { Page, Store } from '../_runtime/store/port';
import { VersionConflictError } from '../_runtime/store/port';

const PAGE = 100;
const ATTEMPTS = 3;

/**
 * After a calendar change: every open request's due date is derived again
 * through the state machine's `recompute` step; where it moved, the request
 * is updated and the move recorded on its timeline and in `events`. Each
 * request is its own small transaction (CloudBase transactions address
 * documents by id); a clerk saving the same request meanwhile wins and the
 * recompute is retried on the fresh version. Views compute due dates afresh
 * anyway, so nobody reads a stale date even while this runs.
 */
export async function recomputeOpenRequests(
  store: Store,
  previous: WorkingCalendar,
  calendar: WorkingCalendar,
  now: Date,
  reason: string,
  /** The first day that changed: a request due before it never counted a changed day. */
  changedFrom: string,
): Promise<number> {
  let moved = 0;
  const ids = new Set<string>();
  for (const { where, orderBy } of reachedByCalendarChange(changedFrom)) {
    let cursor: string | null = null;
    do {
      const page: Page<RequestRecord> = await store.collection('requests').find({ where, orderBy, limit: PAGE, cursor });
      for (const r of page.items) ids.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
  }

  for (const id of ids) {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      try {
        const changed = await store.transaction(async (tx) => {
          const current = await tx.collection('requests').get(id);
          if (!current || !current.open) return false;
          const result = transition(current, { type: 'recompute', actor: { role: 'system', openid: null, name: null }, reason, previous }, now, calendar);
          if (Object.keys(result.request).length === 0) return false;
          await tx.collection('requests').update(id, current.version, result.request);
          for (const event of result.events) await tx.collection('events').insert(event);
          return true;
        });
        if (changed) moved += 1;
        break;
      } catch (error) {
        if (!(error instanceof VersionConflictError) || attempt === ATTEMPTS) throw error;
      }
    }
  }
  return moved;
}

