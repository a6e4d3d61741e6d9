import { awaitingRegistration, awaitingSupplement, dueSoon, dueSoonHorizon, inDepartments, overdue, type RequestQuery } from '../../shared/requests/request-queries';
import { scopesOf } from '../../shared/inquiries/case-access';
import { viewerOf } from '../inquiries/case-actors';
import { departmentsToList, requestScopeOf } from '../../shared/requests/department-scope';
import { QUEUE_FIELDS, toQueueItem } from '../../shared/requests/request-view';
import type { RequestRecord } from '../../shared/requests/request-record';
import { ratingDepartmentsToList, ratingScopeOf } from '../../shared/ratings/rating-scope';
import type { StaffRole } from '../../shared/staff/roles';
import { beijingToday } from '../../shared/time/beijing-time';
import { URGENT_SHOWN, workbenchContract, type StaffTodo } from '../../shared/workbench/workbench-contract';
import { loadCalendar } from '../calendar/calendar-data';
import { reviewDepartmentsToList, reviewScopeOf } from '../../shared/reviews/review-scope';
import { defineFunction } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Where } from '../_runtime/store/port';

/** How many of an author's latest items are looked up to tell which send-backs are still open. */
const SENT_BACK_LOOKUP = 1000;

/**
 * Function `workbench`: 我的待办 on the staff home. Every figure is one of the named questions the
 * queues already ask (request-queries.ts, the review queue, the follow-up list, 定时发布), counted
 * for the caller's roles and departments, so the home page and the lists never disagree; the cases of
 * 咨询投诉 by the same scopes as their queue.
 */
export const workbenchFunction = defineFunction('workbench', workbenchContract, {
  async todo(_input, ctx) {
    const roles = ctx.caller.staff?.roles ?? [];
    const has = (...wanted: StaffRole[]) => roles.includes('admin') || wanted.some((r) => roles.includes(r));
    const [requests, reviews, sentBack, inquiries, followUps, scheduledNotices] = await Promise.all([
      has('handler') ? requestCounts(ctx) : null,
      has('reviewer') ? reviewCounts(ctx) : null,
      sentBackToMe(ctx),
      has('answerer') ? inquiryCounts(ctx) : null,
      has('ratingOfficer') ? followUpCounts(ctx) : null,
      has('publisher') ? scheduledCounts(ctx) : null,
    ]);
    return { requests, reviews, sentBack, inquiries, followUps, scheduledNotices };
  },
});

async function requestCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['requests']>> {
  const departments = departmentsToList(requestScopeOf(ctx.caller));
  const calendar = await loadCalendar(ctx.store);
  const today = beijingToday(ctx.now());
  const requests = ctx.store.collection('requests');
  const none = departments?.length === 0;
  // Each figure is the store's count of the query the queue lists it with (requests.queue `due` / `status`):
  // exact however many there are, and never a different set from the list it opens. For these queries the
  // store's condition is the whole question (due dates fall on working days), so nothing is read to count.
  const counted = (query: RequestQuery) => (none ? Promise.resolve(0) : requests.count(inDepartments(query, departments).where));
  const firstFew = async (query: RequestQuery): Promise<RequestRecord[]> => {
    if (none) return [];
    const scoped = inDepartments(query, departments);
    const page = await requests.find({ where: scoped.where, orderBy: scoped.orderBy, limit: URGENT_SHOWN, fields: QUEUE_FIELDS });
    return page.items.filter((r) => scoped.matches(r, today, calendar));
  };
  const [late, soon, waiting, supplement, lateFirst, soonFirst] = await Promise.all([
    counted(overdue(today)),
    counted(dueSoon(today, calendar)),
    // Online applications belong to no department until registered: every handler sees them (Art. 31).
    requests.count(awaitingRegistration.where),
    counted(awaitingSupplement),
    firstFew(overdue(today)),
    firstFew(dueSoon(today, calendar)),
  ]);
  // Both lists come soonest due first, overdue before due soon: the first few are the most urgent.
  const urgent = [...lateFirst, ...soonFirst].slice(0, URGENT_SHOWN).map((r) => {
    const row = toQueueItem(r, today, calendar);
    return { id: row.id, trackingNumber: row.trackingNumber, subject: row.subject, dueOn: row.dueOn, workingDaysLeft: row.workingDaysLeft, urgency: row.urgency };
  });
  return { overdue: late, dueSoon: soon, awaitingRegistration: waiting, awaitingSupplement: supplement, urgent };
}

