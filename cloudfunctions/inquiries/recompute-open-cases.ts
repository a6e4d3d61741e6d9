import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { recomputeCaseDue } from '../../shared/inquiries/case-machine';
import type { Store } from '../_runtime/store/port';
import { recomputeOpen } from '../calendar/recompute-open';
import { enqueueCaseNotifications } from './case-notifications';

const SYSTEM = 'system';

/**
 * After a calendar change: every open case due on or after the first changed
 * day has its answer period counted again (recomputeCaseDue, pure). Where the
 * date or its 暂定 mark moved, the case is updated on the change road with a
 * `dueMoved` history entry and event, and the resident who was told the date
 * hears the new one in 消息, in the same transaction. Entering the same
 * arrangement twice moves nothing the second time, so nobody is told twice.
 * A case answered meanwhile, or saved by an answerer, is decided again on its
 * fresh version.
 */
export function recomputeOpenCases(store: Store, calendar: WorkingCalendar, now: Date, reason: string, changedFrom: string): Promise<number> {
  return recomputeOpen(store, {
    collection: 'inquiries',
    notFound: 'INQUIRY_NOT_FOUND',
    queries: [{ where: { status: 'open', dueSort: { gte: changedFrom } }, orderBy: [['dueSort', 'asc']] }],
    moves: (c) => recomputeCaseDue(c, reason, now, calendar) !== null,
    decide: (current) => {
      const step = recomputeCaseDue(current, reason, now, calendar);
      if (!step) return null;
      return {
        patch: { ...step.patch, history: [...current.history, step.entry] },
        events: [{ subjectType: 'inquiry', subjectId: current.id, action: step.entry.action, actor: SYSTEM, at: step.entry.at, detail: step.entry.detail }],
        alongside: (tx) => enqueueCaseNotifications(tx, step.notifications, now),
      };
    },
  });
}
