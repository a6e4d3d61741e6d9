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

const BEIJING_OFFSET_MS = BEIJING_OFFSET_MINUTES * 60_000;

/**
 * The calendar date in Beijing at `now` — the day a deadline or 公示期 is counted from. It is asked
 * for every row of the clerks' queue (how long an application has waited), so it is plain arithmetic
 * on the fixed offset rather than a date library's parse and format (profiled: a tenth of the queue's
 * time). A date outside what toISOString writes as YYYY-MM-DD goes the long way, as before.
 */
export function beijingToday(now: Date): string {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) return formatBeijingDate(now);
  const iso = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return iso.length === 24 ? iso.slice(0, 10) : formatBeijingDate(now);
}

/** Whole days from calendar date `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}
