import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { beijingToday } from '../time/beijing-time';

dayjs.extend(utc);

/**
 * The follow-up of a 差评 (domain.md §4): "谁办理、谁负责". The unit that served
 * contacts the resident, verifies the complaint, rectifies (at once, or with a
 * plan and a date, or explains why nothing can be changed) and answers. The
 * resident then says whether it solved the problem; a staff member closes it.
 * An untrue 差评 may be appealed by the unit and an admin decides. Nothing is
 * deleted: an upheld appeal only takes the rating out of the figures.
 */
export const FOLLOW_UP_STATUSES = ['open', 'answered', 'appealed', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: '待整改回访',
  answered: '已答复',
  appealed: '申诉复核中',
  closed: '已办结',
};

export const DEFAULT_FOLLOW_UP_WORKING_DAYS = 15;

export const CONTACT_METHODS = ['phone', 'inPerson', 'message'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = { phone: '电话联系', inPerson: '当面沟通', message: '短信/留言' };

export const FINDINGS = ['valid', 'partlyValid', 'invalid'] as const;
export type Finding = (typeof FINDINGS)[number];
export const FINDING_LABELS: Record<Finding, string> = { valid: '情况属实', partlyValid: '部分属实', invalid: '情况不属实' };

/** 立行立改 · 建立台账限期整改 · 无法律依据的予以解释说明. */
export const RECTIFICATIONS = ['immediate', 'plan', 'explain'] as const;
export type Rectification = (typeof RECTIFICATIONS)[number];
export const RECTIFICATION_LABELS: Record<Rectification, string> = {
  immediate: '立行立改',
  plan: '限期整改',
  explain: '解释说明',
};

export interface FollowUpResponse {
  contactMethod: ContactMethod;
  contactNote: string;
  finding: Finding;
  rectification: Rectification;
  /** Only for `plan`: the date (Beijing calendar) the rectification will be done by. */
  planDueDate: string | null;
  /** What the resident is told. */
  answer: string;
  respondedBy: string;
  respondedByName: string;
  respondedAt: string;
}

export interface ResidentFeedback {
  solved: boolean;
  note: string;
  at: string;
}

export interface Appeal {
  reason: string;
  by: string;
  byName: string;
  at: string;
  /** Status to return to if the appeal is rejected. */
  statusBefore: 'open' | 'answered';
  decision: null | { upheld: boolean; note: string; by: string; byName: string; at: string };
}

export interface FollowUpRecord {
  ratingId: string;
  windowId: string | null;
  windowName: string;
  serviceId: string | null;
  serviceName: string | null;
  departmentId: string;
  /** The month the rating counts in: follow-up figures are kept with the rating's month. */
  month: string;
  level: 'dissatisfied' | 'veryDissatisfied';
  status: FollowUpStatus;
  openedAt: string;
  /** Beijing calendar date, inclusive: answered on this day is on time. */
  dueDate: string;
  response: FollowUpResponse | null;
  answeredOnTime: boolean | null;
  feedback: ResidentFeedback | null;
  appeal: Appeal | null;
  /** True once an admin upheld an appeal: the rating no longer counts. */
  excluded: boolean;
  closedAt: string | null;
  closedBy: string | null;
  closeNote: string | null;
  updatedAt: string;
}

/**
 * The due date: `workingDays` working days after the day the 差评 arrived
 * (that day itself does not count, as with every 工作日 deadline). The
 * calendar is passed in: whatever says whether a date is a working day.
 */
export function followUpDueDate(openedAt: Date, workingDays: number, isWorkday: (date: string) => boolean): string {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new Error('workingDays must be a positive integer');
  let day = dayjs.utc(beijingToday(openedAt));
  let counted = 0;
  // Guard against a calendar that never answers true (a bad configuration), rather than looping forever.
  for (let steps = 0; counted < workingDays; steps++) {
    if (steps > 3660) throw new Error('calendar has no working days');
    day = day.add(1, 'day');
    if (isWorkday(day.format('YYYY-MM-DD'))) counted++;
  }
  return day.format('YYYY-MM-DD');
}

export function isOverdue(followUp: Pick<FollowUpRecord, 'status' | 'dueDate'>, now: Date): boolean {
  return followUp.status === 'open' && beijingToday(now) > followUp.dueDate;
}

export function isOnTime(dueDate: string, answeredAt: Date): boolean {
  return beijingToday(answeredAt) <= dueDate;
}

export class FollowUpStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FollowUpStateError';
  }
}

