import type { WorkingCalendar } from '../calendar/working-calendar';
import { DUE_SOON_WORKING_DAYS, dueSoonHorizon, reminderDue } from '../notifications/deadline-reminders';
import { consultationLapsed } from './consultation-lapse';
import { supplementLapsed } from './supplement-lapse';
import { feeLapsed } from './fee-notice';
import type { RequestRecord } from './request-record';
import type { RequestStatus } from './request-schema';

/**
 * The questions staff ask of the disclosure requests, each written once (as
 * Alaveteli's `info_request/state/*_query.rb` are): the staff queue, the
 * deadline reminders, the queue's warnings, the job that closes lapsed
 * supplements and the recompute after a calendar change all ask through here.
 *
 * A query is what the store can filter and sort on (`where`, `orderBy`: the
 * derived fields `open`, `dueSort`, `dueProvisional` are kept on each record
 * for this) and the whole question over one record (`matches`). Where the
 * store can say everything, `matches` is the same condition in code; where it
 * cannot (working days, the calendar, the entry grace of a lapsed
 * supplement), `where` selects a superset and `matches` decides. Every record
 * `matches` accepts is one `where` selects. Pure: today and the calendar are
 * arguments.
 */

export { DUE_SOON_WORKING_DAYS, dueSoonHorizon };

type Scalar = string | number | boolean | null;
/** The conditions the store port understands (a subset of its `Where`). */
export type FieldCondition = Scalar | { eq?: Scalar; ne?: Scalar; in?: Scalar[]; gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar };
export type RequestWhere = Record<string, FieldCondition>;
/** Sort fields must be non-null on every record: `dueSort` is, `dueOn` is not. */
export type RequestOrder = Array<[field: 'dueSort' | 'submittedAt', direction: 'asc' | 'desc']>;

/** The fields a query's `matches` reads; the queue's projection (QUEUE_FIELDS) carries all of them. */
export type QueryRecord = Pick<RequestRecord, 'status' | 'open' | 'dueOn' | 'dueSort' | 'dueProvisional' | 'supplement' | 'consultations' | 'fee' | 'departmentId'>;

export interface RequestQuery {
  where: RequestWhere;
  orderBy: RequestOrder;
  matches(r: QueryRecord, today: string, calendar: WorkingCalendar): boolean;
}

/** Most urgent first: dueSort is the due date, or 9999-12-31 where no clock runs. */
const BY_DUE_DATE: RequestOrder = [['dueSort', 'asc']];

/** Every request the bureau still owes an answer: the staff queue unfiltered. */
export const openRequests: RequestQuery = {
  where: { open: true },
  orderBy: BY_DUE_DATE,
  matches: (r) => r.open,
};

/** Requests in one status, most urgent first: the staff queue filtered by status. */
export function inStatus(status: RequestStatus): RequestQuery {
  return { where: { status }, orderBy: BY_DUE_DATE, matches: (r) => r.status === status };
}

/**
 * Online applications not yet registered (受理): Art. 31's receipt day waits on the bureau, so they
 * head the queue, longest waiting first (registration-wait.ts), whatever the caller's departments.
 */
export const awaitingRegistration: RequestQuery = {
  where: { status: 'submitted' },
  orderBy: [['submittedAt', 'asc']],
  matches: (r) => r.status === 'submitted',
};

/** Requests waiting for the applicant's supplement (Art. 30): no reply clock runs meanwhile. */
export const awaitingSupplement: RequestQuery = inStatus('supplementRequested');

/** Requests with a consultation running (Arts. 32, 34): their clock stands still for at most the consulted party's 15 working days. */
export const inConsultation: RequestQuery = inStatus('consulting');

/**
 * What the staff queue lists below the applications awaiting registration: one status, or every
 * open registered request, most urgent first, in `departments` (department-scope.ts: null for every
 * department). Waiting applications belong to no department: the status `submitted` lists them all.
 */
export function queueQuery(status?: RequestStatus, departments: readonly string[] | null = null): RequestQuery {
  if (status === 'submitted') return awaitingRegistration;
  const base: RequestQuery = status ? inStatus(status) : { where: { open: true, status: { ne: 'submitted' } }, orderBy: BY_DUE_DATE, matches: (r) => r.open && r.status !== 'submitted' };
  return inDepartments(base, departments);
}

/** A query narrowed to `departments` (department-scope.ts: null for every department). */
export function inDepartments(base: RequestQuery, departments: readonly string[] | null): RequestQuery {
  if (!departments) return base;
  return {
    where: { ...base.where, departmentId: { in: [...departments] } },
    orderBy: base.orderBy,
    matches: (r, today, calendar) => base.matches(r, today, calendar) && !!r.departmentId && departments.includes(r.departmentId),
  };
}

/**
 * 未分配部门: registered requests with no department — stored before requests had departments. Only
 * admins see them (department-scope.ts) until one is given (`assignDepartment`); the queue lists
 * them like its other views, the open ones most urgent first, or one status.
 */
