import { awaitingRegistration, awaitingSupplement, dueSoon, inDepartments, overdue, type RequestQuery } from '../../shared/requests/request-queries';
import { departmentsToList, requestScopeOf } from '../../shared/requests/department-scope';
import { QUEUE_FIELDS, toQueueItem } from '../../shared/requests/request-view';
import type { RequestRecord } from '../../shared/requests/request-record';
import { isOverdue } from '../../shared/ratings/follow-up';
import { ratingDepartmentsToList, ratingScopeOf } from '../../shared/ratings/rating-scope';
import type { StaffRole } from '../../shared/staff/roles';
import { beijingToday } from '../../shared/time/beijing-time';
import { URGENT_SHOWN, workbenchContract, type StaffTodo } from '../../shared/workbench/workbench-contract';
import { loadCalendar } from '../calendar/calendar-data';
import { reviewDepartmentsToList, reviewScopeOf } from '../../shared/reviews/review-scope';
import { defineFunction } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Where } from '../_runtime/store/port';

/** How many records a count reads at most per question; past it the figure says "at least". */
const COUNT_CAP = 1000;

/**
 * Function `workbench`: 我的待办 on the staff home. Every figure is one of the named questions the
 * queues already ask (request-queries.ts, the review queue, the follow-up list, 定时发布), counted
 * for the caller's roles and departments, so the home page and the lists never disagree.
 */
export const workbenchFunction = defineFunction('workbench', workbenchContract, {
  async todo(_input, ctx) {
    const roles = ctx.caller.staff?.roles ?? [];
    const has = (...wanted: StaffRole[]) => roles.includes('admin') || wanted.some((r) => roles.includes(r));
    const [requests, reviews, sentBack, followUps, scheduledNotices] = await Promise.all([
      has('handler') ? requestCounts(ctx) : null,
      has('reviewer') ? reviewCounts(ctx) : null,
      sentBackToMe(ctx),
      has('ratingOfficer') ? followUpCounts(ctx) : null,
      has('publisher') ? scheduledCounts(ctx) : null,
    ]);
    return { requests, reviews, sentBack, followUps, scheduledNotices };
  },
});

async function requestCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['requests']>> {
  const departments = departmentsToList(requestScopeOf(ctx.caller));
  const calendar = await loadCalendar(ctx.store);
  const today = beijingToday(ctx.now());
  // The store selects (a superset where working days are involved); the query's `matches` decides.
  const matching = async (query: RequestQuery): Promise<RequestRecord[]> => {
    if (departments?.length === 0) return [];
    const scoped = inDepartments(query, departments);
    const page = await ctx.store.collection('requests').find({ where: scoped.where, orderBy: scoped.orderBy, limit: COUNT_CAP, fields: QUEUE_FIELDS });
    return page.items.filter((r) => scoped.matches(r, today, calendar));
  };
  const [late, soon, waiting, supplement] = await Promise.all([
    matching(overdue(today)),
    matching(dueSoon(today, calendar)),
    // Online applications belong to no department until registered: every handler sees them (Art. 31).
    ctx.store.collection('requests').count(awaitingRegistration.where),
    matching(awaitingSupplement),
  ]);
  // Both lists come soonest due first, overdue before due soon: the first few are the most urgent.
  const urgent = [...late, ...soon].slice(0, URGENT_SHOWN).map((r) => {
    const row = toQueueItem(r, today, calendar);
    return { id: row.id, trackingNumber: row.trackingNumber, subject: row.subject, dueOn: row.dueOn, workingDaysLeft: row.workingDaysLeft, urgency: row.urgency };
  });
  return { overdue: late.length, dueSoon: soon.length, awaitingRegistration: waiting, awaitingSupplement: supplement.length, urgent };
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
  const later = await ctx.store.collection('reviews').find({ where: { subjectId: { in: subjects } }, orderBy: [['submittedAt', 'desc'], ['subjectVersion', 'desc']], limit: COUNT_CAP });
  const latest = new Map<string, string>();
  for (const r of later.items) if (!latest.has(r.subjectId)) latest.set(r.subjectId, r.id);
  return mine.items
    .filter((r) => latest.get(r.subjectId) === r.id)
    .map((r) => ({ id: r.id, kind: r.kind, subjectId: r.subjectId, title: r.text.title, comment: r.comment, reviewerName: r.reviewerName, decidedAt: r.decidedAt }));
}

async function followUpCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['followUps']>> {
  // The same follow-ups the officer's list shows: their departments' only (rating-scope.ts).
  const departments = ratingDepartmentsToList(ratingScopeOf(ctx.caller));
  const where: Where = { status: { in: ['open', 'rectifying'] } };
  if (departments) where.departmentId = { in: departments };
  const owed = await ctx.store.collection('followUps').find({ where, orderBy: [['dueDate', 'asc']], limit: COUNT_CAP });
  const now = ctx.now();
  return { open: owed.items.length, overdue: owed.items.filter((f) => isOverdue(f, now)).length };
}

async function scheduledCounts(ctx: HandlerContext): Promise<NonNullable<StaffTodo['scheduledNotices']>> {
  const where = { scheduledAt: { gt: '' } };
  const [count, next] = await Promise.all([
    ctx.store.collection('notices').count(where),
    ctx.store.collection('notices').find({ where, orderBy: [['scheduledAt', 'asc']], limit: 1, fields: ['scheduledAt'] }),
  ]);
  return { count, next: next.items[0]?.scheduledAt ?? null };
}
