import { getDayDetail, getHolidaysInRange, getSolarDateFromLunar, getSolarTerms, getWorkdaysInRange } from 'chinese-days';
import type { NamedDay } from './calendar-schema';
import { weekdayOf } from './dates';

/**
 * Everything the calendar asks of chinese-days, in one module: the published arrangements and the
 * festival dates the 放假办法 fixes by the lunar calendar. The package is 24 KB of code and tables,
 * most of it for questions we never ask, so the cloud function bundles do not carry it: the build
 * (scripts/calendar-tables.mjs) evaluates this module for every year it can answer and puts the
 * answers in its place as a small table. The local cloud and the tests run this module itself.
 */

/**
 * The years festival dates are given for: from the first the current 放假办法 governs (earlier years are
 * all published) to 2100, where chinese-days' lunar tables end (asked about 2103 it puts 正月初一 in
 * 2102). The calendar accepts dates up to 2100-12-31; a deadline running into 2101 counts its weekdays only.
 */
export const FESTIVAL_TABLE_YEARS = { from: 2025, to: 2100 } as const;

/** A year's arrangement as the State Council published it, or null when the package lists none for it. */
export function publishedYear(year: number): { holidays: NamedDay[]; workdays: NamedDay[] } | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const holidayDates = getHolidaysInRange(start, end, false);
  if (holidayDates.length === 0) return null;
  const holidays: NamedDay[] = holidayDates.map((date) => ({ date, name: chineseName(getDayDetail(date).name) }));
  const workdays: NamedDay[] = getWorkdaysInRange(start, end, true)
    .filter((date) => weekdayOf(date) === 0 || weekdayOf(date) === 6)
    .map((date) => ({ date, name: `${chineseName(getDayDetail(date).name)}调休上班` }));
  return { holidays, workdays };
}

/** The solar dates of a year's lunar-dated festivals and of the 清明 solar term. */
export interface FestivalDates {
  /** 正月初一 */
  lunarNewYear: string;
  qingming: string;
  /** 五月初五 */
  duanwu: string;
  /** 八月十五 */
  zhongqiu: string;
}

export function festivalDates(year: number): FestivalDates | null {
  if (year < FESTIVAL_TABLE_YEARS.from || year > FESTIVAL_TABLE_YEARS.to) return null;
  const lunar = (monthDay: string) => getSolarDateFromLunar(`${year}-${monthDay}`).date;
  return {
    lunarNewYear: lunar('01-01'),
    qingming: getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.term === 'pure_brightness')?.date ?? `${year}-04-05`,
    duanwu: lunar('05-05'),
    zhongqiu: lunar('08-15'),
  };
}

/** chinese-days names days "National Day,国庆节,3": keep the Chinese name. */
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0];
}
