import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { AGENCY_CONSULTATION_WORKING_DAYS, computeDue, THIRD_PARTY_WORKING_DAYS, type ClockFacts, type ClockPause, type Due } from './deadline';
import { CONSULTED_PARTY_LABELS, OPEN_STATUSES, type ConsultedParty, type RequestStatus } from './request-schema';
import { NO_DUE_DATE, type RequestRecord } from './request-record';

/**
 * A request's reply clock, read from its record (条例 Arts. 30–33): when it
 * started (receipt, or the supplement's arrival), where it stood still (a
 * consultation: a third party's or another agency's, each at most its 15
 * working days, Arts. 32 and 34), how far an
 * extension moved it, and so the due date and the working days left.
 * deadline.ts counts the days; this module says which facts of a request
 * it counts from. Pure: today and the calendar are arguments.
 */

/** Whether the bureau still owes an answer. */
export function isOpenStatus(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/**
 * Who reads a due date's explanation. The applicant is not told whom the
 * bureau consulted, on what, or who approved an extension (domain.md §6):
 * those are the third party's and the staff's, not the applicant's.
 */
export type Audience = 'staff' | 'applicant';

/** The consultation as the applicant reads it: 「征求第三方意见」 / 「征求有关机关意见」, no name or matter. */
export function consultationForApplicant(party: ConsultedParty): string {
  return `征求${party === 'thirdParty' ? '第三方' : '有关机关'}意见`;
}

/**
 * What the law gives each consulted party: its answer period in working days, and the article.
 * Both periods cap the pause (neither may stop the clock for longer); only an agency's silence
 * counts as consent (Art. 34), so only an agency consultation ends by itself when its period
 * runs out. A third party's silence is no consent to disclose (Art. 32): the clock runs again,
 * but deciding what to disclose stays with the clerk.
 */
export const CONSULTATION_RULES: Record<ConsultedParty, { workingDays: number; article: string; holder: string; silenceIsConsent: boolean }> = {
  thirdParty: { workingDays: THIRD_PARTY_WORKING_DAYS, article: '第三十二条', holder: '第三方', silenceIsConsent: false },
  agency: { workingDays: AGENCY_CONSULTATION_WORKING_DAYS, article: '第三十四条', holder: '被征求意见机关', silenceIsConsent: true },
};

/** The last day of a consulted party's answer period: its 15th working day after the consultation began. */
export function consultationAnswerDue(c: { party: ConsultedParty; startedOn: string }, calendar: WorkingCalendar): string {
  return addWorkingDays(calendar, c.startedOn, CONSULTATION_RULES[c.party].workingDays);
}

/** The facts the clock runs on, or null when no clock runs (not registered yet, or waiting for a supplement). */
export function clockFacts(r: RequestRecord, today: string, audience: Audience = 'staff'): ClockFacts | null {
  const staff = audience === 'staff';
  // Waiting for a supplement, or for a fee to be paid (Art. 42), no due date runs: it is known only once they arrive.
  if (!r.receivedOn || r.status === 'supplementRequested' || r.status === 'submitted' || r.status === 'feeRequested') return null;
  const restarted = r.supplement?.answer?.on ?? null;
  const startOn = restarted ?? r.receivedOn;
  // A finished request's clock stopped on the day it finished.
  const end = r.reply?.on ?? r.ending?.on ?? today;
  const finished = Boolean(r.reply || r.ending);
  const pauses: ClockPause[] = r.consultations
    .filter((c) => c.startedOn >= startOn)
    .map((c) => ({
      from: c.startedOn,
      // A running one stays open (computeDue counts it as running its full period); a finished request's stopped with it.
      to: c.endedOn ?? (finished ? end : null),
      capWorkingDays: CONSULTATION_RULES[c.party].workingDays,
      article: CONSULTATION_RULES[c.party].article,
      capHolder: CONSULTATION_RULES[c.party].holder,
      label: staff ? `征求${CONSULTED_PARTY_LABELS[c.party]}（${c.partyName}）意见` : consultationForApplicant(c.party),
    }));
  // From the fee notice to the payment the clock stands still (国办函〔2020〕109号): the notice's day still counts.
  const fee = r.fee;
  if (fee && !fee.waived && fee.paidOn && fee.noticeOn >= startOn) {
    pauses.push({ from: fee.noticeOn, to: fee.paidOn, capWorkingDays: null, article: '第四十二条', label: '等待缴纳信息处理费' });
  }
  return {
    startOn,
    startKind: restarted ? 'supplement' : 'receipt',
    pauses,
    extension: r.extension ? { workingDays: r.extension.workingDays, approver: staff ? r.extension.approver : null } : null,
    today: end,
  };
}

/** The due date and its day-by-day explanation, or null when no clock runs. */
export function dueOf(r: RequestRecord, today: string, calendar: WorkingCalendar, audience: Audience = 'staff'): Due | null {
  const facts = clockFacts(r, today, audience);
  if (!facts) return null;
  const due = computeDue(facts, calendar);
  return r.delayedDue ? withDelayedDue(due, r.delayedDue) : due;
}

/**
 * Art. 35: once the bureau found the applicant's reasons sound but could not answer within the
 * Art. 33 period, the later date it fixed (and told the applicant) is the due date. The count to the
 * statutory date stays in the explanation, so anyone can see how far the date was moved. The bureau
 * typed the date itself, so it is not provisional whatever the calendar covers.
 */
function withDelayedDue(due: Due, delayed: NonNullable<RequestRecord['delayedDue']>): Due {
  const step = `${delayed.on} 经审查申请理由合理，但无法在第三十三条规定的期限（${due.dueOn}）内答复，确定延迟至 ${delayed.dueOn} 前答复（条例第三十五条）：${delayed.reason}`;
  return {
    dueOn: delayed.dueOn,
    provisional: false,
    explanation: {
      ...due.explanation,
      summary: `${due.explanation.summary.replace(/，答复期限为 .*$/, '')}，法定答复期限为 ${due.dueOn}；经确定延迟答复，答复期限为 ${delayed.dueOn}`,
      steps: [...due.explanation.steps, step],
      provisionalWarning: null,
    },
  };
}

/** The derived fields of a record, as stored for the queue. */
export function deriveDue(r: RequestRecord, today: string, calendar: WorkingCalendar): Pick<RequestRecord, 'dueOn' | 'dueProvisional' | 'dueSort' | 'open'> {
  const due = dueOf(r, today, calendar);
  const open = isOpenStatus(r.status);
  return {
    dueOn: due?.dueOn ?? null,
    dueProvisional: due?.provisional ?? false,
    dueSort: open && due ? due.dueOn : NO_DUE_DATE,
    open,
  };
}

/** Working days from today to the due date (negative once past it); null for a finished request or one with no clock. */
export function workingDaysLeft(dueOn: string | null, open: boolean, today: string, calendar: WorkingCalendar): number | null {
  return dueOn && open ? workingDaysBetween(calendar, today, dueOn) : null;
}
