import { AppError } from '../../shared/api/errors';
import { beijingToday } from '../../shared/time/beijing-time';
import type { RequestCommand } from '../../shared/requests/request-commands';
import type { Application, PaperChannel } from '../../shared/requests/request-schema';
import type { RequestRecord } from '../../shared/requests/request-record';
import { awaitingRegistration, dueSoon, inDepartments, overdue, queueQuery, withoutDepartment } from '../../shared/requests/request-queries';
import { defaultDepartmentFor, departmentsToList, requestInScope, requestScopeOf, type RequestScope } from '../../shared/requests/department-scope';
import type { DepartmentRef } from '../../shared/requests/request-commands';
import { departmentNamed, loadDepartments, loadRequestSettings } from './request-settings';
import { queueRowPage, toAwaitingItem } from './queue-rows';
import type { Handlers } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import type { FindOptions } from '../_runtime/store/port';
import { CALENDAR, loadCalendar } from '../calendar/calendar-data';
import { rememberedAnswer } from '../_runtime/remembered-answer';
import { queueWarnings, unassignedWarning } from './queue-warnings';
import { loadBureau } from './bureau';
import { feeMonthIn, findMonthApplications, loadFeeMonth } from './fee-month';
import { feeMonthOf } from '../../shared/requests/processing-fee';
import { quoteFee } from '../../shared/requests/fee-quote';
import type { AwaitingItem, RequestView } from '../../shared/requests/request-types';
import { REQUEST_REVIEW_KIND } from '../../shared/reviews/review-kinds';
import type { PendingReview } from '../../shared/reviews/reviews-contract';
import { reviewBeforeIssue, reviewRequired } from '../reviews/review-settings';
import { movePendingReview, pendingRequestReview, submitRequestForReview, type ReviewableCommand } from '../reviews/request-review';
import { EVENTS, REQUESTS } from './request-collections';
import { change, submitRequest } from './request-changes';
import { requestInCallersScope, requests, staffActor, viewFor } from './request-views';

/** The requests function's staff actions, which residents never call. */
export type StaffAction =
  | 'queue' | 'enter' | 'register' | 'assignDepartment' | 'askSupplement' | 'recordSupplement' | 'consult' | 'extend' | 'askReasons'
  | 'recordReasons' | 'setDelayedDue' | 'reply' | 'close' | 'quoteFee' | 'askFee' | 'recordPayment' | 'manageGet';

/**
 * Loaded the first time a staff member calls one (requests-function.ts), so a resident's call does not
 * parse the queue, the fees, the reviews or the staff roster.
 */
