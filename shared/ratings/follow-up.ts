import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { beijingToday } from '../time/beijing-time';
import { countsOverUncovered, type WorkingCalendar } from '../calendar/working-calendar';

dayjs.extend(utc);

/**
 * The follow-up of a 差评 (domain.md §4): "谁办理、谁负责". The unit that served
 * contacts the resident, verifies the complaint, rectifies (at once, or with a
 * plan and a date, or explains why nothing can be changed) and answers. The
 * resident then says whether it solved the problem; a staff member closes it.
 * An untrue 差评 may be appealed by the unit and an admin decides. Nothing is
 * deleted: an upheld appeal only takes the rating out of the figures.
 */
export const FOLLOW_UP_STATUSES = ['open', 'rectifying', 'answered', 'appealed', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  open: '待整改回访',
  rectifying: '限期整改中',
  answered: '已答复',
  appealed: '申诉复核中',
  closed: '已办结',
};

export const DEFAULT_FOLLOW_UP_WORKING_DAYS = 15;

/**
 * How far ahead a 限期整改 plan may be dated, in working days from the answer
 * (bureau setting `planMaxWorkingDays`): a plan without a bound would let a
 * 差评 stay "being rectified" for ever and never count against the unit.
 */
export const DEFAULT_PLAN_MAX_WORKING_DAYS = 30;

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

/** A 限期整改 carried out: what was done, recorded by the unit; only then can the rater judge it. */
export interface RectificationCompletion {
  done: string;
  by: string;
  byName: string;
  at: string;
  /** Finished on or before the plan's date. */
  onTime: boolean;
}

/**
 * The rater said the answer did not solve the problem: the follow-up went back
 * to open once, with a fresh deadline, and the admins were told. What had been
 * answered is kept here; the new answer replaces it on the record.
 */
export interface FollowUpReopen {
  at: string;
  feedback: ResidentFeedback;
  previousResponse: FollowUpResponse | null;
  previousCompletion: RectificationCompletion | null;
  previousDueDate: string;
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
  /** The rater did not rate anonymously (实名差评). Absent on follow-ups opened before the split: not counted as real-name. */
  realName?: boolean;
  /** Only for 限期整改: the completion, null until recorded. */
  completion?: RectificationCompletion | null;
  /** When the rectification was first finished (立行立改 or 解释说明 answered, or a plan completed): counted once in 整改率. */
  rectifiedAt?: string | null;
  /** Set once the rater's "not solved" reopened the follow-up; a second "not solved" is only recorded. */
  reopen?: FollowUpReopen | null;
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

/** The day a follow-up's period is counted from: the Beijing day of the 差评, or of the rater's "not solved" that reopened it. */
export function followUpCountedFrom(f: Pick<FollowUpRecord, 'openedAt' | 'reopen'>): string {
  return beijingToday(new Date(f.reopen?.at ?? f.openedAt));
}

/**
 * Whether a follow-up's due date was counted over a year whose holiday arrangement is not entered
 * (暂定), as a request's due date is: the statutory holidays are counted off, 调休 is not known yet,
 * so the date may still move (and its officers are told when it does).
 */
export function followUpDueProvisional(f: Pick<FollowUpRecord, 'openedAt' | 'reopen' | 'dueDate'>, calendar: WorkingCalendar): boolean {
  return countsOverUncovered(calendar, followUpCountedFrom(f), f.dueDate);
}

export function isOverdue(followUp: Pick<FollowUpRecord, 'status' | 'dueDate' | 'response'>, now: Date): boolean {
  if (followUp.status === 'rectifying') return !!followUp.response?.planDueDate && beijingToday(now) > followUp.response.planDueDate;
  return followUp.status === 'open' && beijingToday(now) > followUp.dueDate;
}

/** The last day a plan answered at `at` may be dated: `maxWorkingDays` working days on (the bureau's calendar). */
export function planDateBound(at: Date, maxWorkingDays: number, isWorkday: (date: string) => boolean): string {
  return followUpDueDate(at, maxWorkingDays, isWorkday);
}

/** Whether a plan date lies after the day of the answer and not beyond the bound. */
export function planDateAllowed(planDueDate: string, at: Date, bound: string): boolean {
  return planDueDate > beijingToday(at) && planDueDate <= bound;
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
  rating: { id: string; windowId: string | null; windowName: string; serviceId: string | null; serviceName: string | null; departmentId: string; month: string; level: 'dissatisfied' | 'veryDissatisfied'; anonymous: boolean },
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
    realName: !rating.anonymous,
    completion: null,
    rectifiedAt: null,
    reopen: null,
  };
}

