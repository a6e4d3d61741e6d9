import { addDays, monthDay, yearOf } from '../calendar/dates';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';
import type { DueExplanation, ExplainedDay } from './request-types';

import {
  AGENCY_CONSULTATION_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
  STATUTORY_WORKING_DAYS,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
  THIRD_PARTY_WORKING_DAYS,
} from './statutory-periods';

export { AGENCY_CONSULTATION_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS, STATUTORY_WORKING_DAYS, SUPPLEMENT_WINDOW_WORKING_DAYS, THIRD_PARTY_WORKING_DAYS };

/** A stretch in which the clock stands still (a consultation: a third party's, Art. 32, or another agency's, Art. 34). */
export interface ClockPause {
  /** The day the consultation began: itself still counted. */
  from: string;
  /**
   * The day it ended (its working days not counted), or null while it runs. A running pause with a
   * cap counts as running to the cap's last day (or today, if later): the due date that holds if
   * nobody records an answer. It does not move from day to day, so a stored date and the reminders
   * read from it stay right until the record changes.
   */
  to: string | null;
  /** At most this many working days are paused (the consulted party's 15); null for no cap. */
  capWorkingDays: number | null;
  /** The article the pause follows, as the explanation cites it: 「第三十二条」 (third party), 「第三十四条」 (agency). */
  article?: string;
  /** Whose answer period caps it, as the explanation says: 「第三方」, 「被征求意见机关」. */
  capHolder?: string;
  /** "征求第三方（云溪建设集团有限公司）意见" for staff; "征求第三方意见" for the applicant. */
  label: string;
}

/** Everything the due date depends on, read from a request's events. */
export interface ClockFacts {
  /** Day zero: the receipt day, or the day the supplement arrived. */
  startOn: string;
  startKind: 'receipt' | 'supplement';
  pauses: ClockPause[];
  /** The approver is named to staff only (null in the applicant's view). */
  extension: { workingDays: number; approver: string | null } | null;
  /** Today (Beijing): an open pause is counted as if it ended today. */
  today: string;
}

export interface Due {
  dueOn: string;
  provisional: boolean;
  explanation: DueExplanation;
}

/**
 * The due date and how it was reached, day by day, from the facts and the
 * calendar. Nothing here is stored: when the calendar changes, calling this
 * again gives the new date and the new explanation.
 */
export function computeDue(facts: ClockFacts, calendar: WorkingCalendar): Due {
  const target = STATUTORY_WORKING_DAYS + (facts.extension?.workingDays ?? 0);
  const pauses = facts.pauses.map((p) => ({ ...p, until: p.to ?? openPauseUntil(p, facts.today, calendar), used: 0 }));
  const days: ExplainedDay[] = [{ date: facts.startOn, count: null, kind: 'receipt', name: null }];
  const uncovered = new Set<number>();
  // Statutory holidays in a year whose arrangement is not entered: days off by the 放假办法 alone.
  const provisionalHolidays = new Set<string>();
  if (!calendar.isCovered(yearOf(facts.startOn))) uncovered.add(yearOf(facts.startOn));

  let date = facts.startOn;
  let counted = 0;
  // 2,000 days is far beyond any lawful deadline; the bound only guards against a corrupt calendar.
  for (let guard = 0; counted < target && guard < 2000; guard += 1) {
    date = addDays(date, 1);
    const info = calendar.day(date);
    if (!info.covered) uncovered.add(yearOf(date));
    if (!info.work) {
      if (!info.covered && info.kind === 'holiday') provisionalHolidays.add(date);
      days.push({ date, count: null, kind: info.kind === 'holiday' ? 'holiday' : 'weekend', name: info.name });
      continue;
    }
    const pause = pauses.find((p) => date > p.from && date <= p.until && (p.capWorkingDays === null || p.used < p.capWorkingDays));
    if (pause) {
      pause.used += 1;
      days.push({ date, count: null, kind: 'paused', name: pause.label });
      continue;
    }
    counted += 1;
    days.push({ date, count: counted, kind: info.kind === 'makeupWorkday' ? 'makeupWorkday' : 'working', name: info.name });
  }

  const skipped = days.filter((d) => provisionalHolidays.has(d.date)).map((d) => `${d.name ?? '节假日'}${monthDay(d.date)}`);
  const provisionalWarning = uncovered.size
    ? `${[...uncovered].sort().join('、')}年的节假日安排尚未录入，暂按《全国年节及纪念日放假办法》规定的法定节假日${
        skipped.length ? `（已跳过${skipped.join('、')}）` : ''
      }和周末计算，调休安排公布前期限为暂定，录入后自动重算`
    : null;
  return {
    dueOn: date,
    provisional: uncovered.size > 0,
    explanation: {
      summary: `${facts.startKind === 'receipt' ? '自收到申请之日' : '自收到补正之日'}（${facts.startOn}）起 ${target} 个工作日，答复期限为 ${date}${uncovered.size ? '（暂定）' : ''}`,
      steps: explainSteps(facts, pauses, days, target, provisionalHolidays),
      days,
      provisionalWarning,
    },
  };
}

