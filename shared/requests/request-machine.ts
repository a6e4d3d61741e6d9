import { AppError } from '../api/errors';
import { beijingToday } from '../time/beijing-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { legalBasisOf, REPLY_CATEGORY_INFO, remediesSentence, replyTypeOf } from './reply-categories';
import { checkCommand, reopensClosure, type DepartmentRef, type RequestCommand } from './request-commands';
import { consultationAnswerDue, deriveDue } from './request-clock';
import { feeDeadline } from './fee-notice';
import { computeFee, FEE_METHOD_LABELS, FEE_UNIT_LABELS, unitsBeforeOf } from './processing-fee';
import { applicantProblemsOn, CONSULTED_PARTY_LABELS, type Application, type PaperChannel } from './request-schema';
import {
  NO_DUE_DATE,
  type Actor,
  type HistoryEntry,
  type NotificationIntent,
  type RequestEvent,
  type RequestRecord,
} from './request-record';
import type { TimelineKind } from './request-types';

/**
 * The one state machine of a disclosure request (条例 Arts. 30–37):
 *
 *   submitted ─register→ registered ─reply→ replied
 *                          │  ↑ ↓ startConsultation / endConsultation (consulting: clock paused)
 *                          │  ↑   lapseConsultation (system: an agency silent for its 15 working days, Art. 34)
 *                          │  └─ extend (once, ≤ 20 working days; status unchanged)
 *                          ├─askReasons→ reasonsRequested ─giveReasons (applicant) / recordReasons (staff: on paper)→ registered   (Art. 35; the clock runs on)
 *                          │     └─ setDelayedDue (registered or reasonsRequested, once reasons were asked) → registered, due date fixed later
 *                          │     └─ reply notProcessed.excessive only once reasons were asked
 *                          │  ↑ ↓ askFee / recordPayment (feeRequested: clock paused from the notice to the payment, Art. 42)
 *                          │      askFee with waive: recorded, status unchanged · unpaid in 20 working days: close other.noFee (system)
 *                          └─askSupplement→ supplementRequested ─supplement / recordSupplement→ registered (clock restarts)
 *   any open state ─withdraw (applicant)→ withdrawn · ─close (staff)→ closed
 *   any registered state, open or not ─assignDepartment (staff)→ the same state, another department
 *
 * Pure: the request, the command, the time and the calendar come in; the
 * patch to store, the audit events and the notification intents go out.
 * Its parts live beside it: whether a command may be applied
 * (request-commands.ts: a refusal, never an exception, so the same checks
 * list a page's buttons), the reply clock (request-clock.ts) and the
 * supplement period's lapse (supplement-lapse.ts). `transition` is the edge
 * its callers use: an illegal step throws the refusal as an AppError
 * (INVALID_STATE, or a more specific code).
 */

// What the machine's callers have always imported from here.
export { allowedCommands, checkCommand, refusalOf, type CommandAttempt, type DepartmentRef, type Refusal, type RequestCommand } from './request-commands';
export { clockFacts, consultationForApplicant, deriveDue, dueOf, type Audience } from './request-clock';
export { lapsedSupplementClosure, SUPPLEMENT_ENTRY_GRACE_WORKING_DAYS, supplementDeadline, supplementLapsed } from './supplement-lapse';
export { SYSTEM_ACTOR } from './request-record';
import { applicantDeadlineMoves } from './calendar-moves';

export interface TransitionResult {
  /** The fields to write (against the version read). Empty when nothing changed. */
  request: Partial<RequestRecord>;
  events: RequestEvent[];
  notifications: NotificationIntent[];
}