export const staffActions: Pick<Handlers<'requests'>, StaffAction> = {
  async queue({ status, departmentId, unassigned, due, cursor, limit }, ctx) {
    if (unassigned && departmentId) throw new AppError('VALIDATION_FAILED', undefined, { unassigned: '“未分配部门”不能与按部门筛选同时使用' });
    if (due && (status || unassigned)) throw new AppError('VALIDATION_FAILED', undefined, { due: '“已逾期”“即将到期”不能与按状态筛选同时使用' });
    const scope = requestScopeOf(ctx.caller);
    const departments = departmentsToList(scope, departmentId);
    const today = beijingToday(ctx.now());
    // The page, its head, counts and warnings depend on these and on the requests, the calendar and the
    // settings alone: every handler of the same departments is answered the same, until one of those changes.
    const key = JSON.stringify(['queue', status, departmentId, unassigned, due, cursor, limit, scope.kind, departments, today]);
    return rememberedAnswer(ctx.store, [REQUESTS, CALENDAR, 'meta'], key, () => queuePage(ctx, { status, unassigned, due, cursor, limit }, scope, departments, today));
  },

  async enter(input, ctx) {
    const { channel, receivedOn, departmentId, ...application } = input;
    const how = { channel: channel as PaperChannel, receivedOn, enteredBy: staffActor(ctx), department: await departmentFor(ctx, departmentId) };
    return submitRequest(ctx, application as Application, input.idempotencyKey, how, staffActor(ctx));
  },

  async register({ id, version, receivedOn, departmentId }, ctx) {
    return change(ctx, id, version, { type: 'register', actor: staffActor(ctx), receivedOn, department: await departmentFor(ctx, departmentId) });
  },

  async assignDepartment({ id, version, departmentId }, ctx) {
    const command = { type: 'assignDepartment' as const, actor: staffActor(ctx), department: await departmentNamed(ctx.store, departmentId) };
    // A letter waiting for review goes with the request, to the new department's reviewers (review-scope.ts).
    const pending = await pendingRequestReview(ctx.store, id);
    return change(ctx, id, version, command, async (tx) => {
      if (pending) await movePendingReview(tx, pending.id, command.department, ctx.caller.openid as string, ctx.now());
      return command;
    });
  },

  async askSupplement({ id, version, items, workingDays }, ctx) {
    return change(ctx, id, version, { type: 'askSupplement', actor: staffActor(ctx), items, workingDays });
  },

  async recordSupplement({ id, version, receivedOn, text, attachments, lateReason }, ctx) {
    return change(ctx, id, version, { type: 'recordSupplement', actor: staffActor(ctx), receivedOn, text, attachments: attachments ?? [], ...(lateReason ? { lateReason } : {}) });
  },

  async consult(input, ctx) {
    const command: RequestCommand =
      input.step === 'start'
        ? { type: 'startConsultation', actor: staffActor(ctx), party: input.party, partyName: input.partyName, matter: input.matter }
        : { type: 'endConsultation', actor: staffActor(ctx), outcome: input.outcome };
    return change(ctx, input.id, input.version, command);
  },

  async extend({ id, version, workingDays, approver, reason }, ctx) {
    return changeOrReview(ctx, id, version, { type: 'extend', actor: staffActor(ctx), workingDays, approver, reason });
  },

  async askReasons({ id, version, text }, ctx) {
    return change(ctx, id, version, { type: 'askReasons', actor: staffActor(ctx), text });
  },

  async recordReasons({ id, version, receivedOn, text }, ctx) {
    return change(ctx, id, version, { type: 'recordReasons', actor: staffActor(ctx), receivedOn, text });
  },

  async setDelayedDue({ id, version, dueOn, reason }, ctx) {
    return change(ctx, id, version, { type: 'setDelayedDue', actor: staffActor(ctx), dueOn, reason });
  },

  async reply({ id, version, category, text, attachments, ...details }, ctx) {
    if (details.earlierTrackingNumber) await requireAnsweredRequest(ctx, details.earlierTrackingNumber, id);
    const { government } = await loadBureau(ctx.store);
    return changeOrReview(ctx, id, version, { type: 'reply', actor: staffActor(ctx), category, text, attachments: attachments ?? [], government, details });
  },

  async close({ id, version, category, reason, basis }, ctx) {
    return changeOrReview(ctx, id, version, { type: 'close', actor: staffActor(ctx), category, reason, ...(basis ? { basis } : {}) });
  },

  async quoteFee({ id, method, units }, ctx) {
    const record = await requestInCallersScope(ctx, id);
    return quoteFee(record, method, units, await loadFeeMonth(ctx.store, record, method));
  },

  async askFee({ id, version, method, units, waive, reducedTo, reason }, ctx) {
    const record = await requestInCallersScope(ctx, id);
    // Which applications make up the applicant's month is found first; their fees, which decide the
    // one-method rule, are read inside the notice's own transaction (fee-month.ts).
    const applications = await findMonthApplications(ctx.store, record);
    const command = {
      type: 'askFee' as const,
      actor: staffActor(ctx),
      method,
      units,
      waive: waive ?? false,
      reducedTo: reducedTo ?? null,
      reason: reason ?? null,
      month: feeMonthOf(record, method, applications),
    };
    const at = ctx.now().toISOString();
    return change(ctx, id, version, command, async (tx, current) => ({
      ...command,
      month: await feeMonthIn(tx, current, method, applications, { charging: !command.waive, at }),
    }));
  },

  async recordPayment({ id, version, paidOn }, ctx) {
    return change(ctx, id, version, { type: 'recordPayment', actor: staffActor(ctx), paidOn });
  },

  async manageGet({ id }, ctx) {
    // Another department's request is answered like a missing one, and its view is never recorded as made.
    const record = await requestInCallersScope(ctx, id);
    // domain.md §6: full personal data is shown to staff only, and each view is on record.
    const at = ctx.now().toISOString();
    await ctx.store.collection(EVENTS).insert({
      subjectType: 'request',
      subjectId: id,
      action: 'personalDataViewed',
      actor: ctx.caller.openid as string,
      at,
      detail: '查看申请人完整个人信息',
    });
    ctx.log.info('personal data viewed', { requestId: id, by: ctx.caller.openid });
    const [view, pending, review] = await Promise.all([viewFor(ctx, record, staffActor(ctx)), pendingRequestReview(ctx.store, id), reviewBeforeIssue(ctx.store, ctx.caller.openid as string)]);
    if (!pending) return { ...view, pendingReview: null, reviewBeforeIssue: review };
    return {
      ...view,
      reviewBeforeIssue: review,
      pendingReview: { reviewId: pending.id, kind: pending.kind, submittedAt: pending.submittedAt },
      allowed: view.allowed.filter((c) => !(c in REQUEST_REVIEW_KIND)),
    };
  },
};

