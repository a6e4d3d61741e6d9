import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { dueStanding } from './answer-deadline';
import {
  CASE_ACTION_LABELS,
  INQUIRY_STATUS_LABELS,
  type CaseHistoryEntry,
  type CaseHistoryView,
  type CaseQueueItem,
  type InquiryRecord,
  type MyCaseSummary,
  type MyCaseView,
  type StaffCaseView,
} from './inquiry-types';

type Stored = InquiryRecord & { id: string; version: number };

/**
 * What each reader is shown of a case. The resident sees their own case with
 * the bureau as 「工作人员」; staff see the history with names, and the asker's
 * contact (already absent for an anonymous complaint). No view ever carries
 * an OPENID of a resident.
 */
function residentHistory(h: CaseHistoryEntry): CaseHistoryView {
  return { action: h.action, label: CASE_ACTION_LABELS[h.action], at: h.at, by: h.actor.role === 'resident' ? '您' : h.action === 'dueMoved' ? '系统' : '工作人员', detail: h.action === 'assigned' ? null : h.detail };
}

function staffHistory(c: Stored) {
  const asker = c.kind === 'complaint' ? (c.anonymous ? '匿名投诉人' : '投诉人') : '咨询人';
  return (h: CaseHistoryEntry): CaseHistoryView => ({
    action: h.action,
    label: CASE_ACTION_LABELS[h.action],
    at: h.at,
    by: h.actor.role === 'resident' ? asker : h.actor.name ?? '工作人员',
    detail: h.detail,
  });
}

function common(c: Stored) {
  const last = c.messages[c.messages.length - 1];
  return {
    id: c.id,
    version: c.version,
    caseNumber: c.caseNumber,
    kind: c.kind,
    channel: c.channel,
    topic: c.topic,
    departmentName: c.departmentName,
    status: c.status,
    statusLabel: INQUIRY_STATUS_LABELS[c.status],
    receivedOn: c.receivedOn,
    dueOn: c.dueOn,
    dueProvisional: c.dueProvisional,
    anonymous: c.anonymous,
    messages: c.messages,
    rating: c.rating,
    moreAsked: c.status === 'moreAsked' && last?.kind === 'moreAsked' ? last.items ?? [] : null,
    fromRequest: c.fromRequest ?? null,
    applyAsRequest: Boolean(c.turnedToRequest) && !c.turnedToRequest?.request,
    toRequest: c.turnedToRequest?.request ?? null,
  };
}

export function toMyCaseView(c: Stored): MyCaseView {
  const answered = c.messages.some((m) => m.kind === 'answer');
  const finished = c.status === 'answered' || c.status === 'closed';
  return {
    ...common(c),
    history: c.history.map(residentHistory),
    canFollowUp: finished,
    canRate: finished && answered && !c.rating,
    canGiveMore: c.status === 'moreAsked',
  };
}

export function toMyCaseSummary(c: Stored): MyCaseSummary {
  return { id: c.id, caseNumber: c.caseNumber, kind: c.kind, topic: c.topic, status: c.status, statusLabel: INQUIRY_STATUS_LABELS[c.status], dueOn: c.dueOn, submittedAt: c.submittedAt };
}

export function toStaffCaseView(c: Stored, today: string, calendar: WorkingCalendar): StaffCaseView {
  return {
    ...common(c),
    history: c.history.map(staffHistory(c)),
    text: c.text,
    contact: c.anonymous ? null : c.contact,
    replyBy: c.replyBy,
    departmentId: c.departmentId,
    assignedTo: c.assignedTo,
    faqId: c.faqId,
    ...dueStanding(c.dueOn, today, calendar),
    contactedAt: c.contactedAt,
    notifiable: Boolean(c.ownerOpenid) && !c.anonymous,
  };
}

/** The queue reads only these fields of each case. */
export const CASE_QUEUE_FIELDS = [
  'caseNumber', 'kind', 'channel', 'topic', 'departmentName', 'status', 'receivedOn', 'dueOn', 'dueProvisional', 'assignedTo',
] as const;

export function toCaseQueueItem(c: Pick<Stored, 'id' | 'version' | (typeof CASE_QUEUE_FIELDS)[number]>, today: string, calendar: WorkingCalendar): CaseQueueItem {
  return {
    id: c.id,
    version: c.version,
    caseNumber: c.caseNumber,
    kind: c.kind,
    channel: c.channel,
    topic: c.topic,
    departmentName: c.departmentName ?? null,
    status: c.status,
    statusLabel: INQUIRY_STATUS_LABELS[c.status],
    receivedOn: c.receivedOn,
    dueOn: c.dueOn ?? null,
    dueProvisional: Boolean(c.dueProvisional),
    ...dueStanding(c.dueOn ?? null, today, calendar),
    ageWorkingDays: Math.max(0, workingDaysBetween(calendar, c.receivedOn, today)),
    assignedName: c.assignedTo?.name ?? null,
  };
}
