import { addDays, monthDay, yearOf } from './dates';
import type { WorkingCalendar } from './working-calendar';

/**
 * A count of `n` working days forward from day zero on the bureau's calendar, with every day
 * it passed: the plain count under a requests' clock (which adds pauses and extensions, see
 * shared/requests/deadline.ts), an inquiry's answer deadline and the guide page's calculator.
 * Day zero is the receipt day itself; a receipt on a weekend or holiday makes the next working
 * day day one, as 条例 Art. 31 and the bureau's practice count. Pure: the calendar is an argument.
 */
export interface CountedDay {
  date: string;
  /** The day's number in the count (1…), or null for day zero and days off. */
  count: number | null;
  kind: 'start' | 'working' | 'makeupWorkday' | 'weekend' | 'holiday';
  name: string | null;
}

export interface WorkingDayCount {
  from: string;
  workingDays: number;
  dueOn: string;
  /** Part of the count lies in a year whose holiday arrangement is not entered: the date may move when it is. */
  provisional: boolean;
  /** The years counted on statutory holidays and weekdays only. */
  uncoveredYears: number[];
  days: CountedDay[];
  weekendsSkipped: number;
  /** Each holiday passed, its days together: "国庆节（10月1日至10月8日，共 8 天）". */
  holidaysSkipped: Array<{ name: string; from: string; to: string; days: number }>;
  /** Weekend days worked by 调休, counted as working days. */
  makeupWorkdays: Array<{ date: string; name: string | null; count: number }>;
}

/** A bound far past any period a bureau counts; it only guards against a corrupt calendar. */
const MAX_DAYS = 2000;

export function countWorkingDays(calendar: WorkingCalendar, from: string, workingDays: number): WorkingDayCount {
  const days: CountedDay[] = [{ date: from, count: null, kind: 'start', name: null }];
  const uncovered = new Set<number>();
  if (!calendar.isCovered(yearOf(from))) uncovered.add(yearOf(from));
  let date = from;
  let counted = 0;
  for (let guard = 0; counted < workingDays && guard < MAX_DAYS; guard += 1) {
    date = addDays(date, 1);
    const info = calendar.day(date);
    if (!info.covered) uncovered.add(yearOf(date));
    if (!info.work) {
      days.push({ date, count: null, kind: info.kind === 'holiday' ? 'holiday' : 'weekend', name: info.name });
      continue;
    }
    counted += 1;
    days.push({ date, count: counted, kind: info.kind === 'makeupWorkday' ? 'makeupWorkday' : 'working', name: info.name });
  }
  return {
    from,
    workingDays,
    dueOn: date,
    provisional: uncovered.size > 0,
    uncoveredYears: [...uncovered].sort(),
    days,
    weekendsSkipped: days.filter((d) => d.kind === 'weekend').length,
    holidaysSkipped: holidayRuns(days),
    makeupWorkdays: days.filter((d) => d.kind === 'makeupWorkday').map((d) => ({ date: d.date, name: d.name, count: d.count as number })),
  };
}

/** Consecutive days off that include a holiday, named by it (a holiday's bridging weekend belongs to it). */
function holidayRuns(days: CountedDay[]): WorkingDayCount['holidaysSkipped'] {
  const runs: WorkingDayCount['holidaysSkipped'] = [];
  for (const d of days) {
    if (d.kind !== 'holiday') continue;
    const name = d.name ?? '节假日';
    const last = runs[runs.length - 1];
    if (last && last.name === name && addDays(last.to, 1) === d.date) {
      last.to = d.date;
      last.days += 1;
    } else runs.push({ name, from: d.date, to: d.date, days: 1 });
  }
  return runs;
}

/** "国庆节（10月1日至10月8日，共 8 天）" */
export function describeHolidayRun(run: WorkingDayCount['holidaysSkipped'][number]): string {
  const span = run.from === run.to ? monthDay(run.from) : `${monthDay(run.from)}至${monthDay(run.to)}`;
  return `${run.name}（${span}，共 ${run.days} 天）`;
}
