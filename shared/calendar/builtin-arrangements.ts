import { publishedYear } from './chinese-days-source';
import { statutoryHolidays } from './statutory-holidays';
import type { YearArrangement } from './working-calendar';

/**
 * The State Council's arrangements as published in `chinese-days`, year by
 * year. Coverage is decided here, explicitly: a year counts as covered only
 * if the package lists holidays for it. (1.5.7 has nothing for 2027 and then
 * answers that 2027-01-01 is a working day; we never take that at its word.)
 */
const cache = new Map<number, YearArrangement | null>();

export function builtinArrangement(year: number): YearArrangement | null {
  if (!cache.has(year)) cache.set(year, readYear(year) ?? provisionalYear(year));
  return cache.get(year) ?? null;
}

/**
 * A year nobody has published yet: not covered (its due dates are provisional), but its statutory
 * holidays are known from the 放假办法 and are days off, so a provisional date is never early.
 */
function provisionalYear(year: number): YearArrangement | null {
  const holidays = statutoryHolidays(year);
  if (holidays.length === 0) return null;
  return { year, holidays, workdays: [], covered: false, source: 'none', updatedAt: null, updatedBy: null };
}

function readYear(year: number): YearArrangement | null {
  const published = publishedYear(year);
  return published && { year, ...published, covered: true, source: 'chinese-days', updatedAt: null, updatedBy: null };
}
