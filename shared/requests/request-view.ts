import type { WorkingCalendar } from '../calendar/working-calendar';
import { maskIdNumber, maskName, maskPhone } from '../privacy/masking';
import { lettersFor } from './letters';
import type { Bureau } from './reply-categories';
import { allowedCommands } from './request-commands';
import { consultationAnswerDue, consultationForApplicant, dueOf, workingDaysLeft } from './request-clock';
import type { Actor, HistoryEntry, RequestRecord } from './request-record';
import { urgencyOf } from './request-queries';
import { REQUEST_STATUS_LABELS } from './request-schema';
import { registrationWait } from './registration-wait';
import { supplementDeadline } from './supplement-lapse';
import { feeDeadline, feeView } from './fee-notice';
import type { MyRequestSummary, QueueItem, RequestView, TimelineEntry, TimelineKind } from './request-types';

/**
 * What each viewer sees of a request. The applicant sees all of their own
 * data but never a staff member's OPENID or name, nor whom the bureau
 * consulted on what (the third party's business) or who approved an
 * extension: 「征求第三方意见」 is all they read. Handlers see everything.
 * Due dates are computed here from the record and the calendar in force, so a
 * page never shows a date the calendar has since moved.
 */
export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  submitted: '提交申请',
  entered: '录入书面申请并受理',
  registered: '受理申请',
  supplementRequested: '告知补正',
  supplemented: '申请人补正',
  consultationStarted: '开始征求意见',
  consultationEnded: '征求意见结束',
  extended: '延长答复期限',
  reasonsRequested: '要求说明理由',
  reasonsGiven: '申请人说明理由',
  dueDelayed: '确定延迟答复期限',
  replied: '作出答复',
  withdrawn: '申请人撤回申请',
  closed: '终止处理',
  reopened: '受理逾期补正，恢复办理',
  dueRecomputed: '答复期限重新计算',
  feeRequested: '发出收费通知',
  feeWaived: '决定免收信息处理费',
  feePaid: '申请人缴纳信息处理费',
  departmentAssigned: '转交承办部门',
};

export type Viewer = 'applicant' | 'staff';

export function toView(r: RequestRecord, viewer: Actor, today: string, calendar: WorkingCalendar, bureau: Bureau): RequestView {
  const staffView = viewer.role === 'staff';
  const due = dueOf(r, today, calendar, staffView ? 'staff' : 'applicant');
  const open = r.open;
  const { ownerOpenid: _owner, enteredBy: _clerk, history, supplement, consultations, updatedAt: _u, dueSort: _s, open: _o, letters: _issued, reasons, delayedDue, fee: _fee, departmentId, ...core } = r;
  return {
    ...core,
    departmentId: departmentId ?? null,
    waitingSince: r.status === 'submitted' ? r.submittedAt : null,
    extension: core.extension && !staffView ? { ...core.extension, approver: null } : core.extension,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    dueOn: due?.dueOn ?? null,
    dueProvisional: due?.provisional ?? false,
    dueExplanation: due?.explanation ?? null,
    workingDaysLeft: workingDaysLeft(due?.dueOn ?? null, open, today, calendar),
    supplement: supplement ? { ...supplement, deadlineOn: supplementDeadline(r, calendar) } : null,
    consultations: consultations.map((c) => ({
      ...c,
      ...(staffView ? {} : { partyName: null, matter: null, outcome: null }),
      answerDueOn: consultationAnswerDue(c, calendar),
    })),
    reasons: reasons ?? null,
    delayedDue: delayedDue ?? null,
    fee: feeView(r, calendar),
    timeline: staffView ? history.map((h) => timelineEntry(h, true)) : history.map((h, i) => timelineEntry({ ...h, detail: applicantDetail(r, i) }, false)),
    letters: lettersFor(r, bureau, calendar, due?.dueOn ?? null),
    allowed: allowedCommands(r, viewer, today, calendar),
    fromCase: r.fromCase ?? null,
  };
}

function timelineEntry(h: HistoryEntry, staffView: boolean): TimelineEntry {
  return {
    at: h.at,
    kind: h.kind,
    label: TIMELINE_LABELS[h.kind],
    detail: h.detail,
    actor: h.actor,
    actorName: staffView ? h.actorName : null,
    reviewerName: staffView ? (h.reviewerName ?? null) : null,
  };
}