export function transition(r: RequestRecord, command: RequestCommand, now: Date, calendar: WorkingCalendar): TransitionResult {
  const today = beijingToday(now);
  const at = now.toISOString();
  checkCommand(r, command, today, calendar);

  const patch: Partial<RequestRecord> = {};
  const notifications: NotificationIntent[] = [];
  const notify = (kind: NotificationIntent['kind']) => {
    if (r.ownerOpenid) notifications.push({ kind, openid: r.ownerOpenid, requestId: r.id, trackingNumber: r.trackingNumber });
  };
  let kind: TimelineKind;
  let detail: string | null = null;

  switch (command.type) {
    case 'register':
      kind = 'registered';
      patch.status = 'registered';
      patch.receivedOn = command.receivedOn ?? today;
      detail = `收到申请之日：${patch.receivedOn}`;
      if (command.department) {
        patch.departmentId = command.department.id;
        detail += `；承办部门：${command.department.name}`;
      }
      break;
    case 'assignDepartment':
      kind = 'departmentAssigned';
      patch.departmentId = command.department.id;
      detail = `转交${command.department.name}办理`;
      break;
    case 'askSupplement':
      kind = 'supplementRequested';
      patch.status = 'supplementRequested';
      patch.supplement = { items: command.items, workingDays: command.workingDays, requestedOn: today, answer: null };
      detail = `补正事项：${command.items.map((item, i) => `${i + 1}. ${item}`).join('；')}；补正期限 ${command.workingDays} 个工作日`;
      notify('supplementRequested');
      break;
    case 'supplement':
      kind = 'supplemented';
      patch.status = 'registered';
      patch.supplement = { ...(r.supplement as NonNullable<RequestRecord['supplement']>), answer: { text: command.text, attachments: command.attachments, on: today } };
      detail = '申请人已补正，答复期限自今日重新计算';
      break;
    case 'recordSupplement': {
      const reopening = reopensClosure(r);
      kind = reopening ? 'reopened' : 'supplemented';
      patch.status = 'registered';
      // The closure stays on the timeline (its entry and event are kept); only the record's ending is lifted.
      if (reopening) patch.ending = null;
      const late = command.lateReason ? { lateReason: command.lateReason } : {};
      patch.supplement = {
        ...(r.supplement as NonNullable<RequestRecord['supplement']>),
        answer: { text: command.text, attachments: command.attachments, on: command.receivedOn, ...late },
      };
      detail = [
        `收到申请人书面补正，收到之日：${command.receivedOn}`,
        command.lateReason ? `逾期补正有正当理由（条例第三十条）：${command.lateReason}` : null,
        reopening ? `原以逾期未补正终止处理（${r.ending?.on}），现恢复办理` : null,
        '答复期限自收到之日起重新计算',
      ]
        .filter(Boolean)
        .join('；');
      if (reopening) notify('requestReopened');
      break;
    }
    case 'startConsultation':
      kind = 'consultationStarted';
      patch.status = 'consulting';
      patch.consultations = [
        ...r.consultations,
        { party: command.party, partyName: command.partyName, matter: command.matter, startedOn: today, endedOn: null, outcome: null },
      ];
      detail = `征求${CONSULTED_PARTY_LABELS[command.party]}（${command.partyName}）意见，期间不计入答复期限`;
      break;
    case 'endConsultation':
      kind = 'consultationEnded';
      patch.status = 'registered';
      patch.consultations = endOpenConsultation(r, today, command.outcome);
      detail = command.outcome;
      break;
    case 'lapseConsultation': {
      // The consultation ended on the last day of the agency's period, not on the day the system noticed:
      // the clock ran again from the next working day whether or not anyone recorded it.
      kind = 'consultationEnded';
      patch.status = 'registered';
      const running = r.consultations.find((c) => c.endedOn === null) as RequestRecord['consultations'][number];
      const lastDay = consultationAnswerDue(running, calendar);
      const outcome = `被征求意见机关（${running.partyName}）自 ${running.startedOn} 起 15 个工作日内（至 ${lastDay}）未提出意见，视为同意公开（条例第三十四条）`;
      patch.consultations = r.consultations.map((c) => (c === running ? { ...c, endedOn: lastDay, outcome } : c));
      detail = `${outcome}；答复期限自 ${lastDay} 的次一工作日起恢复计算`;
      break;
    }
    case 'extend':
      kind = 'extended';
      patch.extension = { workingDays: command.workingDays, approver: command.approver, reason: command.reason, on: today };
      detail = `经${command.approver}同意延长 ${command.workingDays} 个工作日：${command.reason}`;
      notify('extended');
      break;
    case 'askReasons':
      kind = 'reasonsRequested';
      patch.status = 'reasonsRequested';
      patch.reasons = { text: command.text, askedOn: today, answer: null };
      // Art. 35 names no pause (unlike Art. 30's restart or Art. 33's uncounted consultations): the clock runs on.
      detail = `要求申请人说明理由：${command.text}`;
      notify('reasonsRequested');
      break;
    case 'giveReasons':
      kind = 'reasonsGiven';
      patch.status = 'registered';
      patch.reasons = { ...(r.reasons as NonNullable<RequestRecord['reasons']>), answer: { text: command.text, on: today } };
      detail = command.text;
      break;
    case 'recordReasons':
      kind = 'reasonsGiven';
      patch.status = 'registered';
      patch.reasons = { ...(r.reasons as NonNullable<RequestRecord['reasons']>), answer: { text: command.text, on: command.receivedOn, onPaper: true } };
      detail = `收到申请人书面说明理由，收到之日：${command.receivedOn}；${command.text}`;
      break;
    case 'setDelayedDue':
      kind = 'dueDelayed';
      patch.status = 'registered';
      patch.delayedDue = { dueOn: command.dueOn, reason: command.reason, on: today };
      detail = `申请理由合理，确定延迟至 ${command.dueOn} 前答复：${command.reason}`;
      notify('dueDelayed');
      break;
    case 'reply': {
      kind = 'replied';
      const info = REPLY_CATEGORY_INFO[command.category];
      patch.status = 'replied';
      if (r.status === 'consulting') patch.consultations = endOpenConsultation(r, today, '已作出答复');
      const details = command.details ?? {};
      patch.reply = {
        category: command.category,
        group: info.group,
        categoryLabel: info.label,
        replyType: replyTypeOf(command.category, details),
        text: command.text,
        attachments: command.attachments,
        ...details,
        legalBasis: legalBasisOf(command.category, details),
        remedies: remediesSentence(command.government, command.category),
        on: today,
        at,
      };
      detail = info.label;
      notify('requestReplied');
      break;
    }
    case 'askFee': {
      const computed = computeFee(command.method, unitsBeforeOf(command.method, command.month), command.units);
      const amount = command.waive ? 0 : (command.reducedTo ?? computed.amount);
      patch.fee = {
        method: command.method,
        units: command.units,
        unitsBefore: computed.unitsBefore,
        month: command.month.month,
        computedAmount: computed.amount,
        amount,
        waived: command.waive,
        reason: command.reason,
        noticeOn: today,
        paidOn: null,
      };
      const how = `${FEE_METHOD_LABELS[command.method]} ${command.units} ${FEE_UNIT_LABELS[command.method]}，按标准计 ${computed.amount} 元`;
      if (command.waive) {
        // A waiver is a decision on record, not a notice: nothing to pay, the clock runs on.
        kind = 'feeWaived';
        detail = `${how}；经决定免收：${command.reason ?? ''}`;
        break;
      }
      kind = 'feeRequested';
      patch.status = 'feeRequested';
      detail = `${how}${command.reducedTo !== null ? `，经决定减收为 ${amount} 元：${command.reason ?? ''}` : ''}；应于 ${feeDeadline({ fee: patch.fee }, calendar)} 前缴纳，缴费前答复期限暂停计算`;
      notify('feeRequested');
      break;
    }
    case 'recordPayment':
      kind = 'feePaid';
      patch.status = 'registered';
      patch.fee = { ...(r.fee as NonNullable<RequestRecord['fee']>), paidOn: command.paidOn };
      detail = `申请人于 ${command.paidOn} 缴纳信息处理费 ${r.fee?.amount ?? 0} 元，答复期限自次一工作日起恢复计算`;
      break;
    case 'withdraw':
      kind = 'withdrawn';
      patch.status = 'withdrawn';
      patch.ending = { category: null, reason: command.reason, on: today };
      detail = command.reason;
      break;
    case 'close':
      kind = 'closed';
      patch.status = 'closed';
      if (r.status === 'consulting') patch.consultations = endOpenConsultation(r, today, '申请已终止');
      patch.ending = { category: command.category, reason: command.reason, on: today, ...(command.basis ? { basis: command.basis } : {}) };
      detail = `${REPLY_CATEGORY_INFO[command.category].label}：${command.reason}${command.basis ? `（依据：${command.basis}）` : ''}`;
      notify('requestClosed');
      break;
    case 'recompute': {
      // Compare under the same "today", so only the calendar's effect is recorded (a running consultation moves the date daily anyway).
      const before = deriveDue(r, today, command.previous);
      const after = deriveDue(r, today, calendar);
      const replyMoved = after.dueOn !== before.dueOn;
      const otherMoves = applicantDeadlineMoves(r, command.previous, calendar);
      if (!replyMoved && after.dueProvisional === before.dueProvisional && otherMoves.length === 0) return { request: {}, events: [], notifications: [] };
      kind = 'dueRecomputed';
      const mark = (provisional: boolean) => (provisional ? '（暂定）' : '');
      const parts = [
        ...(replyMoved || after.dueProvisional !== before.dueProvisional ? [`答复期限由 ${before.dueOn ?? '无'}${mark(before.dueProvisional)} 调整为 ${after.dueOn ?? '无'}${mark(after.dueProvisional)}`] : []),
        ...otherMoves.map((m) => `${m.label}由 ${m.before} 调整为 ${m.after}`),
      ];
      detail = `${command.reason}：${parts.join('；')}`;
      // A date the applicant was told moved: they hear the new one. A date that only stopped being 暂定 is recorded, not sent.
      if ((replyMoved && after.dueOn) || otherMoves.length > 0) {
        if (r.ownerOpenid) notifications.push({ kind: 'dueMoved', openid: r.ownerOpenid, requestId: r.id, trackingNumber: r.trackingNumber, detail });
      }
      break;
    }
  }

  const entry: HistoryEntry = {
    at,
    kind,
    actor: command.actor.role,
    actorOpenid: command.actor.openid,
    actorName: command.actor.name,
    detail,
  };
  const next: RequestRecord = { ...r, ...patch, history: [...r.history, entry], updatedAt: at };
  Object.assign(patch, { history: next.history, updatedAt: at }, deriveDue(next, today, calendar));
  return {
    request: patch,
    events: [{ subjectType: 'request', subjectId: r.id, action: kind, actor: command.actor.openid ?? 'system', at, detail }],
    notifications,
  };
}