export function withoutDepartment(status?: RequestStatus): RequestQuery {
  const base = queueQuery(status);
  return {
    where: { ...base.where, departmentId: null },
    orderBy: base.orderBy,
    matches: (r, today, calendar) => base.matches(r, today, calendar) && !r.departmentId,
  };
}

/** Every registered request without a department, open or finished: what the admins' queue warns of. */
export const anyWithoutDepartment: RequestQuery = {
  where: { departmentId: null, status: { ne: 'submitted' } },
  orderBy: BY_DUE_DATE,
  matches: (r) => r.status !== 'submitted' && !r.departmentId,
};

/** Open requests due on or before `horizon`: the store's half of "overdue or due soon". */
export function dueBy(horizon: string): RequestQuery {
  return {
    where: { open: true, dueSort: { lte: horizon } },
    orderBy: BY_DUE_DATE,
    matches: (r) => r.open && r.dueSort <= horizon,
  };
}

/** Open requests whose due date is `day` or later: a calendar change from `day` on can move only these. */
export function dueOnOrAfter(day: string): RequestQuery {
  return {
    where: { open: true, dueSort: { gte: day } },
    orderBy: BY_DUE_DATE,
    matches: (r) => r.open && r.dueSort >= day,
  };
}

/** Open requests whose due date has passed (from the day after it). */
export function overdue(today: string): RequestQuery {
  return {
    where: { open: true, dueSort: { lt: today } },
    orderBy: BY_DUE_DATE,
    matches: (r, day, calendar) => r.open && reminderDue(r.dueOn, day, calendar) === 'overdue',
  };
}

/** Open requests due today or within DUE_SOON_WORKING_DAYS working days. */
export function dueSoon(today: string, calendar: WorkingCalendar): RequestQuery {
  return {
    where: { open: true, dueSort: { gte: today, lte: dueSoonHorizon(today, calendar) } },
    orderBy: BY_DUE_DATE,
    matches: (r, day, cal) => r.open && reminderDue(r.dueOn, day, cal) === 'dueSoon',
  };
}

/**
 * How a queue row is marked, from the working days left to its due date (null: no clock runs).
 * Counted in working days, a due date that fell on the working day before a weekend still has
 * 0 days left over that weekend, so the row reads 「即将到期」 until the next working day.
 */
export function urgencyOf(workingDaysLeft: number | null): 'none' | 'overdue' | 'dueSoon' | 'normal' {
  if (workingDaysLeft === null) return 'none';
  if (workingDaysLeft < 0) return 'overdue';
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'normal';
}

/** Open requests whose due date is provisional: it runs into a year whose holiday arrangement is not entered. */
export const provisionalDueDates: RequestQuery = {
  where: { open: true, dueProvisional: true },
  orderBy: BY_DUE_DATE,
  matches: (r) => r.open && r.dueProvisional,
};

/**
 * The years the queue warns about: this year and next, where the calendar has no arrangement.
 * Next year's is announced each November, so from then on a missing one makes due dates provisional.
 */
export function uncoveredYearsAhead(today: string, calendar: WorkingCalendar): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !calendar.isCovered(y));
}

/**
 * Supplement requests whose period has run out, entry grace included (Art. 30): the system closes
 * these. The store selects the status; the working-day arithmetic is `supplementLapsed`'s.
 */
export const lapsedSupplements: RequestQuery = {
  where: { status: 'supplementRequested' },
  orderBy: BY_DUE_DATE,
  matches: (r, today, calendar) => supplementLapsed(r, today, calendar),
};

/** Requests waiting for the applicant to pay a fee (Art. 42): no reply clock runs meanwhile. */
export const awaitingPayment: RequestQuery = inStatus('feeRequested');

/**
 * Fee notices left unpaid past their 20 working days, entry grace included (Art. 42, 国办函〔2020〕109号):
 * the system closes these as other.noFee. The store selects the status; the working days are `feeLapsed`'s.
 */
export const unpaidFees: RequestQuery = {
  where: { status: 'feeRequested' },
  orderBy: BY_DUE_DATE,
  matches: (r, today, calendar) => feeLapsed(r, today, calendar),
};

/**
 * Agency consultations whose 15 working days ran out unanswered (Art. 34: silence counts as consent):
 * the system ends these. The store selects the status; the working days are `consultationLapsed`'s.
 */
export const lapsedConsultations: RequestQuery = {
  where: { status: 'consulting' },
  orderBy: BY_DUE_DATE,
  matches: (r, today, calendar) => consultationLapsed(r, today, calendar),
};

/**
 * The requests a calendar change from `changedFrom` on may move: those due on or after it (one due
 * before it never counted a changed day) and every running consultation, whatever its stored date,
 * since that date moves daily. The store cannot say "or": two queries, the caller joins them.
 */
export function reachedByCalendarChange(changedFrom: string): RequestQuery[] {
  return [dueOnOrAfter(changedFrom), inConsultation];
}
