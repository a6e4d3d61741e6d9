import { AppError, type ErrorCode } from '../api/errors';
import { beijingToday } from '../time/beijing-time';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar';
import {
  computeDue,
  SUPPLEMENT_WINDOW_WORKING_DAYS,
  THIRD_PARTY_WORKING_DAYS,
  type ClockFacts,
  type ClockPause,
} from './deadline';
import { REPLY_CATEGORY_INFO, remediesSentence, type CloseCategory, type ReplyCategory } from './reply-categories';
import {
  CONSULTED_PARTY_LABELS,
  OPEN_STATUSES,
  type Application,
  type ConsultedParty,
  type PaperChannel,
  type RequestAttachment,
  type RequestStatus,
} from './request-schema';
import {
  NO_DUE_DATE,
  type Actor,
  type HistoryEntry,
  type NotificationIntent,
  type RequestEvent,
  type RequestRecord,
} from './request-record';
import type { RequestCommandName, TimelineKind } from './request-types';

/**
 * The one state machine of a disclosure request (条例 Arts. 30–37):
 *
 *   submitted ─register→ registered ─reply→ replied
 *                          │  ↑ ↓ startConsultation / endConsultation (consulting: clock paused)
 *                          │  └─ extend (once, ≤ 20 working days; status unchanged)
 *                          └─askSupplement→ supplementRequested ─supplement / recordSupplement→ registered (clock restarts)
 *   any open state ─withdraw (applicant)→ withdrawn · ─close (staff)→ closed
 *
 * Pure: the request, the command, the time and the calendar come in; the
 * patch to store, the audit events and the notification intents go out.
 * An illegal step throws INVALID_STATE (or a more specific code).
 */
export type RequestCommand =
  | { type: 'register'; actor: Actor; receivedOn?: string }
  | { type: 'askSupplement'; actor: Actor; items: string[]; workingDays: number }
  | { type: 'supplement'; actor: Actor; text: string; attachments: RequestAttachment[] }
  /** A supplement that arrived by post, fax or in person, recorded by staff with the day it was received. */
  | { type: 'recordSupplement'; actor: Actor; receivedOn: string; text: string; attachments: RequestAttachment[] }
  | { type: 'startConsultation'; actor: Actor; party: ConsultedParty; partyName: string; matter: string }
  | { type: 'endConsultation'; actor: Actor; outcome: string }
  | { type: 'extend'; actor: Actor; workingDays: number; approver: string; reason: string }
  | { type: 'reply'; actor: Actor; category: ReplyCategory; text: string; attachments: RequestAttachment[]; government: string }
  | { type: 'withdraw'; actor: Actor; reason: string | null }
  | { type: 'close'; actor: Actor; category: CloseCategory; reason: string }
  /** The calendar changed from `previous` to the one passed to `transition`. */
  | { type: 'recompute'; actor: Actor; reason: string; previous: WorkingCalendar };

export interface TransitionResult {
  /** The fields to write (against the version read). Empty when nothing changed. */
  request: Partial<RequestRecord>;
  events: RequestEvent[];
  notifications: NotificationIntent[];
}

const fail = (code: ErrorCode, message?: string): never => {
  throw new AppError(code, message);
};

