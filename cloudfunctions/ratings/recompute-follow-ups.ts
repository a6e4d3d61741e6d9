import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../../shared/calendar/working-calendar';
import { followUpCountedFrom, type FollowUpRecord } from '../../shared/ratings/follow-up';
import { ratingEvent } from '../../shared/ratings/rating-events';
import { beijingToday } from '../../shared/time/beijing-time';
import { enqueueForPerson } from '../_notifications/enqueue-notification';
import type { ActiveStaff } from '../_notifications/deadline-source';
import type { Store } from '../_runtime/store/port';
import { recomputeOpen } from '../calendar/recompute-open';
import { followUpDeadlines } from './follow-up-deadlines';

const SYSTEM = 'system';

const countedFrom = followUpCountedFrom;

/**
 * Where a calendar change moves an open follow-up's due date: as many working
 * days from the same start as it had on the calendar before (so a bureau that
 * changed `followUpWorkingDays` since does not move old follow-ups), counted
 * on the new one. Null when it does not move. Pure.
 */
export function movedFollowUpDue(f: Pick<FollowUpRecord, 'openedAt' | 'reopen' | 'dueDate'>, previous: WorkingCalendar, calendar: WorkingCalendar): string | null {
  const from = countedFrom(f);
  const workingDays = workingDaysBetween(previous, from, f.dueDate);
  if (workingDays <= 0) return null;
  const after = addWorkingDays(calendar, from, workingDays);
  return after === f.dueDate ? null : after;
}

/**
 * After a calendar change (e.g. next year's arrangement entered): every open
 * 差评 follow-up due on or after the first changed day gets its due date
 * counted again; where it moved, the follow-up is updated on the change road
 * with a `dueMoved` event, and its rating officers (those the reminders go
 * to) are told the new date in 消息, in the same transaction. A date that
 * does not move sends nothing.
 */
export function recomputeOpenFollowUps(store: Store, previous: WorkingCalendar, calendar: WorkingCalendar, now: Date, reason: string, changedFrom: string): Promise<number> {
  const at = now.toISOString();
  return recomputeOpen(store, {
    collection: 'followUps',
    notFound: 'FOLLOW_UP_NOT_FOUND',
    queries: [{ where: { status: 'open', dueDate: { gte: changedFrom } }, orderBy: [['dueDate', 'asc']] }],
    moves: (f) => movedFollowUpDue(f, previous, calendar) !== null,
    prepare: () => activeStaff(store),
    decide: (current, staff) => {
      // Answered since it was listed, or moved by someone else: nothing to do.
      const after = current.status === 'open' ? movedFollowUpDue(current, previous, calendar) : null;
      if (!after) return null;
      const id = current.id;
      const detail = `${reason}：整改回访期限由 ${current.dueDate} 调整为 ${after}`;
      return {
        patch: { dueDate: after, updatedAt: at },
        events: [ratingEvent(id, 'dueMoved', SYSTEM, now, detail)],
        alongside: async (tx) => {
          const place = current.serviceName ? `${current.windowName}（${current.serviceName}）` : current.windowName;
          const title = `差评整改回访期限调整：${place}`;
          for (const openid of followUpDeadlines.handlers(current, staff)) {
            await enqueueForPerson(tx, {
              id: `rdm-${id}-${after}-${openid}`,
              cause: 'followUpDueMoved',
              subjectId: id,
              openid,
              purpose: null,
              title,
              body: `${detail}。`,
              link: followUpDeadlines.link(current),
              page: followUpDeadlines.page(current),
              values: { title, at },
              now,
              forStaff: true,
            });
          }
        },
      };
    },
  });
}

async function activeStaff(store: Store): Promise<ActiveStaff[]> {
  const page = await store.collection('staff').find({ orderBy: [['name', 'asc']], limit: 500 });
  return page.items.filter((s) => s.active);
}
