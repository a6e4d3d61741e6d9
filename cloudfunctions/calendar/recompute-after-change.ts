import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import type { Store } from '../_runtime/store/port';
import { recomputeOpenRequests } from './recompute-open-requests';
import { recomputeOpenFollowUps } from '../ratings/recompute-follow-ups';
import { recomputeOpenCases } from '../inquiries/recompute-open-cases';

/**
 * What a change of the calendar moves: the due dates of open requests, 差评 follow-ups and inquiry cases.
 * Its own module, loaded by the calendar function only when the calendar changes (a few times a year),
 * so the function's everyday reads (`days`, `dueDate`) start without the request machine.
 */
export async function recomputeAfterChange(store: Store, previous: WorkingCalendar, calendar: WorkingCalendar, now: Date, reason: string, changedFrom: string) {
  const recomputed = await recomputeOpenRequests(store, previous, calendar, now, reason, changedFrom);
  // 差评 follow-ups are counted on the same calendar: their due dates move with it, and their officers hear of it.
  await recomputeOpenFollowUps(store, previous, calendar, now, reason, changedFrom);
  // So are inquiry and complaint cases' answer periods (反馈回应制): the resident who was told a date hears the new one.
  await recomputeOpenCases(store, calendar, now, reason, changedFrom);
  return recomputed;
}