async function reviewCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['reviews']>> {
  // One's own submissions wait for someone else (SELF_REVIEW), so they are not this reviewer's to do;
  // a reviewer scoped to departments counts theirs only, as their queue lists them (review-scope.ts).
  const departments = reviewDepartmentsToList(reviewScopeOf(ctx.caller));
  if (departments?.length === 0) return { waiting: 0, oldestSubmittedAt: null };
  const where = { status: 'pending', authorOpenid: { ne: ctx.caller.openid }, ...(departments ? { departmentId: { in: departments } } : {}) };
  const [waiting, oldest] = await Promise.all([
    ctx.store.collection('reviews').count(where),
    ctx.store.collection('reviews').find({ where, orderBy: [['submittedAt', 'asc']], limit: 1 }),
  ]);
  return { waiting, oldestSubmittedAt: oldest.items[0]?.submittedAt ?? null };
}

/** The caller's submissions sent back whose subject has not been submitted again since. */
async function sentBackToMe(ctx: HandlerContext): Promise<StaffTodo['sentBack']> {
  const mine = await ctx.store.collection('reviews').find({ where: { authorOpenid: ctx.caller.openid, status: 'sentBack' }, orderBy: [['submittedAt', 'desc']], limit: 20 });
  if (mine.items.length === 0) return [];
  const subjects = [...new Set(mine.items.map((r) => r.subjectId))];
  const later = await ctx.store.collection('reviews').find({ where: { subjectId: { in: subjects } }, orderBy: [['submittedAt', 'desc'], ['subjectVersion', 'desc']], limit: SENT_BACK_LOOKUP });
  const latest = new Map<string, string>();
  for (const r of later.items) if (!latest.has(r.subjectId)) latest.set(r.subjectId, r.id);
  return mine.items
    .filter((r) => latest.get(r.subjectId) === r.id)
    .map((r) => ({ id: r.id, kind: r.kind, subjectId: r.subjectId, title: r.text.title, comment: r.comment, reviewerName: r.reviewerName, decidedAt: r.decidedAt }));
}

async function inquiryCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['inquiries']>> {
  // The cases the queue's 未办结 lists for this person (case-access.ts: a complaint only for admins and its
  // assigned answerer), by the store's count over the queue's own fields: a case waiting for the resident's
  // more (待补充) has no clock, so its dueSort is past every date and it is never late.
  const scopes = scopesOf(viewerOf(ctx));
  const where = (extra: Where): Where => ({ open: true, ...(scopes ? { scope: { in: scopes } } : {}), ...extra });
  const today = beijingToday(ctx.now());
  const calendar = await loadCalendar(ctx.store);
  const inquiries = ctx.store.collection('inquiries');
  const [open, late, soon] = await Promise.all([
    inquiries.count(where({})),
    inquiries.count(where({ dueSort: { lt: today } })),
    inquiries.count(where({ dueSort: { gte: today, lte: dueSoonHorizon(today, calendar) } })),
  ]);
  return { open, overdue: late, dueSoon: soon };
}

async function followUpCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['followUps']>> {
  // The same follow-ups the officer's list shows: their departments' only (rating-scope.ts).
  const departments = ratingDepartmentsToList(ratingScopeOf(ctx.caller));
  const scoped = (where: Where): Where => (departments ? { ...where, departmentId: { in: departments } } : where);
  const today = beijingToday(ctx.now());
  const followUps = ctx.store.collection('followUps');
  // Counted by the store (exact, nothing read), by the rule of isOverdue: an open one past its date, one
  // being rectified past its plan's date.
  const [open, lateOpen, lateRectifying] = await Promise.all([
    followUps.count(scoped({ status: { in: ['open', 'rectifying'] } })),
    followUps.count(scoped({ status: 'open', dueDate: { lt: today } })),
    followUps.count(scoped({ status: 'rectifying', 'response.planDueDate': { lt: today } })),
  ]);
  return { open, overdue: lateOpen + lateRectifying };
}

async function scheduledCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['scheduledNotices']>> {
  const where = { scheduledAt: { gt: '' } };
  const [count, next] = await Promise.all([
    ctx.store.collection('notices').count(where),
    ctx.store.collection('notices').find({ where, orderBy: [['scheduledAt', 'asc']], limit: 1, fields: ['scheduledAt'] }),
  ]);
  return { count, next: next.items[0]?.scheduledAt ?? null };
}