export function newFollowUp(
  rating: { id: string; windowId: string | null; windowName: string; serviceId: string | null; serviceName: string | null; departmentId: string; month: string; level: 'dissatisfied' | 'veryDissatisfied' },
  at: Date,
  dueDate: string,
): FollowUpRecord & { id: string } {
  return {
    id: rating.id,
    ratingId: rating.id,
    windowId: rating.windowId,
    windowName: rating.windowName,
    serviceId: rating.serviceId,
    serviceName: rating.serviceName,
    departmentId: rating.departmentId,
    month: rating.month,
    level: rating.level,
    status: 'open',
    openedAt: at.toISOString(),
    dueDate,
    response: null,
    answeredOnTime: null,
    feedback: null,
    appeal: null,
    excluded: false,
    closedAt: null,
    closedBy: null,
    closeNote: null,
    updatedAt: at.toISOString(),
  };
}

/** Recording the response (contact → verify → rectify → answer) answers the resident. */
export function respondToFollowUp(current: FollowUpRecord, response: FollowUpResponse, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'open') throw new FollowUpStateError('只有待整改回访的差评可以答复');
  if (response.rectification === 'plan' && !response.planDueDate) throw new FollowUpStateError('限期整改须填写整改完成日期');
  return {
    status: 'answered',
    response: { ...response, planDueDate: response.rectification === 'plan' ? response.planDueDate : null },
    answeredOnTime: isOnTime(current.dueDate, at),
    updatedAt: at.toISOString(),
  };
}

export function recordFeedback(current: FollowUpRecord, solved: boolean, note: string, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'answered' && current.status !== 'closed') throw new FollowUpStateError('答复之后才能评价整改结果');
  if (!current.response) throw new FollowUpStateError('答复之后才能评价整改结果');
  if (current.feedback) throw new FollowUpStateError('已经评价过整改结果');
  return { feedback: { solved, note, at: at.toISOString() }, updatedAt: at.toISOString() };
}

export function closeFollowUp(current: FollowUpRecord, note: string, actor: string, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'answered') throw new FollowUpStateError('答复居民之后才能办结');
  return { status: 'closed', closedAt: at.toISOString(), closedBy: actor, closeNote: note, updatedAt: at.toISOString() };
}

export function appealFollowUp(current: FollowUpRecord, reason: string, actor: string, actorName: string, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'open' && current.status !== 'answered') throw new FollowUpStateError('该差评当前不能申诉');
  if (current.appeal) throw new FollowUpStateError('每条差评只能申诉一次');
  return {
    status: 'appealed',
    appeal: { reason, by: actor, byName: actorName, at: at.toISOString(), statusBefore: current.status, decision: null },
    updatedAt: at.toISOString(),
  };
}

/**
 * An admin decides an appeal. Upheld: the 差评 is found untrue; it is kept
 * (never deleted) but no longer counts, and the follow-up is closed. Rejected:
 * the follow-up returns to where it was and must still be answered.
 */
export function decideAppeal(current: FollowUpRecord, upheld: boolean, note: string, actor: string, actorName: string, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'appealed' || !current.appeal || current.appeal.decision) throw new FollowUpStateError('没有待复核的申诉');
  const appeal: Appeal = { ...current.appeal, decision: { upheld, note, by: actor, byName: actorName, at: at.toISOString() } };
  if (upheld) {
    return { status: 'closed', appeal, excluded: true, closedAt: at.toISOString(), closedBy: actor, closeNote: `申诉成立：${note}`, updatedAt: at.toISOString() };
  }
  return { status: current.appeal.statusBefore, appeal, updatedAt: at.toISOString() };
}
