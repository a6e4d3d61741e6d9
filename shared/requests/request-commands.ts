import { AppError, type ErrorCode } from '../api/errors';
import { addDays, weekdayOf } from '../calendar/dates';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';
import { beijingToday } from '../time/beijing-time';
import { SUPPLEMENT_WINDOW_WORKING_DAYS } from './statutory-periods';
import type { CloseCategory, ReplyCategory, ReplyDetails } from './reply-categories';
import { CONSULTATION_RULES, consultationAnswerDue, dueOf, isOpenStatus } from './request-clock';
import type { Actor, RequestRecord } from './request-record';
import type { ConsultedParty, RequestAttachment, RequestStatus } from './request-schema';
import type { RequestCommandName } from './request-types';
import { supplementDeadline } from './supplement-lapse';
import { feeDeadline, feeOverdue } from './fee-notice';
import { computeFee, unitsBeforeOf, type FeeMethod, type FeeMonth } from './processing-fee';

/** What can be asked of a request (transition in request-machine.ts carries each out). */
/** A department as a command names it: its id (stored) and name (for the timeline). */
export interface DepartmentRef {
  id: string;
  name: string;
}

export type RequestCommand =
  /** `department`: where it is handled from now on (department-scope.ts); absent only for callers from before departments. */
  | { type: 'register'; actor: Actor; receivedOn?: string; department?: DepartmentRef }
  | { type: 'askSupplement'; actor: Actor; items: string[]; workingDays: number }
  | { type: 'supplement'; actor: Actor; text: string; attachments: RequestAttachment[] }
  /** A supplement that arrived by post, fax or in person, recorded by staff with the day it was received. */
  /**
   * A supplement that arrived by post, fax or in person, recorded by staff with the day it was received. `lateReason`: the
   * applicant's good reason for a supplement after its period (Art. 30 lapses only one without it), which also reopens a
   * request already closed as other.noSupplement.
   */
  | { type: 'recordSupplement'; actor: Actor; receivedOn: string; text: string; attachments: RequestAttachment[]; lateReason?: string }
  | { type: 'startConsultation'; actor: Actor; party: ConsultedParty; partyName: string; matter: string }
  | { type: 'endConsultation'; actor: Actor; outcome: string }
  /** The system's: a consulted agency's 15 working days ran out unanswered, which counts as consent (Art. 34). */
  | { type: 'lapseConsultation'; actor: Actor }
  | { type: 'extend'; actor: Actor; workingDays: number; approver: string; reason: string }
  /** Art. 35: ask the applicant to state reasons for a volume or frequency beyond reason. */
  | { type: 'askReasons'; actor: Actor; text: string }
  /** The applicant's reasons, given in the app. */
  | { type: 'giveReasons'; actor: Actor; text: string }
  /** The applicant's reasons that came by letter, fax or in person, recorded by staff with the day they were received. */
  | { type: 'recordReasons'; actor: Actor; receivedOn: string; text: string }
  /** Art. 35: the reasons are sound but the answer cannot be given in time: a later due date (延迟答复). */
  | { type: 'setDelayedDue'; actor: Actor; dueOn: string; reason: string }
  /** `details`: the fields the category takes (Art. 36: where to find, the agency responsible, the special procedure, the earlier request, the basis). */
  | { type: 'reply'; actor: Actor; category: ReplyCategory; text: string; attachments: RequestAttachment[]; government: string; details?: ReplyDetails }
  | { type: 'withdraw'; actor: Actor; reason: string | null }
  | { type: 'close'; actor: Actor; category: CloseCategory; reason: string; basis?: string }
  /**
   * A fee notice (条例 Art. 42) by one table; `month` is what the applicant's other applications in
   * the month say (read by the caller). `waive` records a decision not to charge; `reducedTo` a lower amount.
   */
  | { type: 'askFee'; actor: Actor; method: FeeMethod; units: number; waive: boolean; reducedTo: number | null; reason: string | null; month: FeeMonth }
  /** The applicant paid on `paidOn`: the clock runs again. */
  | { type: 'recordPayment'; actor: Actor; paidOn: string }
  /** The calendar changed from `previous` to the one passed to `transition`. */
  | { type: 'recompute'; actor: Actor; reason: string; previous: WorkingCalendar }
  /** Hands a registered request to another department: its handlers see it from now on, the old ones no longer. */
  | { type: 'assignDepartment'; actor: Actor; department: DepartmentRef };

/** Why a command may not be applied: the error code the caller is answered with, and a message where the catalogue's is too general. */
export interface Refusal {
  refused: ErrorCode;
  message?: string;
}

