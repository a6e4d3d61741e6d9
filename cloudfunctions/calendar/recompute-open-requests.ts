import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { transition } from '../../shared/requests/request-machine';
import { reachedByCalendarChange } from '../../shared/requests/request-queries';
import { SYSTEM_ACTOR } from '../../shared/requests/request-record';
import { enqueueRequestNotifications } from '../_notifications/enqueue-notification';
import type { Store } from '../_runtime/store/port';
import { recomputeOpen } from './recompute-open';

/**
 * After a calendar change: every open request's due date is derived again
 * through the state machine's `recompute` step; where it moved, the request
 * is updated and the move recorded on its timeline and in `events`; where a
 * date the applicant was told (reply, supplement, payment) moved, they are
 * notified of the new one through the outbox. Each request is its own change
 * on the one change road (recompute-open.ts). Views compute due dates afresh
 * anyway, so nobody reads a stale date even while this runs.
 */
export function recomputeOpenRequests(
  store: Store,
  previous: WorkingCalendar,
  calendar: WorkingCalendar,
  now: Date,
  reason: string,
  /** The first day that changed: a request due before it never counted a changed day. */
  changedFrom: string,
): Promise<number> {
  return recomputeOpen(store, {
    collection: 'requests',
    // Requests are never deleted, so an id just listed is still there: REQUEST_NOT_FOUND cannot happen.
    notFound: 'REQUEST_NOT_FOUND',
    queries: reachedByCalendarChange(changedFrom),
    decide: (current) => {
      // Answered or closed since it was listed: its due date no longer moves.
      if (!current.open) return null;
      const result = transition(current, { type: 'recompute', actor: SYSTEM_ACTOR, reason, previous }, now, calendar);
      if (Object.keys(result.request).length === 0) return null;
      // A date the applicant was told that moved: they hear the new one, in the same transaction.
      return { patch: result.request, events: result.events, alongside: (tx) => enqueueRequestNotifications(tx, result.notifications, now) };
    },
  });
}