/** The staff queue's page as a handler of `departments` sees it today (the `queue` action, remembered per key). */
async function queuePage(
  ctx: HandlerContext,
  { status, unassigned, due, cursor, limit }: { status?: RequestRecord['status']; unassigned?: true; due?: 'overdue' | 'dueSoon'; cursor?: string | null; limit: number },
  scope: RequestScope,
  departments: string[] | null,
  today: string,
) {
  const [calendar, settings] = await Promise.all([loadCalendar(ctx.store), loadRequestSettings(ctx.store)]);
  // 我的待办's 已逾期 and 3个工作日内到期 open exactly the requests they count (the same named queries).
  const dueQuery = due === 'overdue' ? overdue(today) : due === 'dueSoon' ? dueSoon(today, calendar) : null;
  const query = dueQuery ? inDepartments(dueQuery, departments) : unassigned ? withoutDepartment(status) : queueQuery(status, departments);
  // A handler with no department, filtering on one not theirs, or asking for the unassigned (admins' alone), lists nothing registered: the store is not asked.
  const nothing = status !== 'submitted' && (unassigned ? scope.kind !== 'all' : departments?.length === 0);
  const rows = (find: Omit<FindOptions, 'fields'>) => queueRowPage(ctx.store, find, today, calendar, settings.registrationReminderWorkingDays);
  // Applications waiting for registration head the first page of the unfiltered queue (Art. 31(3)), for every handler.
  const headed = !cursor && !status && !unassigned && !due;
  const [page, waiting, waitingTotal] = await Promise.all([
    nothing ? { items: [], nextCursor: null } : rows({ where: query.where, orderBy: query.orderBy, limit, cursor }),
    headed ? rows({ where: awaitingRegistration.where, orderBy: awaitingRegistration.orderBy, limit: AWAITING_SHOWN }) : { items: [] },
    headed ? requests(ctx.store).count(awaitingRegistration.where) : 0,
  ]);
  return {
    items: page.items,
    nextCursor: page.nextCursor,
    awaitingRegistration: waiting.items.map(toAwaitingItem).filter((item): item is AwaitingItem => item !== null),
    awaitingRegistrationTotal: waitingTotal,
    // Warnings head the list; later pages do not repeat the count.
    warnings: cursor ? [] : [...(await queueWarnings(ctx.store, calendar, today, departments)), ...(scope.kind === 'all' ? await unassignedWarning(ctx.store) : [])],
  };
}

/**
 * The waiting applications shown at the head of the queue, longest waiting first: one page's worth, as
 * many as the queue's own page below them; the count says how many wait in all, and the 待受理 tab pages
 * through every one. (Fifty made every first page of a busy morning seven times the bytes of a notice
 * list page, most of a queue call's time over HTTP, for cards a phone shows three of at a time.)
 */
const AWAITING_SHOWN = 20;

/** The department a request is registered or entered into: the one picked (it must exist), else the default (department-scope.ts). */
async function departmentFor(ctx: HandlerContext, picked: string | undefined): Promise<DepartmentRef | undefined> {
  if (picked) return departmentNamed(ctx.store, picked);
  const [settings, departments] = await Promise.all([loadRequestSettings(ctx.store), loadDepartments(ctx.store)]);
  const id = defaultDepartmentFor(ctx.caller, settings.defaultDepartmentId, departments[0]?.id ?? null);
  const department = departments.find((d) => d.id === id);
  return department ? { id: department.id, name: department.name } : undefined;
}

/**
 * Art. 36(6): a repeat request is not processed again only where the earlier one was answered, so
 * the tracking number it names must be another request, within the clerk's departments, that has been replied to.
 */
async function requireAnsweredRequest(ctx: HandlerContext, trackingNumber: string, id: string): Promise<void> {
  const { items } = await requests(ctx.store).find({ where: { trackingNumber }, orderBy: [['id', 'asc']], limit: 1, fields: ['status', 'departmentId'] });
  const earlier = items[0];
  // Another department's request is not the clerk's to know of (department-scope.ts): answered as not found.
  if (!earlier || earlier.id === id || earlier.status !== 'replied' || !requestInScope(requestScopeOf(ctx.caller), earlier)) {
    throw new AppError('VALIDATION_FAILED', undefined, { earlierTrackingNumber: `未找到已答复的申请 ${trackingNumber}，请核对原申请编号` });
  }
}

/**
 * A reply, closure or extension: issued at once, or — where the bureau requires 公开审查 for the kind
 * (条例 Art. 17) — submitted with its letter for another reviewer's approval, the request untouched.
 */
async function changeOrReview(ctx: HandlerContext, id: string, version: number, command: ReviewableCommand): Promise<RequestView | PendingReview> {
  // The request's next letter is the one under review: another reply, closure or extension waits until it is decided.
  if (await pendingRequestReview(ctx.store, id)) throw new AppError('INVALID_STATE', '该申请已有事项在审核中，审核后再办理');
  if (await reviewRequired(ctx.store, REQUEST_REVIEW_KIND[command.type])) return submitRequestForReview(ctx, id, version, command);
  return change(ctx, id, version, command);
}
