import type { NamedDay } from './calendar-schema';
import { addDays } from './dates';
import { festivalDates } from './chinese-days-source';

/**
 * The days off that the 全国年节及纪念日放假办法 fixes by itself, before the
 * State Council publishes a year's arrangement (usually in November): the
 * current version (revised 2024, in force 2025-01-01) gives 元旦 1 day
 * (Jan 1), 春节 4 (除夕 and 正月初一至初三), 清明节 1 (the 清明 solar term),
 * 劳动节 2 (May 1–2), 端午节 1 (lunar 5/5), 中秋节 1 (lunar 8/15) and
 * 国庆节 3 (Oct 1–3). What the yearly arrangement adds — the bridging days
 * and the weekends worked in exchange (调休) — is unknown until it is
 * published, so a count on these days alone is still provisional. It never
 * counts a statutory holiday as a working day (2026-12-04 + 20 working days
 * is no longer 元旦); a bridging weekday the arrangement later gives off
 * before its make-up weekend can still move the true date later, which is
 * why the date stays 暂定 and is recomputed when the year is entered.
 *
 * Lunar dates and the solar term come from chinese-days (its lunar tables and
 * solar-term formula, which reach well beyond the years whose arrangements it
 * lists), so no second calendar package is needed; the function bundles carry
 * them as a table built from the same answers (chinese-days-source.ts), which
 * ends in 2110. Server-side only: the mini-program never bundles this.
 */

/** The first year the current version of the 放假办法 governs; earlier years are all covered by published arrangements. */
export const STATUTORY_RULES_FROM_YEAR = 2025;

export function statutoryHolidays(year: number): NamedDay[] {
  if (year < STATUTORY_RULES_FROM_YEAR) return [];
  const festivals = festivalDates(year);
  if (!festivals) return [];
  const { lunarNewYear: newYear, qingming } = festivals;
  const days: NamedDay[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((n) => ({ date: addDays(newYear, n), name: '春节' })),
    { date: qingming, name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: festivals.duanwu, name: '端午节' },
    { date: festivals.zhongqiu, name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  // 中秋 can fall within 国庆 (2028-10-03): one day off, named once.
  const byDate = new Map<string, NamedDay>();
  for (const d of days) if (!byDate.has(d.date)) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