/**
 * What the checks read of a command: its kind, who issues it, and — for the
 * two that name one — the day something was received (absent: today) and
 * the closing category. Every RequestCommand is one; `allowedCommands` asks
 * with the kind and the actor alone.
 */
export interface CommandAttempt {
  type: RequestCommand['type'];
  actor: Actor;
  receivedOn?: string;
  category?: ReplyCategory;
  /** setDelayedDue's later due date. */
  dueOn?: string;
  paidOn?: string;
  department?: DepartmentRef;
}

/** The commands a page may offer, in the order its buttons are listed. */
const OFFERED: readonly RequestCommandName[] = [
  'register',
  'askSupplement',
  'supplement',
  'recordSupplement',
  'startConsultation',
  'endConsultation',
  'extend',
  'askReasons',
  'giveReasons',
  'recordReasons',
  'setDelayedDue',
  'askFee',
  'recordPayment',
  'reply',
  'withdraw',
  'close',
  'assignDepartment',
];

/** How far ahead a delayed due date may be fixed: a bound on typing errors, not a rule of the 条例 (which asks only for a reasonable date). */
export const MAX_DELAY_DAYS = 366;

const refuse = (code: ErrorCode, message?: string): Refusal => (message === undefined ? { refused: code } : { refused: code, message });

/**
 * Why `command` may not be applied to `r` today, or null if it may. The same
 * checks decide which buttons a page shows (allowedCommands) and what a
 * handler answers (checkCommand, through transition). Checks run in order;
 * the first that fails is the answer.
 */
