import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { loadCalendar } from '../calendar/calendar-data';
import type { Store } from '../_runtime/store/port';

/**
 * Whether a Beijing calendar date is a working day, on the bureau's own
 * working calendar (工作日历, kept by the admin; the State Council schedule
 * from chinese-days for years the bureau has not entered) — the same
 * calendar disclosure-request deadlines are counted on.
 */
export async function workingDayRule(store: Store): Promise<(date: string) => boolean> {
  const calendar = await loadCalendar(store);
  return (date) => calendar.day(date).work;
}

/** The built-in schedule alone, for demo data seeded before any bureau edit. */
const builtin = buildCalendar([], builtinArrangement);
export function isBuiltinWorkingDay(date: string): boolean {
  return builtin.day(date).work;
}
