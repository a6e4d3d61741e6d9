import type { CalendarSource, NamedDay } from './calendar-schema';
import { addDays, weekdayOf, yearOf } from './dates';

/** One year's arrangement: statutory holidays and make-up working days (调休上班), with names. */
export interface YearArrangement {
  year: number;
  holidays: NamedDay[];
  workdays: NamedDay[];
  /** True when the whole year's arrangement is known (from chinese-days or entered by the bureau). */
  covered: boolean;
  source: CalendarSource;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface DayInfo {
  date: string;
  work: boolean;
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeupWorkday';
  /** The holiday's or make-up day's name. */
  name: string | null;
  /** False when the day's year has no arrangement entered: then it is judged by weekday alone, provisionally. */
  covered: boolean;
}

/** The working-day calendar the deadlines are counted on. Pure: built from data, no IO. */
export interface WorkingCalendar {
  day(date: string): DayInfo;
  isCovered(year: number): boolean;
  arrangement(year: number): YearArrangement;
}

/**
 * A calendar from the bureau's own arrangements (`stored`, which win) over
 * a source of built-in ones (chinese-days). A year neither covers is empty
 * and uncovered: weekdays are working days there, and whoever counts on it
 * must say the result is provisional.
 */
export function buildCalendar(
  stored: YearArrangement[],
  builtin: (year: number) => YearArrangement | null,
): WorkingCalendar {
  const byYear = new Map<number, YearArrangement>(stored.map((a) => [a.year, a]));
  const indexes = new Map<number, { holidays: Map<string, string>; workdays: Map<string, string> }>();

  const arrangement = (year: number): YearArrangement =>
    byYear.get(year) ??
    builtin(year) ?? { year, holidays: [], workdays: [], covered: false, source: 'none', updatedAt: null, updatedBy: null };

  const index = (year: number) => {
    let found = indexes.get(year);
    if (!found) {
      const a = arrangement(year);
      found = {
        holidays: new Map(a.holidays.map((d) => [d.date, d.name])),
        workdays: new Map(a.workdays.map((d) => [d.date, d.name])),
      };
      indexes.set(year, found);
    }
    return found;
  };

  return {
    arrangement,
    isCovered: (year) => arrangement(year).covered,
    day(date) {
      const year = yearOf(date);
      const covered = arrangement(year).covered;
      const { holidays, workdays } = index(year);
      const makeup = workdays.get(date);
      if (makeup !== undefined) return { date, work: true, kind: 'makeupWorkday', name: makeup, covered };
      const holiday = holidays.get(date);
      if (holiday !== undefined) return { date, work: false, kind: 'holiday', name: holiday, covered };
      const weekday = weekdayOf(date);
      const weekend = weekday === 0 || weekday === 6;
      return { date, work: !weekend, kind: weekend ? 'weekend' : 'weekday', name: null, covered };
    },
  };
}

/** The day `n` working days after `from` (from itself is day zero). */
export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number): string {
  let date = from;
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (calendar.day(date).work) counted += 1;
  }
  return date;
}

/**
 * Working days from `from` to `to`: the working days in (from, to], negative
 * when `to` is earlier. 0 when they are the same day.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  if (to === from) return 0;
  // The staff queue asks this for every row of every page, mostly for the same few dates: remembered
  // per calendar (a calendar never changes once built, so the answer cannot go stale).
  let known = BETWEEN.get(calendar);
  if (!known) BETWEEN.set(calendar, (known = new Map()));
  const key = `${from}|${to}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  if (known.size >= 10_000) known.clear();
  const count = countWorkingDaysBetween(calendar, from, to);
  known.set(key, count);
  return count;
}

const BETWEEN = new WeakMap<WorkingCalendar, Map<string, number>>();

function countWorkingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const forward = to > from;
  let [a, b] = forward ? [from, to] : [to, from];
  let count = 0;
  while (a < b) {
    a = addDays(a, 1);
    if (calendar.day(a).work) count += 1;
  }
  return forward ? count : -count;
}

/**
 * Whether a count from `from` to `to` crosses a year whose holiday arrangement is not entered: a date
 * counted so is provisional (暂定) until the year is entered.
 */
export function countsOverUncovered(calendar: WorkingCalendar, from: string, to: string): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) if (!calendar.isCovered(year)) return true;
  return false;
}
