import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Stored times are UTC ISO strings; people read Beijing time.
 * China has had no daylight saving since 1991, so a fixed +08:00 offset is
 * exact and avoids the Intl time-zone database, which older phones lack.
 */
const BEIJING_OFFSET_MINUTES = 8 * 60;

export function toBeijing(isoUtc: string | Date) {
  return dayjs.utc(isoUtc).utcOffset(BEIJING_OFFSET_MINUTES);
}

/** "2026-11-24 18:05" */
export function formatBeijingDateTime(isoUtc: string | Date): string {
  return toBeijing(isoUtc).format('YYYY-MM-DD HH:mm');
}

/** "2026-11-24" */
export function formatBeijingDate(isoUtc: string | Date): string {
  return toBeijing(isoUtc).format('YYYY-MM-DD');
}

/** The calendar date in Beijing at `now` — the day a deadline or 公示期 is counted from. */
export function beijingToday(now: Date): string {
  return formatBeijingDate(now);
}

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}
