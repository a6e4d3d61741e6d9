import { daysBetween } from '../time/beijing-time';
import type { Period } from './notice-schema';

/**
 * Where a 公示期 or comment period stands on a given Beijing calendar day.
 * Both end days count: a 公示 ending today is still open today ("今天截止").
 */
export type PeriodState = 'upcoming' | 'open' | 'ended';

export interface PeriodStatus {
  state: PeriodState;
  /** Days left including today, while open; 0 otherwise. */
  daysLeft: number;
  label: string;
}

const WORDING = {
  publicity: { upcoming: '未开始', open: '公示中', ended: '公示已结束' },
  consultation: { upcoming: '未开始', open: '征求意见中', ended: '征求意见已结束' },
} as const;

export function periodStatus(period: Period, today: string, kind: keyof typeof WORDING): PeriodStatus {
  const words = WORDING[kind];
  if (today < period.start) {
    const days = daysBetween(today, period.start);
    return { state: 'upcoming', daysLeft: 0, label: `${words.upcoming} · ${days} 天后开始` };
  }
  if (today > period.end) return { state: 'ended', daysLeft: 0, label: words.ended };
  const daysLeft = daysBetween(today, period.end) + 1;
  return { state: 'open', daysLeft, label: daysLeft === 1 ? `${words.open} · 今天截止` : `${words.open} · 剩 ${daysLeft} 天` };
}

/**
 * How much of the period has passed on `today`, 0–100, counting whole days
 * with both end days included: on the first day 1 of N days has begun; on the
 * last day the period is 100% through. Drives the progress bar.
 */
export function periodElapsedPercent(period: Period, today: string): number {
  if (today < period.start) return 0;
  if (today > period.end) return 100;
  const total = daysBetween(period.start, period.end) + 1;
  const begun = daysBetween(period.start, today) + 1;
  return Math.round((begun / total) * 100);
}
