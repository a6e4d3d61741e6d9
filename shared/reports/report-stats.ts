import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { NOTICE_KINDS, type NoticeKind } from '../notices/notice-kinds';
import type { Figures } from '../ratings/satisfaction';
import { REPLY_GROUPS, type ReplyGroup } from '../requests/reply-categories';
import { formatBeijingDate } from '../time/beijing-time';
import type { CountedRequest } from './requests-table';
import { REPLY_CATEGORY_INFO } from '../requests/reply-categories';

/**
 * Staff statistics over any period (both ends Beijing days, inclusive): the
 * figures the bureau watches during the year, from the same records as the
 * annual report. Handling time is counted in working days on the bureau's
 * calendar, from 受理 to the answer; on time means answered by the due date
 * the clock gave when it stopped (pauses, an extension and a 延迟答复 included).
 */
export interface ReportStats {
  from: string;
  to: string;
  requests: {
    perMonth: Array<{ month: string; received: number; concluded: number }>;
    concluded: number;
    /** Working days from receipt to conclusion: median and 90th percentile (nearest rank); null without concluded requests. */
    medianWorkingDays: number | null;
    p90WorkingDays: number | null;
    /** Concluded by their due date / concluded with a clock; null when none. */
    onTimeRate: number | null;
    /** Concluded requests by result group, plus withdrawals. */
    byGroup: Record<ReplyGroup | 'withdrawn' | 'uncategorised', number>;
    /** Open and past their due date today. */
    overdueNow: number;
  };
  notices: {
    perMonth: Array<{ month: string; byKind: Record<NoticeKind, number>; total: number }>;
    byKind: Record<NoticeKind, number>;
  };
  ratings: Figures;
}

export type StatsRequest = CountedRequest;

/**
 * Whether a request concluded on `endedOn` was answered within its period (按期): by the due date
 * its clock gave, stored with the answer. Null when it does not count either way: withdrawn (the
 * applicant ended it, not the bureau) or no clock ever ran.
 */
export function answeredOnTime(r: Pick<StatsRequest, 'status' | 'dueOn'>, endedOn: string): boolean | null {
  if (r.status === 'withdrawn' || !r.dueOn) return null;
  return endedOn <= r.dueOn;
}

/** The on-time rate of the requests concluded between `from` and `to` (Beijing days, inclusive); null when none counts. */
export function onTimeRate(records: Iterable<OnTimeFacts>, from: string, to: string): number | null {
  const counter = new OnTimeCounter(from, to);
  for (const r of records) counter.add(r);
  return counter.rate();
}

/** What the on-time rate reads of a request's facts. */
export type OnTimeFacts = Pick<StatsRequest, 'status' | 'receivedOn' | 'concludedOn' | 'dueOn'>;

/** The counting of `onTimeRate`, fed one request at a time (beside the annual report's table, in the same pass). */
export class OnTimeCounter {
  private onTime = 0;
  private clocked = 0;
  constructor(private readonly from: string, private readonly to: string) {}

  add(r: OnTimeFacts): void {
    const endedOn = r.receivedOn ? r.concludedOn : null;
    if (!endedOn || endedOn < this.from || endedOn > this.to) return;
    const verdict = answeredOnTime(r, endedOn);
    if (verdict === null) return;
    this.clocked += 1;
    if (verdict) this.onTime += 1;
  }

  rate(): number | null {
    return this.clocked ? this.onTime / this.clocked : null;
  }
}

/** The months a period touches, 'YYYY-MM', in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function requestStats(records: Iterable<StatsRequest>, from: string, to: string, today: string, calendar: WorkingCalendar): ReportStats['requests'] {
  const months = monthsBetween(from, to);
  const perMonth = new Map(months.map((month) => [month, { month, received: 0, concluded: 0 }]));
  const byGroup = Object.fromEntries([...REPLY_GROUPS, 'withdrawn', 'uncategorised'].map((g) => [g, 0])) as ReportStats['requests']['byGroup'];
  const durations: number[] = [];
  let onTime = 0;
  let clocked = 0;
  let concluded = 0;
  let overdueNow = 0;
  for (const r of records) {
    if (r.open && r.dueOn && r.dueOn < today) overdueNow += 1;
    if (r.receivedOn && r.receivedOn >= from && r.receivedOn <= to) perMonth.get(r.receivedOn.slice(0, 7))!.received += 1;
    const endedOn = r.receivedOn ? r.concludedOn : null;
    if (!endedOn || endedOn < from || endedOn > to) continue;
    concluded += 1;
    perMonth.get(endedOn.slice(0, 7))!.concluded += 1;
    const row = r.row;
    if (r.status === 'withdrawn') byGroup.withdrawn += 1;
    else if (row) byGroup[REPLY_CATEGORY_INFO[row].group] += 1;
    else byGroup.uncategorised += 1;
    if (r.status === 'withdrawn') continue;
    durations.push(workingDaysBetween(calendar, r.receivedOn!, endedOn));
    const verdict = answeredOnTime(r, endedOn);
    if (verdict !== null) {
      clocked += 1;
      if (verdict) onTime += 1;
    }
  }
  durations.sort((a, b) => a - b);
  return {
    perMonth: [...perMonth.values()],
    concluded,
    medianWorkingDays: percentile(durations, 50),
    p90WorkingDays: percentile(durations, 90),
    onTimeRate: clocked ? onTime / clocked : null,
    byGroup,
    overdueNow,
  };
}

export function noticeStats(notices: Iterable<{ kind: string; publishedAt: string | null; status: string }>, from: string, to: string): ReportStats['notices'] {
  const zero = () => Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;
  const perMonth = new Map(monthsBetween(from, to).map((month) => [month, { month, byKind: zero(), total: 0 }]));
  const byKind = zero();
  for (const n of notices) {
    if (!n.publishedAt || n.status !== 'published' || !(NOTICE_KINDS as readonly string[]).includes(n.kind)) continue;
    const day = formatBeijingDate(n.publishedAt);
    if (day < from || day > to) continue;
    const kind = n.kind as NoticeKind;
    const month = perMonth.get(day.slice(0, 7))!;
    month.byKind[kind] += 1;
    month.total += 1;
    byKind[kind] += 1;
  }
  return { perMonth: [...perMonth.values()], byKind };
}
