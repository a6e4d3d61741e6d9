import type { NamedDay } from '../../shared/calendar/calendar-schema';

/**
 * A year's arrangement as the admin enters it from the State Council's notice: a list of rows, each a
 * day picked from a calendar — or a run of days, 从 … 至 … (春节 is one row, not seven) — marked 休
 * (放假) or 班 (调休上班), with its name. Nobody types a date. What the rows expand to is the
 * `calendar.setYear` wire format, unchanged: `holidays` and `workdays` as lists of `{ date, name }`.
 */
export type RowKind = 'holiday' | 'workday';

export interface DayRow {
  /** Stable across edits, for the list's keys: rows are added and removed in the middle. */
  key: number;
  from: string;
  /** The last day of a run; '' for a single day. */
  to: string;
  kind: RowKind;
  name: string;
}

/** A run longer than this is a mistake (the longest 法定 holiday is eight days, 60 the schema's cap). */
const MAX_RUN = 60;

let nextKey = 1;
export function newRow(kind: RowKind = 'holiday'): DayRow {
  return { key: nextKey++, from: '', to: '', kind, name: '' };
}

/** The stored arrangement as rows: consecutive days of one kind and one name become one run, by date. */
export function rowsOf(holidays: readonly NamedDay[], workdays: readonly NamedDay[]): DayRow[] {
  const days = [
    ...holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...workdays.map((d) => ({ ...d, kind: 'workday' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const rows: DayRow[] = [];
  for (const day of days) {
    const last = rows[rows.length - 1];
    if (last && last.kind === day.kind && last.name === day.name && addDays(last.to || last.from, 1) === day.date) {
      last.to = day.date;
    } else {
      rows.push({ ...newRow(day.kind), from: day.date, name: day.name });
    }
  }
  return rows;
}

/**
 * The rows as the server takes them, or what is wrong with which row (by key), said beside it: a row
 * with no day or no name, a run that ends before it starts or is too long, a day outside the year, a
 * day given twice. An untouched empty row is skipped.
 */
export function daysOf(rows: readonly DayRow[], year: number): { holidays: NamedDay[]; workdays: NamedDay[]; problems: Record<number, string> } {
  const holidays: NamedDay[] = [];
  const workdays: NamedDay[] = [];
  const problems: Record<number, string> = {};
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!row.from && !row.to && !name) return;
    if (!row.from) return void (problems[row.key] = '请选择日期');
    if (!name) return void (problems[row.key] = '请填写名称，如 春节、国庆调休');
    const to = row.to || row.from;
    if (to < row.from) return void (problems[row.key] = '结束日期不能早于开始日期');
    const run = datesFrom(row.from, to);
    if (run.length > MAX_RUN) return void (problems[row.key] = `一段不能超过 ${MAX_RUN} 天`);
    if (!row.from.startsWith(`${year}-`) || !to.startsWith(`${year}-`)) return void (problems[row.key] = `日期须在 ${year} 年内`);
    const twice = run.find((date) => seen.has(date));
    if (twice) return void (problems[row.key] = `${twice} 已在第 ${seen.get(twice)! + 1} 行`);
    for (const date of run) {
      seen.set(date, index);
      (row.kind === 'holiday' ? holidays : workdays).push({ date, name });
    }
  });
  const byDate = (a: NamedDay, b: NamedDay) => a.date.localeCompare(b.date);
  return { holidays: holidays.sort(byDate), workdays: workdays.sort(byDate), problems };
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let date = from; date <= to && out.length <= MAX_RUN; date = addDays(date, 1)) out.push(date);
  return out;
}
