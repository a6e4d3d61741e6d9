import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';

/**
 * Which reminder a request's handler is owed today, if any (pure; the
 * calendar and today are arguments):
 * - `dueSoon`: 3 working days or fewer before the due date (条例 Art. 33's
 *   20 working days are nearly spent), once;
 * - `overdue`: from the first day after the due date, once.
 * Each is sent once per request (the outbox row's id says which), so a
 * dispatcher scanning every few minutes never repeats one.
 */
export type DeadlineReminder = 'dueSoon' | 'overdue';
/** Due within this many working days is "due soon": staff are reminded, and the queue highlights the row. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The last day that is "due soon" seen from `today`: anything due by it is overdue or due soon. */
export function dueSoonHorizon(today: string, calendar: WorkingCalendar): string {
  return addWorkingDays(calendar, today, DUE_SOON_WORKING_DAYS);
}

export function reminderDue(dueOn: string | null, today: string, calendar: WorkingCalendar): DeadlineReminder | null {
  if (!dueOn) return null;
  if (dueOn < today) return 'overdue';
  return workingDaysBetween(calendar, today, dueOn) <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : null;
}