/** How far a running pause is counted: to its cap's last working day, or today when later (or uncapped). */
function openPauseUntil(p: ClockPause, today: string, calendar: WorkingCalendar): string {
  if (p.capWorkingDays === null) return today;
  const lastDay = addWorkingDays(calendar, p.from, p.capWorkingDays);
  return lastDay > today ? lastDay : today;
}

function explainSteps(
  facts: ClockFacts,
  pauses: Array<ClockPause & { until: string; used: number }>,
  days: ExplainedDay[],
  target: number,
  provisionalHolidays: ReadonlySet<string>,
): string[] {
  const steps: string[] = [];
  steps.push(
    facts.startKind === 'receipt'
      ? `${facts.startOn} 收到申请，当日为第 0 日，次一工作日为第 1 日（条例第三十一条、第三十三条）`
      : `${facts.startOn} 收到补正材料，答复期限自该日重新计算，当日为第 0 日（条例第三十条）`,
  );
  steps.push(`法定答复期限为 ${STATUTORY_WORKING_DAYS} 个工作日（条例第三十三条第二款）`);

  const weekends = days.filter((d) => d.kind === 'weekend').length;
  if (weekends) steps.push(`跳过周末 ${weekends} 天`);

  // One line per holiday (a name may recur in a long count: 元旦 of two years is two lines).
  const holidays = new Map<string, string[]>();
  for (const d of days) {
    if (d.kind !== 'holiday') continue;
    const key = `${d.name ?? '节假日'}|${d.date.slice(0, 4)}`;
    holidays.set(key, [...(holidays.get(key) ?? []), d.date]);
  }
  for (const [key, dates] of holidays) {
    const name = key.split('|')[0];
    const span = dates.length > 1 ? `${monthDay(dates[0])}至${monthDay(dates[dates.length - 1])}` : monthDay(dates[0]);
    const provisional = provisionalHolidays.has(dates[0])
      ? `；${yearOf(dates[0])}年安排尚未录入，按《全国年节及纪念日放假办法》暂定`
      : '';
    steps.push(`跳过法定节假日：${name}（${span}，共 ${dates.length} 天${provisional}）`);
  }

  for (const d of days) if (d.kind === 'makeupWorkday') steps.push(`${d.date}（${d.name ?? '调休上班'}）为调休上班日，计为第 ${d.count} 个工作日`);

  for (const p of pauses) {
    const end = p.to
      ? `至 ${p.to}`
      : p.until > facts.today
        ? `起尚未结束，暂按答复期限届满之日 ${p.until} 计`
        : '至今（尚未结束，暂按今日计）';
    const cap = p.capWorkingDays !== null && p.used >= p.capWorkingDays ? `，以${p.capHolder ?? '第三方'}答复期限 ${p.capWorkingDays} 个工作日为限` : '';
    steps.push(`${p.label}：${p.from} ${end}，其间 ${p.used} 个工作日不计入答复期限（条例${p.article ?? '第三十二条'}${cap}）`);
  }

  if (facts.extension) {
    const approved = facts.extension.approver ? `经${facts.extension.approver}同意` : '经批准';
    steps.push(`${approved}延长 ${facts.extension.workingDays} 个工作日（条例第三十三条第二款），共计 ${target} 个工作日`);
  }
  const last = days[days.length - 1];
  steps.push(`第 ${target} 个工作日为 ${last.date}，即答复期限`);
  return steps;
}
