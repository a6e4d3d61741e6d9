import { AppError } from '../api/errors';
import { beijingToday } from '../time/beijing-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { caseDue } from './answer-deadline';
import { scopeOf } from './case-access';
import {
  CASE_ACTION_LABELS,
  type CaseAction,
  type CaseActor,
  type CaseAttachment,
  type CaseContact,
  type CaseHistoryEntry,
  type CaseMessage,
  type EnteredChannel,
  type InquiryKind,
  type InquiryRecord,
  type ReplyBy,
} from './inquiry-types';

/**
 * The life of a case, pure: a new case from what was asked or entered, and
 * each step after it → the fields to set, the history entries and the
 * notifications the step causes. Time and the calendar are arguments. An
 * illegal step is refused here (INVALID_STATE with a message that says why),
 * before anything is written.
 *
 *   open ──askMore──▶ moreAsked ──giveMore──▶ open (clock starts again)
 *   open ──answer──▶ answered ──followUp──▶ open (clock starts again)
 *   open | moreAsked | answered ──close──▶ closed ──followUp──▶ open
 *   entered with the answer given on the spot: closed at once
 */
export interface NewCase {
  kind: InquiryKind;
  topic: string;
  department: { id: string; name: string } | null;
  text: string;
  attachments: CaseAttachment[];
  contact: CaseContact | null;
  replyBy: ReplyBy;
  anonymous: boolean;
  answerWorkingDays: number;
  source:
    | { channel: 'online'; ownerOpenid: string }
    | { channel: EnteredChannel; contactedAt: string; enteredBy: CaseActor; answerOnTheSpot: string | null }
    | { channel: 'request'; ownerOpenid: string | null; request: { id: string; trackingNumber: string }; redirectedBy: CaseActor };
}

export function newCase(input: NewCase, caseNumber: string, now: Date, calendar: WorkingCalendar): InquiryRecord {
  const at = now.toISOString();
  const today = beijingToday(now);
  const source = input.source;
  const anonymous = input.kind === 'complaint' && input.anonymous && source.channel === 'online';
  const ownerOpenid = source.channel === 'online' || source.channel === 'request' ? source.ownerOpenid : null;
  const resident: CaseActor = { role: 'resident', openid: ownerOpenid, name: anonymous ? null : input.contact?.name ?? null };
  const askedAt = source.channel === 'phone' || source.channel === 'visit' || source.channel === 'letter' ? source.contactedAt : at;
  const messages: CaseMessage[] = [{ from: 'resident', kind: 'question', text: input.text, attachments: input.attachments, at: askedAt }];
  const history: CaseHistoryEntry[] = [];
  let status: InquiryRecord['status'] = 'open';
  let assignedTo: InquiryRecord['assignedTo'] = null;
  let firstAnswer: InquiryRecord['firstAnswer'] = null;
  if (source.channel === 'online') {
    history.push({ action: 'asked', at, actor: resident, detail: null });
  } else if (source.channel === 'request') {
    history.push({ action: 'redirectedFromRequest', at, actor: source.redirectedBy, detail: source.request.trackingNumber });
  } else {
    const { enteredBy, answerOnTheSpot, channel } = source;
    history.push({ action: 'entered', at, actor: enteredBy, detail: `${channel === 'phone' ? '来电' : channel === 'visit' ? '来访' : '来信'}登记` });
    // A complaint taken by an answerer stays theirs: nobody else but admins may see it.
    if (input.kind === 'complaint' && enteredBy.openid) assignedTo = { openid: enteredBy.openid, name: enteredBy.name ?? '' };
    if (answerOnTheSpot) {
      messages.push({ from: 'staff', kind: 'answer', text: answerOnTheSpot, attachments: [], at });
      firstAnswer = { at, on: today, onTime: true };
      history.push({ action: 'answeredOnTheSpot', at, actor: enteredBy, detail: null });
      status = 'closed';
    }
  }
  const base = {
    kind: input.kind,
    channel: source.channel,
    topic: input.topic,
    departmentId: input.department?.id ?? null,
    departmentName: input.department?.name ?? null,
    text: input.text,
    attachments: input.attachments,
    contact: anonymous ? null : input.contact,
    replyBy: anonymous ? ('app' as const) : input.replyBy,
    anonymous,
    ownerOpenid,
    status,
    receivedOn: beijingToday(new Date(askedAt)),
    answerWorkingDays: input.answerWorkingDays,
    assignedTo,
    messages,
    rating: null,
    faqId: null,
    contactedAt: askedAt === at ? null : askedAt,
    history,
    submittedAt: at,
    updatedAt: at,
    fromRequest: source.channel === 'request' ? source.request : null,
    turnedToRequest: null,
    firstAnswer,
  };
  // A case turned from a request starts its own clock the day it is turned (条例 Art. 39: it is no request any more).
  const clockFrom = source.channel === 'request' ? today : base.receivedOn;
  return { ...base, caseNumber, clockFrom, scope: scopeOf(base), ...caseDue({ status, clockFrom, answerWorkingDays: base.answerWorkingDays }, calendar) };
}

