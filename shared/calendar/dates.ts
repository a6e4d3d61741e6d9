/**
 * Calendar dates as YYYY-MM-DD strings, computed in UTC so that no device's
 * time zone can shift a day. These are days, not instants.
 */
export function addDays(date: string, days: number): string {
  // Working-day counts step one day at a time through the same few weeks, over and over (every row
  // of the staff queue): parsing and formatting a Date each step was most of their cost.
  const key = `${date}|${days}`;
  let found = SHIFTED.get(key);
  if (found === undefined) {
    found = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    remember(SHIFTED, key, found);
  }
  return found;
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(date: string): number {
  let found = WEEKDAYS.get(date);
  if (found === undefined) {
    found = new Date(`${date}T00:00:00Z`).getUTCDay();
    remember(WEEKDAYS, date, found);
  }
  return found;
}

const SHIFTED = /* @__PURE__ */ new Map<string, string>();
const WEEKDAYS = /* @__PURE__ */ new Map<string, number>();
function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= 20_000) memo.clear();
  memo.set(key, value);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** "10月1日" for sentences people read. */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
