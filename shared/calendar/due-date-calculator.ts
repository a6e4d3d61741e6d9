import { STATUTORY_WORKING_DAYS, MAX_EXTENSION_WORKING_DAYS } from '../requests/statutory-periods';
import { monthDay } from './dates';
import { countWorkingDays, describeHolidayRun, type CountedDay } from './working-day-count';
import type { WorkingCalendar } from './working-calendar';

/**
 * The guide page's deadline calculator: "if I apply on this day, when must
 * the bureau answer, and why". The 条例's 20 working days unless another
 * count is asked for, counted on the bureau's own calendar; the answer names
 * every weekend, holiday and 调休 day on the way, says whether the date is
 * provisional, and what could still move it (a supplement, a consultation,
 * an extension). Pure: the calendar is an argument.
 */
export interface DueDateAnswer {
  receivedOn: string;
  workingDays: number;
  dueOn: string;
  provisional: boolean;
  provisionalNote: string | null;
  days: CountedDay[];
  weekendsSkipped: number;
  holidaysSkipped: string[];
  makeupWorkdays: string[];
  steps: string[];
  /** What would pause, restart or extend the period, with the article. */
  mayChange: string[];
}

export function calculateDueDate(calendar: WorkingCalendar, receivedOn: string, workingDays: number = STATUTORY_WORKING_DAYS): DueDateAnswer {
  const count = countWorkingDays(calendar, receivedOn, workingDays);
  const holidaysSkipped = count.holidaysSkipped.map(describeHolidayRun);
  const makeupWorkdays = count.makeupWorkdays.map((d) => `${monthDay(d.date)}（${d.name ?? '调休上班'}）计为第 ${d.count} 个工作日`);
  const statutory = workingDays === STATUTORY_WORKING_DAYS;
  const steps = [
    `${receivedOn} 收到申请，当日为第 0 日，次一工作日为第 1 日（条例第三十一条）`,
    statutory ? `法定答复期限为 ${STATUTORY_WORKING_DAYS} 个工作日（条例第三十三条第二款）` : `按 ${workingDays} 个工作日计算`,
    ...(count.weekendsSkipped ? [`跳过周末 ${count.weekendsSkipped} 天`] : []),
    ...holidaysSkipped.map((h) => `跳过法定节假日：${h}`),
    ...makeupWorkdays.map((m) => `调休上班：${m}`),
    `第 ${workingDays} 个工作日为 ${count.dueOn}${count.provisional ? '（暂定）' : ''}`,
  ];
  return {
    receivedOn,
    workingDays,
    dueOn: count.dueOn,
    provisional: count.provisional,
    provisionalNote: count.provisional
      ? `${count.uncoveredYears.join('、')}年的节假日安排尚未公布，暂按法定节假日和周末计算，公布后日期可能变化`
      : null,
    days: count.days,
    weekendsSkipped: count.weekendsSkipped,
    holidaysSkipped,
    makeupWorkdays,
    steps,
    mayChange: [
      '申请内容不明确需要补正的，答复期限自收到补正材料之日起重新计算（条例第三十条）',
      '征求第三方或其他机关意见的时间不计入答复期限，各以 15 个工作日为限（条例第三十二条、第三十四条）',
      `需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长不超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（条例第三十三条第二款）`,
    ],
  };
}