export type CaseCommand =
  | { type: 'assign'; actor: CaseActor; department: { id: string; name: string }; answerer: { openid: string; name: string } | null }
  | { type: 'askMore'; actor: CaseActor; items: string[] }
  | { type: 'giveMore'; actor: CaseActor; text: string; attachments: CaseAttachment[] }
  | { type: 'answer'; actor: CaseActor; text: string }
  | { type: 'close'; actor: CaseActor; note: string | null }
  | { type: 'followUp'; actor: CaseActor; text: string; attachments: CaseAttachment[] }
  | { type: 'rate'; actor: CaseActor; helpful: boolean; reason: string | null }
  | { type: 'publishFaq'; actor: CaseActor; faqId: string }
  | { type: 'toRequest'; actor: CaseActor; note: string | null }
  | { type: 'requestMade'; actor: CaseActor; request: { id: string; trackingNumber: string } };

/** What a step asks the notifications outbox to tell the resident. */
export interface CaseNotification {
  kind: 'inquiryAnswered' | 'inquiryMoreAsked' | 'inquiryToRequest' | 'inquiryDueMoved';
  openid: string;
  caseId: string;
  caseNumber: string;
  /** What changed, in words, where the kind's own wording does not say it (a moved date). */
  detail?: string;
}

export interface CaseStep {
  patch: Partial<InquiryRecord>;
  entry: CaseHistoryEntry;
  notifications: CaseNotification[];
}

const refuse = (message: string): never => {
  throw new AppError('INVALID_STATE', message);
};