/**
 * A history entry's detail as the applicant reads it: a consultation without
 * the party's name or the matter (nor what the party answered), an
 * extension without its approver.
 */
function applicantDetail(r: RequestRecord, index: number): string | null {
  const h = r.history[index];
  switch (h.kind) {
    case 'consultationStarted': {
      // Consultations are only ever appended: the n-th start is the n-th consultation.
      const n = r.history.slice(0, index).filter((e) => e.kind === 'consultationStarted').length;
      const c = r.consultations[n];
      return c ? `${consultationForApplicant(c.party)}，期间不计入答复期限` : '征求意见，期间不计入答复期限';
    }
    case 'consultationEnded':
      return null;
    case 'extended':
      return r.extension ? `经批准延长 ${r.extension.workingDays} 个工作日：${r.extension.reason}` : null;
    default:
      return h.detail;
  }
}

export function subjectOf(r: Pick<RequestRecord, 'information'>): string {
  const { title, description } = r.information;
  if (title) return title;
  return description.length > 40 ? `${description.slice(0, 40)}…` : description;
}

/**
 * Lists trust the stored due date — it is rewritten on every change and on
 * every calendar change — except while a consultation runs: that one is
 * computed afresh, so a record stored before consultations were counted to
 * their full 15 working days never shows its old, daily-moving date.
 */
function currentDue(r: RequestRecord, today: string, calendar: WorkingCalendar) {
  const due = r.status === 'consulting' ? dueOf(r, today, calendar) : null;
  const dueOn = due ? due.dueOn : r.dueOn;
  const dueProvisional = due ? due.provisional : r.dueProvisional;
  return { dueOn, dueProvisional, workingDaysLeft: workingDaysLeft(dueOn, r.open, today, calendar) };
}

export function toMySummary(r: RequestRecord, today: string, calendar: WorkingCalendar): MyRequestSummary {
  return {
    id: r.id,
    trackingNumber: r.trackingNumber,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    subject: subjectOf(r),
    submittedAt: r.submittedAt,
    receivedOn: r.receivedOn,
    waitingSince: r.status === 'submitted' ? r.submittedAt : null,
    ...currentDue(r, today, calendar),
  };
}

/**
 * What a queue row is made from: the queue reads only these fields of each request (a projection),
 * never its history and letters, which are most of a record's size. toQueueItem and the due-date
 * code it calls (clockFacts, supplementDeadline) may use nothing else; a test compares rows built
 * from projected and whole records for requests in every status.
 */
export const QUEUE_FIELDS = [
  'trackingNumber', 'status', 'channel', 'applicant', 'information', 'submittedAt', 'receivedOn',
  'supplement', 'consultations', 'extension', 'reply', 'ending', 'delayedDue', 'dueOn', 'dueProvisional', 'open', 'fee', 'departmentId',
] as const;

/** `registrationReminderDays`: the bureau's setting (registration-wait.ts), which marks a waiting application late. */
export function toQueueItem(r: RequestRecord, today: string, calendar: WorkingCalendar, registrationReminderDays?: number): QueueItem {
  const due = currentDue(r, today, calendar);
  const left = due.workingDaysLeft;
  const person = r.applicant.type === 'person';
  return {
    id: r.id,
    version: r.version,
    trackingNumber: r.trackingNumber,
    status: r.status,
    channel: r.channel,
    orgKind: r.applicant.orgKind ?? null,
    applicantName: person ? maskName(r.applicant.name) : r.applicant.name,
    idNumberMasked: person && r.applicant.idNumber ? maskIdNumber(r.applicant.idNumber) : null,
    phoneMasked: maskPhone(r.applicant.phone),
    subject: subjectOf(r),
    submittedAt: r.submittedAt,
    receivedOn: r.receivedOn,
    ...due,
    supplementDeadlineOn: r.status === 'supplementRequested' ? supplementDeadline(r, calendar) : null,
    feeDeadlineOn: r.status === 'feeRequested' && r.fee && !r.fee.paidOn ? feeDeadline(r, calendar) : null,
    urgency: urgencyOf(left),
    departmentId: r.departmentId ?? null,
    waiting: registrationWait(r, today, calendar, registrationReminderDays),
  };
}

/** The masks are one rule for every list (shared/privacy/masking.ts); re-exported for code that reads them from here. */
export { maskIdNumber, maskName, maskPhone };