/** Whether the figures already count this follow-up as answered (回访): its first answer counts, a second after a reopen does not. */
export function answerCounted(f: Pick<FollowUpRecord, 'response' | 'reopen'>): boolean {
  return !!f.response || !!f.reopen;
}

/**
 * Recording the response (contact → verify → rectify → answer) answers the resident.
 * 立行立改 and 解释说明 finish the rectification with the answer; 限期整改 leaves the
 * follow-up 限期整改中 until its completion is recorded. The plan's date was checked
 * against the bureau's bound by the caller (planDateAllowed). The answer after a
 * reopen keeps the first answer's on-time mark: the figures counted that one.
 */
export function respondToFollowUp(current: FollowUpRecord, response: FollowUpResponse, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'open') throw new FollowUpStateError('只有待整改回访的差评可以答复');
  if (response.rectification === 'plan' && !response.planDueDate) throw new FollowUpStateError('限期整改须填写整改完成日期');
  const plan = response.rectification === 'plan';
  return {
    status: plan ? 'rectifying' : 'answered',
    response: { ...response, planDueDate: plan ? response.planDueDate : null },
    answeredOnTime: answerCounted(current) ? current.answeredOnTime : isOnTime(current.dueDate, at),
    completion: null,
    ...(plan || current.rectifiedAt ? {} : { rectifiedAt: at.toISOString() }),
    updatedAt: at.toISOString(),
  };
}

/** A 限期整改 done: what was done is recorded, the follow-up is answered and the rater may now say whether it solved the problem. */
export function completeRectification(current: FollowUpRecord, done: string, actor: string, actorName: string, at: Date): Partial<FollowUpRecord> {
  if (current.status !== 'rectifying' || !current.response?.planDueDate) throw new FollowUpStateError('只有限期整改中的差评可以登记整改完成');
  return {
    status: 'answered',
    completion: { done, by: actor, byName: actorName, at: at.toISOString(), onTime: isOnTime(current.response.planDueDate, at) },
    ...(current.rectifiedAt ? {} : { rectifiedAt: at.toISOString() }),
    updatedAt: at.toISOString(),
  };
}

/**
 * The rater's word on the outcome. "Solved" is recorded. "Not solved" the
 * first time reopens the follow-up (from answered, or closed after an answer):
 * back to open with a fresh deadline (`reopenDueDate`, counted by the caller
 * on the bureau's calendar), the earlier answer kept in `reopen`, and the
 * caller escalates to the admins. A second "not solved" is only recorded.
 * A 差评 found untrue on appeal is not reopened.
 */
export function recordFeedback(
  current: FollowUpRecord,
  solved: boolean,
  note: string,
  at: Date,
  reopenDueDate: string,
): { patch: Partial<FollowUpRecord>; reopened: boolean } {
  if (current.status !== 'answered' && current.status !== 'closed') throw new FollowUpStateError('答复之后才能评价整改结果');
  if (!current.response) throw new FollowUpStateError('答复之后才能评价整改结果');
  if (current.feedback) throw new FollowUpStateError('已经评价过整改结果');
  const feedback: ResidentFeedback = { solved, note, at: at.toISOString() };
  if (solved || current.reopen || current.excluded) return { patch: { feedback, updatedAt: at.toISOString() }, reopened: false };
  return {
    patch: {
      status: 'open',
      dueDate: reopenDueDate,
      response: null,
      completion: null,
      feedback: null,
      closedAt: null,
      closedBy: null,
      closeNote: null,
      reopen: {
        at: at.toISOString(),
        feedback,
        previousResponse: current.response,
        previousCompletion: current.completion ?? null,
        previousDueDate: current.dueDate,
      },
      updatedAt: at.toISOString(),
    },
    reopened: true,
  };
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