const isOpen = (status: RequestStatus) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Throws unless `command` may be applied to `r` today. The same checks decide which buttons a page shows. */
export function checkCommand(r: RequestRecord, command: RequestCommand, today: string, calendar: WorkingCalendar): void {
  const need = (...statuses: RequestStatus[]) => {
    if (!statuses.includes(r.status)) fail('INVALID_STATE');
  };
  const applicantOnly = () => {
    if (command.actor.role !== 'applicant' || !r.ownerOpenid || command.actor.openid !== r.ownerOpenid) fail('REQUEST_NOT_FOUND');
  };
  const staffOnly = () => {
    if (command.actor.role !== 'staff') fail('FORBIDDEN');
  };
  switch (command.type) {
    case 'register': {
      staffOnly();
      need('submitted');
      const on = command.receivedOn ?? today;
      if (on > today || on < beijingToday(new Date(r.submittedAt))) fail('RECEIVED_DATE_INVALID');
      return;
    }
    case 'askSupplement': {
      staffOnly();
      need('registered');
      if (r.supplement) fail('SUPPLEMENT_ALREADY_REQUESTED');
      if (today > addWorkingDays(calendar, r.receivedOn as string, SUPPLEMENT_WINDOW_WORKING_DAYS)) fail('SUPPLEMENT_WINDOW_CLOSED');
      return;
    }
    case 'supplement': {
      applicantOnly();
      need('supplementRequested');
      if (today > supplementDeadline(r, calendar)) fail('SUPPLEMENT_OVERDUE');
      return;
    }
    case 'recordSupplement': {
      // Written supplements (the 补正告知书 invites them) are typed in by staff, on the day they arrived.
      staffOnly();
      need('supplementRequested');
      const requestedOn = r.supplement?.requestedOn ?? today;
      if (command.receivedOn > today || command.receivedOn < requestedOn) fail('RECEIVED_DATE_INVALID', `收到补正之日应在 ${requestedOn} 至今天之间`);
      if (command.receivedOn > supplementDeadline(r, calendar)) fail('SUPPLEMENT_OVERDUE', `补正材料收到之日晚于补正期限（${supplementDeadline(r, calendar)}）`);
      return;
    }
    case 'startConsultation':
      staffOnly();
      need('registered');
      return;
    case 'endConsultation':
      staffOnly();
      need('consulting');
      return;
    case 'extend': {
      staffOnly();
      need('registered', 'consulting');
      if (r.extension) fail('ALREADY_EXTENDED');
      const due = dueOf(r, today, calendar);
      if (due && today > due.dueOn) fail('EXTENSION_TOO_LATE');
      return;
    }
    case 'reply':
      staffOnly();
      need('registered', 'consulting');
      return;
    case 'withdraw':
      applicantOnly();
      if (!isOpen(r.status)) fail('INVALID_STATE');
      return;
    case 'close': {
      // The system closes only what the law closes by itself: a supplement period that ran out (Art. 30).
      if (!(command.actor.role === 'system' && command.category === 'other.noSupplement')) staffOnly();
      if (!isOpen(r.status)) fail('INVALID_STATE');
      if (command.category === 'other.noSupplement') {
        need('supplementRequested');
        if (today <= supplementDeadline(r, calendar)) fail('INVALID_STATE', '补正期限尚未届满，不能以逾期未补正终止');
      }
      return;
    }
    case 'recompute':
      if (!isOpen(r.status)) fail('INVALID_STATE');
      return;
  }
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
    case 'recordSupplement':
      kind = 'supplemented';
      patch.status = 'registered';
      patch.supplement = {
        ...(r.supplement as NonNullable<RequestRecord['supplement']>),
        answer: { text: command.text, attachments: command.attachments, on: command.receivedOn },
      };
      detail = `收到申请人书面补正，收到之日：${command.receivedOn}，答复期限自该日起重新计算`;
      break;
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
    case 'extend':
      kind = 'extended';
      patch.extension = { workingDays: command.workingDays, approver: command.approver, reason: command.reason, on: today };
      detail = `经${command.approver}同意延长 ${command.workingDays} 个工作日：${command.reason}`;
      notify('extended');
      break;
    case 'reply': {
      kind = 'replied';
      const info = REPLY_CATEGORY_INFO[command.category];
      patch.status = 'replied';
      if (r.status === 'consulting') patch.consultations = endOpenConsultation(r, today, '已作出答复');
      patch.reply = {
        category: command.category,
        group: info.group,
        categoryLabel: info.label,
        replyType: info.replyType,
        text: command.text,
        attachments: command.attachments,
        legalBasis: info.legalBasis,
        remedies: remediesSentence(command.government),
        on: today,
        at,
      };
      detail = info.label;
      notify('requestReplied');
      break;
    }
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
      patch.ending = { category: command.category, reason: command.reason, on: today };
      detail = `${REPLY_CATEGORY_INFO[command.category].label}：${command.reason}`;
      notify('requestClosed');
      break;
    case 'recompute': {
      // Compare under the same "today", so only the calendar's effect is recorded (a running consultation moves the date daily anyway).
      const before = deriveDue(r, today, command.previous);
      const after = deriveDue(r, today, calendar);
      if (after.dueOn === before.dueOn && after.dueProvisional === before.dueProvisional) return { request: {}, events: [], notifications: [] };
      kind = 'dueRecomputed';
      const mark = (provisional: boolean) => (provisional ? '（暂定）' : '');
      detail = `${command.reason}：答复期限由 ${before.dueOn ?? '无'}${mark(before.dueProvisional)} 调整为 ${after.dueOn ?? '无'}${mark(after.dueProvisional)}`;
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
  source: { channel: 'online'; ownerOpenid: string } | { channel: PaperChannel; receivedOn: string; enteredBy: Actor },
  trackingNumber: string,
  now: Date,
  calendar: WorkingCalendar,
): { record: Omit<RequestRecord, 'id' | 'version'> } {
  const at = now.toISOString();
  const today = beijingToday(now);
  const paper = source.channel !== 'online';
  if (paper && source.receivedOn > today) fail('RECEIVED_DATE_INVALID');
  const history: HistoryEntry[] = paper
    ? [
        {
          at,
          kind: 'entered',
          actor: 'staff',
          actorOpenid: source.enteredBy.openid,
          actorName: source.enteredBy.name,
          detail: `收到${source.channel === 'letter' ? '信函' : source.channel === 'fax' ? '传真' : '当面'}申请，收到之日：${source.receivedOn}，当即受理`,
        },
      ]
    : [{ at, kind: 'submitted', actor: 'applicant', actorOpenid: source.ownerOpenid, actorName: null, detail: null }];
  const record: Omit<RequestRecord, 'id' | 'version'> = {
    trackingNumber,
    status: paper ? 'registered' : 'submitted',
    channel: source.channel,
    ownerOpenid: paper ? null : source.ownerOpenid,
    enteredBy: paper ? source.enteredBy.openid : null,
    applicant: application.applicant,
    information: application.information,
    purpose: application.purpose ?? null,
    form: application.form,
    delivery: application.delivery,
    submittedAt: at,
    receivedOn: paper ? source.receivedOn : null,
    supplement: null,
    consultations: [],
    extension: null,
    reply: null,
    ending: null,
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

/** The facts the clock runs on, or null when no clock runs (not registered yet, or waiting for a supplement). */
export function clockFacts(r: RequestRecord, today: string, audience: Audience = 'staff'): ClockFacts | null {
  const staff = audience === 'staff';
  if (!r.receivedOn || r.status === 'supplementRequested' || r.status === 'submitted') return null;
  const restarted = r.supplement?.answer?.on ?? null;
  const startOn = restarted ?? r.receivedOn;
  // A finished request's clock stopped on the day it finished.
  const end = r.reply?.on ?? r.ending?.on ?? today;
  const pauses: ClockPause[] = r.consultations
    .filter((c) => c.startedOn >= startOn)
    .map((c) => ({
      from: c.startedOn,
      to: c.endedOn ?? end,
      capWorkingDays: c.party === 'thirdParty' ? THIRD_PARTY_WORKING_DAYS : null,
      label: staff ? `征求${CONSULTED_PARTY_LABELS[c.party]}（${c.partyName}）意见` : consultationForApplicant(c.party),
    }));
  return {
    startOn,
    startKind: restarted ? 'supplement' : 'receipt',
    pauses,
    extension: r.extension ? { workingDays: r.extension.workingDays, approver: staff ? r.extension.approver : null } : null,
    today: end,
  };
}

export function dueOf(r: RequestRecord, today: string, calendar: WorkingCalendar, audience: Audience = 'staff') {
  const facts = clockFacts(r, today, audience);
  return facts ? computeDue(facts, calendar) : null;
}

/** The derived fields of a record, as stored for the queue. */
export function deriveDue(r: RequestRecord, today: string, calendar: WorkingCalendar): Pick<RequestRecord, 'dueOn' | 'dueProvisional' | 'dueSort' | 'open'> {
  const due = dueOf(r, today, calendar);
  const open = isOpen(r.status);
  return {
    dueOn: due?.dueOn ?? null,
    dueProvisional: due?.provisional ?? false,
    dueSort: open && due ? due.dueOn : NO_DUE_DATE,
    open,
  };
}

export function supplementDeadline(r: RequestRecord, calendar: WorkingCalendar): string {
  if (!r.supplement) return NO_DUE_DATE;
  return addWorkingDays(calendar, r.supplement.requestedOn, r.supplement.workingDays);
}

/**
 * Art. 30: a supplement period that has run out with nothing received — the
 * request is treated as withdrawn and closed as 其他处理 1. The last day of the
 * period still counts, so this holds only from the day after it.
 */
/**
 * Working days the system waits after a supplement period before closing the request by itself: a
 * supplement posted or handed in on the last day reaches the clerk who types it in (recordSupplement,
 * with the day it arrived) a day or two later, and a closed request is never reopened. A clerk may
 * still close it by hand as soon as the period has run out.
 */
export const SUPPLEMENT_ENTRY_GRACE_WORKING_DAYS = 3;

export function supplementLapsed(r: RequestRecord, today: string, calendar: WorkingCalendar): boolean {
  if (r.status !== 'supplementRequested' || r.supplement?.answer) return false;
  return today > addWorkingDays(calendar, supplementDeadline(r, calendar), SUPPLEMENT_ENTRY_GRACE_WORKING_DAYS);
}

/** The system's closing of a lapsed supplement request, with the reason the applicant reads. */
export function lapsedSupplementClosure(r: RequestRecord, calendar: WorkingCalendar): RequestCommand {
  return {
    type: 'close',
    actor: SYSTEM_ACTOR,
    category: 'other.noSupplement',
    reason: `您未在补正期限（${supplementDeadline(r, calendar)}）内补正申请，根据《中华人民共和国政府信息公开条例》第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。`,
  };
}

export const SYSTEM_ACTOR: Actor = { role: 'system', openid: null, name: null };

function endOpenConsultation(r: RequestRecord, today: string, outcome: string): RequestRecord['consultations'] {
  return r.consultations.map((c) => (c.endedOn === null ? { ...c, endedOn: today, outcome } : c));
}

/** Which commands the viewer could issue now: pages show exactly these buttons. */
export function allowedCommands(r: RequestRecord, actor: Actor, today: string, calendar: WorkingCalendar): RequestCommandName[] {
  const samples: Record<RequestCommandName, RequestCommand> = {
    register: { type: 'register', actor },
    askSupplement: { type: 'askSupplement', actor, items: [], workingDays: 1 },
    supplement: { type: 'supplement', actor, text: '', attachments: [] },
    recordSupplement: { type: 'recordSupplement', actor, receivedOn: today, text: '', attachments: [] },
    startConsultation: { type: 'startConsultation', actor, party: 'agency', partyName: '', matter: '' },
    endConsultation: { type: 'endConsultation', actor, outcome: '' },
    extend: { type: 'extend', actor, workingDays: 1, approver: '', reason: '' },
    reply: { type: 'reply', actor, category: 'disclosed', text: '', attachments: [], government: '' },
    withdraw: { type: 'withdraw', actor, reason: null },
    close: { type: 'close', actor, category: 'other.other', reason: '' },
  };
  return (Object.keys(samples) as RequestCommandName[]).filter((name) => {
    try {
      checkCommand(r, samples[name], today, calendar);
      return true;
    } catch {
      return false;
    }
  });
}