/** A new request as submitted online or entered by staff (entered ones are registered at once). */
export function newRequest(
  application: Application,
  source: { channel: 'online'; ownerOpenid: string; fromCase?: { id: string; caseNumber: string } } | { channel: PaperChannel; receivedOn: string; enteredBy: Actor; department?: DepartmentRef },
  trackingNumber: string,
  now: Date,
  calendar: WorkingCalendar,
): { record: Omit<RequestRecord, 'id' | 'version'> } {
  const at = now.toISOString();
  const today = beijingToday(now);
  // The schema (which knows no clock) let through a birth date after today: refused as it would have refused it.
  const problems = applicantProblemsOn(application.applicant, today);
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', undefined, problems);
  const paper = source.channel !== 'online';
  if (paper && source.receivedOn > today) throw new AppError('RECEIVED_DATE_INVALID');
  const history: HistoryEntry[] = paper
    ? [
        {
          at,
          kind: 'entered',
          actor: 'staff',
          actorOpenid: source.enteredBy.openid,
          actorName: source.enteredBy.name,
          detail: `收到${source.channel === 'letter' ? '信函' : source.channel === 'fax' ? '传真' : '当面'}申请，收到之日：${source.receivedOn}，当即受理${source.department ? `；承办部门：${source.department.name}` : ''}`,
        },
      ]
    : [{ at, kind: 'submitted', actor: 'applicant', actorOpenid: source.ownerOpenid, actorName: null, detail: source.fromCase ? `由咨询 ${source.fromCase.caseNumber} 转为申请` : null }];
  const record: Omit<RequestRecord, 'id' | 'version'> = {
    trackingNumber,
    status: paper ? 'registered' : 'submitted',
    channel: source.channel,
    ownerOpenid: paper ? null : source.ownerOpenid,
    enteredBy: paper ? source.enteredBy.openid : null,
    departmentId: paper ? (source.department?.id ?? null) : null,
    applicant: application.applicant,
    information: application.information,
    purpose: application.purpose ?? null,
    form: application.form,
    delivery: application.delivery,
    submittedAt: at,
    receivedOn: paper ? source.receivedOn : null,
    supplement: null,
    consultations: [],
    reasons: null,
    delayedDue: null,
    extension: null,
    reply: null,
    ending: null,
    ...(!paper && source.fromCase ? { fromCase: source.fromCase } : {}),
    history,
    updatedAt: at,
    dueOn: null,
    dueProvisional: false,
    dueSort: NO_DUE_DATE,
    open: true,
  };
  Object.assign(record, deriveDue(record as RequestRecord, today, calendar));
  return { record };
}

function endOpenConsultation(r: RequestRecord, today: string, outcome: string): RequestRecord['consultations'] {
  return r.consultations.map((c) => (c.endedOn === null ? { ...c, endedOn: today, outcome } : c));
}