export function refusalOf(r: RequestRecord, command: RequestCommand | CommandAttempt, today: string, calendar: WorkingCalendar): Refusal | null {
  const { actor } = command;
  const inStatus = (...statuses: RequestStatus[]) => (statuses.includes(r.status) ? null : refuse('INVALID_STATE'));
  const open = () => (isOpenStatus(r.status) ? null : refuse('INVALID_STATE'));
  // Someone else's request is answered exactly like a missing one.
  const applicantOnly = () => (actor.role !== 'applicant' || !r.ownerOpenid || actor.openid !== r.ownerOpenid ? refuse('REQUEST_NOT_FOUND') : null);
  const staffOnly = () => (actor.role !== 'staff' ? refuse('FORBIDDEN') : null);
  const when = (failed: boolean, code: ErrorCode, message?: string) => (failed ? refuse(code, message) : null);

  switch (command.type) {
    case 'register': {
      const on = command.receivedOn ?? today;
      return staffOnly() ?? inStatus('submitted') ?? when(on > today || on < beijingToday(new Date(r.submittedAt)), 'RECEIVED_DATE_INVALID');
    }
    case 'askSupplement':
      return (
        staffOnly() ??
        inStatus('registered') ??
        when(Boolean(r.supplement), 'SUPPLEMENT_ALREADY_REQUESTED') ??
        when(today > addWorkingDays(calendar, r.receivedOn as string, SUPPLEMENT_WINDOW_WORKING_DAYS), 'SUPPLEMENT_WINDOW_CLOSED')
      );
    case 'supplement':
      return applicantOnly() ?? inStatus('supplementRequested') ?? when(today > supplementDeadline(r, calendar), 'SUPPLEMENT_OVERDUE');
    case 'recordSupplement': {
      // Written supplements (the 补正告知书 invites them) are typed in by staff, on the day they arrived. Art. 30 closes only
      // a request whose applicant was late *without good reason*: one closed so is reopened by a supplement the clerk accepts.
      const staff = staffOnly() ?? (reopensClosure(r) ? null : inStatus('supplementRequested'));
      if (staff) return staff;
      const receivedOn = command.receivedOn ?? today;
      const requestedOn = r.supplement?.requestedOn ?? today;
      const deadline = supplementDeadline(r, calendar);
      const lateReason = 'lateReason' in command ? command.lateReason : undefined;
      // A page asking which buttons to show names no day: a late supplement may still come, with its reason.
      const named = command.receivedOn !== undefined;
      return (
        when(receivedOn > today || receivedOn < requestedOn, 'RECEIVED_DATE_INVALID', `收到补正之日应在 ${requestedOn} 至今天之间`) ??
        when(named && receivedOn > deadline && !lateReason, 'SUPPLEMENT_OVERDUE', `补正材料收到之日晚于补正期限（${deadline}）；申请人有正当理由的，请填写逾期理由`) ??
        when(named && receivedOn <= deadline && Boolean(lateReason), 'INVALID_STATE', `补正材料在补正期限（${deadline}）内收到，无需填写逾期理由`)
      );
    }
    case 'startConsultation':
      return staffOnly() ?? inStatus('registered');
    case 'endConsultation':
      return staffOnly() ?? inStatus('consulting');
    case 'lapseConsultation': {
      // Only the system ends a consultation by silence, and only an agency's (Art. 34), after its period.
      const running = r.consultations.find((c) => c.endedOn === null);
      return (
        when(actor.role !== 'system', 'FORBIDDEN') ??
        inStatus('consulting') ??
        when(!running || !CONSULTATION_RULES[running.party].silenceIsConsent, 'INVALID_STATE', '只有被征求意见的行政机关逾期未提出意见，才视为同意') ??
        when(!!running && today <= consultationAnswerDue(running, calendar), 'INVALID_STATE', '被征求意见机关的答复期限尚未届满')
      );
    }
    case 'extend': {
      const early =
        staffOnly() ??
        inStatus('registered', 'consulting', 'reasonsRequested') ??
        when(Boolean(r.extension), 'ALREADY_EXTENDED') ??
        when(Boolean(r.delayedDue), 'INVALID_STATE', '已确定延迟答复期限，不能再延长答复期限');
      if (early) return early;
      const due = dueOf(r, today, calendar);
      return when(Boolean(due && today > due.dueOn), 'EXTENSION_TOO_LATE');
    }
    case 'askReasons': {
      // Asked once, while the answer is still due: Art. 35 is a step within the period, not after it.
      const early = staffOnly() ?? inStatus('registered') ?? when(Boolean(r.reasons), 'INVALID_STATE', '已要求申请人说明过理由');
      if (early) return early;
      const due = dueOf(r, today, calendar);
      return when(Boolean(due && today > due.dueOn), 'INVALID_STATE', '答复期限已届满，不能再要求说明理由');
    }
    case 'giveReasons':
      return applicantOnly() ?? inStatus('reasonsRequested');
    case 'recordReasons': {
      // The 说明理由告知书 may be answered on paper (and must be, for a letter, fax or walk-in applicant): a clerk types it in.
      const askedOn = r.reasons?.askedOn ?? today;
      const receivedOn = command.receivedOn ?? today;
      return (
        staffOnly() ??
        inStatus('reasonsRequested') ??
        when(receivedOn > today || receivedOn < askedOn, 'RECEIVED_DATE_INVALID', `收到理由之日应在 ${askedOn} 至今天之间`)
      );
    }
    case 'setDelayedDue': {
      const early =
        staffOnly() ??
        inStatus('registered', 'reasonsRequested') ??
        when(!r.reasons, 'REASONS_NOT_ASKED', '确定延迟答复期限前，应当先要求申请人说明理由（条例第三十五条）') ??
        when(Boolean(r.delayedDue), 'INVALID_STATE', '延迟答复期限已确定，不能再次确定');
      if (early) return early;
      const due = dueOf(r, today, calendar);
      if (due && today > due.dueOn) return refuse('EXTENSION_TOO_LATE', '答复期限已届满，不能再确定延迟答复期限');
      if (command.dueOn === undefined || !due) return null;
      return (
        when(command.dueOn <= due.dueOn, 'DELAYED_DUE_INVALID', `延迟答复的期限应晚于现行答复期限（${due.dueOn}）`) ??
        when(command.dueOn > addDays(today, MAX_DELAY_DAYS), 'DELAYED_DUE_INVALID', '延迟答复的期限不能超过一年') ??
        nonWorkingDueDay(command.dueOn, calendar)
      );
    }
    case 'reply':
      return (
        staffOnly() ??
        inStatus('registered', 'consulting', 'reasonsRequested') ??
        // Art. 35: an unreasonable volume is refused only after the applicant was asked for reasons.
        when(command.category === 'notProcessed.excessive' && !r.reasons, 'REASONS_NOT_ASKED') ??
        // Art. 30: "still unclear after the supplement" needs a supplement asked for and received.
        when(command.category === 'unavailable.unclear' && !r.supplement?.answer, 'UNCLEAR_WITHOUT_SUPPLEMENT')
      );
    case 'withdraw':
      return applicantOnly() ?? open();
    case 'askFee': {
      // One fee decision per request, while the bureau is handling it within its period.
      const early =
        staffOnly() ??
        inStatus('registered') ??
        when(Boolean(r.fee), 'INVALID_STATE', '本申请已作出过收费决定，不能再次收费');
      if (early) return early;
      const due = dueOf(r, today, calendar);
      const late = when(Boolean(due && today > due.dueOn), 'INVALID_STATE', '答复期限已届满，不能再发出收费通知');
      if (late || !('month' in command)) return late;
      // 办法 Art. 3: one applicant is never charged by both tables.
      if (command.month.otherMethod && command.month.otherMethod !== command.method) return refuse('FEE_METHOD_CONFLICT');
      const { amount } = computeFee(command.method, unitsBeforeOf(command.method, command.month), command.units);
      return (
        when(amount === 0, 'FEE_NOT_DUE') ??
        when(command.reducedTo !== null && command.reducedTo >= amount, 'VALIDATION_FAILED', `减收后的金额应低于按标准计算的 ${amount} 元`)
      );
    }
    case 'recordPayment': {
      const staff = staffOnly() ?? inStatus('feeRequested');
      if (staff) return staff;
      const paidOn = command.paidOn ?? today;
      const noticeOn = r.fee?.noticeOn ?? today;
      const deadline = feeDeadline(r, calendar);
      return (
        when(paidOn > today || paidOn < noticeOn, 'RECEIVED_DATE_INVALID', `缴费日期应在 ${noticeOn} 至今天之间`) ??
        when(paidOn > deadline, 'FEE_PAYMENT_OVERDUE', `缴费日期晚于缴费期限（${deadline}）`)
      );
    }
    case 'close': {
      // The system closes only what the law closes by itself: a supplement period that ran out (Art. 30),
      // a fee notice left unpaid (Art. 42).
      const lapse = command.category === 'other.noSupplement' || command.category === 'other.noFee';
      const who = actor.role === 'system' && lapse ? null : staffOnly();
      if (who) return who;
      if (!lapse) return open();
      if (command.category === 'other.noFee') {
        return (
          open() ??
          when(r.status !== 'feeRequested', 'INVALID_STATE', '本申请没有待缴费的收费通知，不能以逾期未缴费终止') ??
          when(!feeOverdue(r, today, calendar), 'INVALID_STATE', '缴费期限尚未届满，不能以逾期未缴费终止')
        );
      }
      return (
        open() ??
        inStatus('supplementRequested') ??
        when(today <= supplementDeadline(r, calendar), 'INVALID_STATE', '补正期限尚未届满，不能以逾期未补正终止')
      );
    }
    case 'recompute':
      return open();
    case 'assignDepartment':
      // An online application gets its department when it is registered (the clerk picks it there).
      return (
        staffOnly() ??
        when(r.status === 'submitted', 'INVALID_STATE', '网上申请请在受理时选择承办部门') ??
        when(!!command.department && command.department.id === r.departmentId, 'INVALID_STATE', '该申请已由这个部门承办')
      );
  }
}