export function stepCase(c: InquiryRecord & { id: string }, command: CaseCommand, now: Date, calendar: WorkingCalendar): CaseStep {
  const at = now.toISOString();
  const today = beijingToday(now);
  const entry = (action: CaseAction, detail: string | null = null): CaseHistoryEntry => ({ action, at, actor: command.actor, detail });
  const notify = (kind: CaseNotification['kind']): CaseNotification[] =>
    c.ownerOpenid && !c.anonymous ? [{ kind, openid: c.ownerOpenid, caseId: c.id, caseNumber: c.caseNumber }] : [];
  const withDue = (patch: Partial<InquiryRecord>): Partial<InquiryRecord> => {
    const next = { ...c, ...patch };
    return { ...patch, ...caseDue(next, calendar), scope: scopeOf(next), updatedAt: at };
  };

  switch (command.type) {
    case 'assign': {
      if (c.status === 'closed') refuse('该件已办结，不能再分派');
      if (c.kind === 'complaint' && !command.answerer) refuse('投诉举报须分派给具体的答复人员');
      const to = command.answerer ? `${command.department.name} · ${command.answerer.name}` : command.department.name;
      return {
        patch: withDue({ departmentId: command.department.id, departmentName: command.department.name, assignedTo: command.answerer }),
        entry: entry('assigned', `分派至${to}`),
        notifications: [],
      };
    }
    case 'askMore': {
      if (c.status !== 'open') refuse('只有待答复的件可以告知补充');
      if (!c.ownerOpenid) refuse('该件由工作人员登记，请通过电话或来信联系当事人补充');
      return {
        patch: withDue({ status: 'moreAsked', messages: [...c.messages, { from: 'staff', kind: 'moreAsked', text: '请一次性补充以下内容：', items: command.items, attachments: [], at }] }),
        entry: entry('moreAsked', command.items.map((item, i) => `${i + 1}. ${item}`).join('；')),
        notifications: notify('inquiryMoreAsked'),
      };
    }
    case 'giveMore': {
      if (c.status !== 'moreAsked') refuse('工作人员没有要求补充，无需补充');
      // The answer clock starts again from the day the missing items arrive.
      return {
        patch: withDue({ status: 'open', clockFrom: today, messages: [...c.messages, { from: 'resident', kind: 'moreGiven', text: command.text, attachments: command.attachments, at }] }),
        entry: entry('moreGiven'),
        notifications: [],
      };
    }
    case 'answer': {
      if (c.status !== 'open') refuse(c.status === 'moreAsked' ? '正在等待当事人补充，收到补充后再答复' : '该件已答复或已办结');
      return {
        patch: withDue({
          status: 'answered',
          messages: [...c.messages, { from: 'staff', kind: 'answer', text: command.text, attachments: [], at }],
          // The first answer is what 按时答复 counts: by the due date in force when it was given.
          firstAnswer: c.firstAnswer ?? { at, on: today, onTime: !c.dueOn || today <= c.dueOn },
        }),
        entry: entry('answered'),
        notifications: notify('inquiryAnswered'),
      };
    }
    case 'close': {
      if (c.status === 'closed') refuse('该件已办结');
      return { patch: withDue({ status: 'closed' }), entry: entry('closed', command.note), notifications: [] };
    }
    case 'followUp': {
      if (c.status !== 'answered' && c.status !== 'closed') refuse('答复之后才能追问');
      return {
        patch: withDue({ status: 'open', clockFrom: today, rating: null, messages: [...c.messages, { from: 'resident', kind: 'followUp', text: command.text, attachments: command.attachments, at }] }),
        entry: entry('followedUp'),
        notifications: [],
      };
    }
    case 'rate': {
      if (!c.messages.some((m) => m.kind === 'answer') || (c.status !== 'answered' && c.status !== 'closed')) refuse('答复之后才能评价');
      if (c.rating) refuse('已评价过这次答复');
      const rating = { helpful: command.helpful, reason: command.reason, at };
      return { patch: withDue({ rating }), entry: entry('rated', `${command.helpful ? '有帮助' : '没有帮助'}${command.reason ? `：${command.reason}` : ''}`), notifications: [] };
    }
    case 'publishFaq': {
      if (c.kind === 'complaint') refuse('投诉举报不能发布为常见问题');
      if (!c.messages.some((m) => m.kind === 'answer')) refuse('答复之后才能发布为常见问题');
      if (c.faqId) refuse('该件已发布为常见问题');
      return { patch: withDue({ faqId: command.faqId }), entry: entry('publishedAsFaq'), notifications: [] };
    }
    case 'toRequest': {
      // 条例 Art. 39's other direction: what was asked is really government information held by the bureau.
      if (c.kind !== 'inquiry') refuse('只有咨询可以转为政府信息公开申请');
      if (c.status === 'closed' || c.turnedToRequest) refuse('该件已办结或已转为申请');
      if (!c.ownerOpenid || c.anonymous) refuse('该件由工作人员登记，请告知当事人通过小程序或书面提出政府信息公开申请');
      return {
        patch: withDue({ status: 'closed', turnedToRequest: { at } }),
        entry: entry('turnedToRequest', command.note),
        notifications: notify('inquiryToRequest'),
      };
    }
    case 'requestMade': {
      // The resident applied as asked: the case keeps the link, the application carries one back.
      if (!c.turnedToRequest) refuse('该咨询未被转为政府信息公开申请，请直接提交申请');
      if (c.turnedToRequest?.request) refuse(`该咨询已提交过申请（${c.turnedToRequest.request.trackingNumber}）`);
      return {
        patch: { turnedToRequest: { at: c.turnedToRequest?.at ?? at, request: command.request }, updatedAt: at },
        entry: entry('requestMade', command.request.trackingNumber),
        notifications: [],
      };
    }
  }
}

/** The bureau calendar acting on a case: no person did it. */
export const CALENDAR_ACTOR: CaseActor = { role: 'staff', openid: null, name: '系统（工作日历）' };

/**
 * A calendar change (next year's arrangement entered, a day corrected) counts
 * an open case's answer period again from the same day zero, on the new
 * calendar. Null when neither the date nor its 暂定 mark moves. The resident
 * who was told the date hears the new one; a date that only stopped being
 * 暂定 is recorded, not sent (as for requests). A case waiting for the
 * resident has no running clock, so nothing to move.
 */
export function recomputeCaseDue(c: InquiryRecord & { id: string }, reason: string, now: Date, calendar: WorkingCalendar): CaseStep | null {
  if (c.status !== 'open') return null;
  const after = caseDue(c, calendar);
  const moved = after.dueOn !== c.dueOn;
  if (!moved && after.dueProvisional === c.dueProvisional) return null;
  const mark = (provisional: boolean) => (provisional ? '（暂定）' : '');
  const detail = `${reason}：答复期限由 ${c.dueOn ?? '无'}${mark(c.dueProvisional)} 调整为 ${after.dueOn ?? '无'}${mark(after.dueProvisional)}`;
  const at = now.toISOString();
  return {
    patch: { ...after, updatedAt: at },
    entry: { action: 'dueMoved', at, actor: CALENDAR_ACTOR, detail },
    notifications: moved && c.ownerOpenid && !c.anonymous ? [{ kind: 'inquiryDueMoved', openid: c.ownerOpenid, caseId: c.id, caseNumber: c.caseNumber, detail }] : [],
  };
}

export function historyLabel(action: CaseAction): string {
  return CASE_ACTION_LABELS[action];
}
