import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { transition } from '../../shared/requests/request-machine';
import { reachedByCalendarChange } from '../../shared/requests/request-queries';
import { SYSTEM_ACTOR, type RequestRecord } from '../../shared/requests/request-record';
import { enqueueRequestNotifications } from '../_notifications/enqueue-notification';
import { changeRecordRetrying } from '../_runtime/change-record';
import type { Page, Store } from '../_runtime/store/port';

const PAGE = 100;

/**
 * After a calendar change: every open request's due date is derived again
 * through the state machine's `recompute` step; where it moved, the request
 * is updated and the move recorded on its timeline and in `events`; where a
 * date the applicant was told (reply, supplement, payment) moved, they are
 * notified of the new one through the outbox. Each
 * request is its own change on the one change road (CloudBase transactions
 * address documents by id); a clerk saving the same request meanwhile wins
 * and the recompute is retried on the fresh version. Views compute due dates
 * afresh anyway, so nobody reads a stale date even while this runs.
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
  const ids = new Set<string>();
  for (const { where, orderBy } of reachedByCalendarChange(changedFrom)) {
    let cursor: string | null = null;
    do {
      const page: Page<RequestRecord> = await store.collection('requests').find({ where, orderBy, limit: PAGE, cursor });
      for (const r of page.items) ids.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
  }

  let moved = 0;
  for (const id of ids) {
    // Requests are never deleted, so an id just listed is still there: REQUEST_NOT_FOUND cannot happen.
    const { changed } = await changeRecordRetrying(store, {
      collection: 'requests',
      id,
      notFound: 'REQUEST_NOT_FOUND',
      decide: (current) => {
        // Answered or closed since it was listed: its due date no longer moves.
        if (!current.open) return null;
        const result = transition(current, { type: 'recompute', actor: SYSTEM_ACTOR, reason, previous }, now, calendar);
        if (Object.keys(result.request).length === 0) return null;
        // A date the applicant was told that moved: they hear the new one, in the same transaction.
        return { patch: result.request, events: result.events, alongside: (tx) => enqueueRequestNotifications(tx, result.notifications, now) };
      },
    });
    if (changed) moved += 1;
  }
  return moved;
}