/**
 * A delayed due date is the last day of a count in working days (Art. 33 reckons every period so), so it must itself be one:
 * the applicant reads it as the day the answer is owed, and a Sunday or 国庆 would be a date the office is shut. A day of a
 * year whose arrangement is not entered is judged by the statutory holidays and weekends alone (暂定).
 */
function nonWorkingDueDay(dueOn: string, calendar: WorkingCalendar): Refusal | null {
  const day = calendar.day(dueOn);
  if (day.work) return null;
  const what = day.kind === 'holiday' ? `${day.name ?? '法定节假日'}${day.covered ? '' : '（暂定）'}` : WEEKDAY_NAMES[weekdayOf(dueOn)];
  return refuse('DELAYED_DUE_NOT_WORKING_DAY', `${dueOn} 是${what}，不是工作日；延迟答复的期限应为工作日，请另选日期`);
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** A request the system or a clerk closed because no supplement came in time (Art. 30): a supplement accepted later reopens it. */
export function reopensClosure(r: Pick<RequestRecord, 'status' | 'ending'>): boolean {
  return r.status === 'closed' && r.ending?.category === 'other.noSupplement';
}

/** Throws the refusal as an AppError (its code and message) unless `command` may be applied to `r` today. */
export function checkCommand(r: RequestRecord, command: RequestCommand | CommandAttempt, today: string, calendar: WorkingCalendar): void {
  const refusal = refusalOf(r, command, today, calendar);
  if (refusal) throw new AppError(refusal.refused, refusal.message);
}

/** Which commands the viewer could issue now (received today, where a day is named): pages show exactly these buttons. */
export function allowedCommands(r: RequestRecord, actor: Actor, today: string, calendar: WorkingCalendar): RequestCommandName[] {
  return OFFERED.filter((type) => refusalOf(r, { type, actor }, today, calendar) === null);
}
