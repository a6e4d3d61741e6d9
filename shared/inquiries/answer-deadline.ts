import { countWorkingDays } from '../calendar/working-day-count';
import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { DUE_SOON_WORKING_DAYS } from '../notifications/deadline-reminders';
import { DEFAULT_COMPLAINT_WORKING_DAYS, DEFAULT_INQUIRY_WORKING_DAYS, type InquiryKind, type InquiryRecord } from './inquiry-types';

/**
 * A case's answer deadline (反馈回应制: 有问必答，有诉必应, with time limits):
 * the bureau's own number of working days (a setting; 5 for an inquiry and
 * 15 for a complaint unless the bureau says otherwise), counted on the bureau
 * calendar from the clock's day zero. The clock starts at receipt and starts
 * again when the resident gives what was asked for (一次性告知) or follows up.
 * Beyond the entered calendar the date is provisional (statutory holidays and
 * weekends only) and is recomputed when the year is entered.
 */
export interface AnswerPeriods {
  inquiryWorkingDays: number;
  complaintWorkingDays: number;
}

export const DEFAULT_ANSWER_PERIODS: AnswerPeriods = {
  inquiryWorkingDays: DEFAULT_INQUIRY_WORKING_DAYS,
  complaintWorkingDays: DEFAULT_COMPLAINT_WORKING_DAYS,
};

export const NO_CASE_DUE = '9999-12-31';

export function answerWorkingDaysFor(kind: InquiryKind, periods: AnswerPeriods): number {
  return kind === 'complaint' ? periods.complaintWorkingDays : periods.inquiryWorkingDays;
}

/** The due fields of a case in `status`, its clock started on `clockFrom`. */
export function caseDue(
  c: Pick<InquiryRecord, 'status' | 'clockFrom' | 'answerWorkingDays'>,
  calendar: WorkingCalendar,
): Pick<InquiryRecord, 'open' | 'dueOn' | 'dueProvisional' | 'dueSort'> {
  // Waiting for the resident stops the clock: no due date until they give what was asked for.
  if (c.status !== 'open') return { open: c.status === 'moreAsked', dueOn: null, dueProvisional: false, dueSort: NO_CASE_DUE };
  const count = countWorkingDays(calendar, c.clockFrom, c.answerWorkingDays);
  return { open: true, dueOn: count.dueOn, dueProvisional: count.provisional, dueSort: count.dueOn };
}

export interface DueStanding {
  workingDaysLeft: number | null;
  overdue: boolean;
  dueSoon: boolean;
}

/** How a case stands against its deadline today, for highlighting in the queue: "due soon" as staff reminders count it. */
export function dueStanding(dueOn: string | null, today: string, calendar: WorkingCalendar): DueStanding {
  if (!dueOn) return { workingDaysLeft: null, overdue: false, dueSoon: false };
  const left = workingDaysBetween(calendar, today, dueOn);
  return { workingDaysLeft: left, overdue: left < 0, dueSoon: left >= 0 && left <= DUE_SOON_WORKING_DAYS };
}
