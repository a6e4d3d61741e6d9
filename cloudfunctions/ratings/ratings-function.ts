import { createHash } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import {
  appealFollowUp,
  closeFollowUp,
  decideAppeal,
  followUpDueDate,
  FollowUpStateError,
  newFollowUp,
  recordFeedback,
  respondToFollowUp,
  type FollowUpRecord,
} from '../../shared/ratings/follow-up';
import { ratingEvent, type RatingAction } from '../../shared/ratings/rating-events';
import { ratingIdForRequest, ratingIdForVisit, ratingIdForWindowDay, ratingMonth } from '../../shared/ratings/rating-identity';
import { isNegative } from '../../shared/ratings/rating-levels';
import { toFollowUpView, toMyRating, toPublicRating } from '../../shared/ratings/rating-views';
import type { FollowUpView, RatingRecord, RatingTarget, RatingStats, StoredRating, WindowRecord } from '../../shared/ratings/ratings-types';
import { figuresOf, monthsEndingWith, monthsOfYear, sumTallies, type TallyDelta, type TallyScope } from '../../shared/ratings/satisfaction';
import { visitUsability } from '../../shared/ratings/visit-codes';
import { beijingToday } from '../../shared/time/beijing-time';
import { screenText } from '../_runtime/content-screening';
import { defineFunction } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import { DuplicateIdError, type Store, type Where } from '../_runtime/store/port';
import { ratingSettings } from './rating-settings';
import { enqueueRatingAnswered } from './rating-notifications';
import { requestSubject } from './request-subject';
import { adjustTallies, readTallies, TALLIES } from './tallies';
import { workingDayRule } from './working-days';

type StoredFollowUp = FollowUpRecord & { id: string; version: number };

export const ratingsFunction = defineFunction('ratings', {
  async target({ visitCode, windowId, requestId }, { store, now, caller }): Promise<RatingTarget> {
    if (requestId) {
      const subject = await requestSubject(store, requestId, caller.openid as string);
      const rated = await store.collection('ratings').get(ratingIdForRequest(requestId));
      return {
        windowId: null,
        windowName: subject.serviceName,
        location: '',
        departmentName: subject.departmentName,
        serviceName: `申请 ${subject.trackingNumber}`,
        trackingNumber: subject.trackingNumber,
        services: [],
        expiresAt: null,
        state: rated ? 'alreadyRated' : 'open',
      };
    }
    if (visitCode) {
      const visit = await store.collection('visits').get(visitCode);
      if (!visit) throw new AppError('VISIT_NOT_FOUND');
      const window = await store.collection('windows').get(visit.windowId);
      if (!window) throw new AppError('VISIT_NOT_FOUND');
      const usability = visitUsability(visit, now());
      const service = window.services.find((s) => s.id === visit.serviceId) ?? null;
      return {
        windowId: window.id,
        windowName: window.name,
        location: window.location,
        departmentName: window.departmentName,
        serviceName: service?.name ?? null,
        services: [],
        expiresAt: visit.expiresAt,
        state: usability === 'usable' ? 'open' : usability,
      };
    }
    const window = await activeWindow(store, windowId as string);
    return {
      windowId: window.id,
      windowName: window.name,
      location: window.location,
      departmentName: window.departmentName,
      serviceName: null,
      services: window.services,
      expiresAt: null,
      state: 'open',
    };
  },

  async submit(input, ctx) {
    const { store, caller, now } = ctx;
    const at = now();
    const rater = caller.openid as string;

    // Who and what is being rated, checked before anything is screened or written.
    let window: Pick<WindowRecord, 'name' | 'departmentId' | 'departmentName' | 'services'> & { id: string | null };
    let serviceId: string | null;
    let ratingId: string;
    if (input.requestId) {
      const subject = await requestSubject(store, input.requestId, rater);
      window = { id: null, name: subject.serviceName, departmentId: subject.departmentId, departmentName: subject.departmentName, services: [{ id: subject.serviceId, name: subject.serviceName }] };
      serviceId = subject.serviceId;
      ratingId = ratingIdForRequest(input.requestId);
    } else if (input.visitCode) {
      const visit = await store.collection('visits').get(input.visitCode);
      if (!visit) throw new AppError('VISIT_NOT_FOUND');
      const usability = visitUsability(visit, at);
      if (usability === 'expired') throw new AppError('VISIT_NOT_FOUND', '评价码已过期，请向窗口工作人员重新获取');
      if (usability === 'alreadyRated') throw new AppError('ALREADY_RATED');
      const found = await store.collection('windows').get(visit.windowId);
      if (!found) throw new AppError('VISIT_NOT_FOUND');
      window = found;
      serviceId = visit.serviceId;
      ratingId = ratingIdForVisit(input.visitCode);
    } else {
      window = await activeWindow(store, input.windowId as string);
      serviceId = input.serviceId ?? null;
      if (serviceId && !window.services.some((s) => s.id === serviceId)) {
        throw new AppError('VALIDATION_FAILED', undefined, { serviceId: '该窗口没有这项办理事项' });
      }
      ratingId = ratingIdForWindowDay(input.windowId as string, raterKey(rater), at);
    }
    if (await store.collection('ratings').get(ratingId)) throw alreadyRated(input.visitCode, input.requestId);

    // Screened before anyone else can see it; a comment held back is kept for the record, never published.
    const screening = input.comment ? await screenText(input.comment, ctx) : null;
    const service = window.services.find((s) => s.id === serviceId) ?? null;
    const rating: RatingRecord & { id: string } = {
      id: ratingId,
      source: input.requestId ? 'request' : input.visitCode ? 'visit' : 'window',
      visitCode: input.visitCode ?? null,
      requestId: input.requestId ?? null,
      windowId: window.id,
      windowName: window.name,
      serviceId: service?.id ?? null,
      serviceName: service?.name ?? null,
      departmentId: window.departmentId,
      departmentName: window.departmentName,
      month: ratingMonth(at),
      level: input.level,
      tags: input.tags,
      comment: input.comment,
      commentStatus: screening === null ? 'none' : screening.pass ? 'passed' : 'rejected',
      commentReason: screening && !screening.pass ? screening.reason : null,
      anonymous: input.anonymous,
      raterOpenid: rater,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      createdAt: at.toISOString(),
      excluded: false,
    };
    const negative = isNegative(input.level);
    const dueDate = negative ? followUpDueDate(at, (await ratingSettings(store)).followUpWorkingDays, await workingDayRule(store)) : null;

    try {
      await store.transaction(async (tx) => {
        if (input.visitCode) {
          // Read again inside the transaction: the code is single-use even when two phones race.
          const visits = tx.collection('visits');
          const visit = await visits.get(input.visitCode);
          if (!visit || visitUsability(visit, at) !== 'usable') throw alreadyRated(input.visitCode, input.requestId);
          await visits.update(visit.id, visit.version, { ratingId, ratedAt: at.toISOString() });
        }
        await tx.collection('ratings').insert(rating);
        await tx.collection('events').insert(ratingEvent(ratingId, 'rated', rater, at, input.level));
        const delta: TallyDelta = { level: { level: input.level, by: 1 } };
        if (negative && dueDate) {
          await tx.collection('followUps').insert(newFollowUp({ ...rating, level: input.level as 'dissatisfied' | 'veryDissatisfied' }, at, dueDate));
          await tx.collection('events').insert(ratingEvent(ratingId, 'followUpOpened', rater, at, dueDate));
          delta.followUpsOpened = 1;
        }
        await adjustTallies(tx, rating, delta);
      });
    } catch (error) {
      if (error instanceof DuplicateIdError) throw alreadyRated(input.visitCode, input.requestId);
      throw error;
    }
    return { id: ratingId, level: input.level, commentStatus: rating.commentStatus, followUpDueDate: dueDate };
  },

  async mine({ cursor, limit }, { store, caller }) {
    const page = await store.collection('ratings').find({
      where: { raterOpenid: caller.openid as string },
      orderBy: [['createdAt', 'desc']],
      limit,
      cursor,
    });
    const followUps = await followUpsOf(store, page.items);
    return { items: page.items.map((r) => toMyRating(r, followUps.get(r.id) ?? null)), nextCursor: page.nextCursor };
  },

  async feedback({ ratingId, solved, note }, { store, caller, now }) {
    const at = now();
    const rating = await store.collection('ratings').get(ratingId);
    // Someone else's rating is answered exactly like a missing one.
    if (!rating || rating.raterOpenid !== caller.openid) throw new AppError('RATING_NOT_FOUND');
    const followUp = await store.transaction(async (tx) => {
      const current = await tx.collection('followUps').get(ratingId);
      if (!current) throw new AppError('FOLLOW_UP_NOT_FOUND');
      const updated = await tx.collection('followUps').update(ratingId, current.version, decide(() => recordFeedback(current, solved, note, at)));
      await tx.collection('events').insert(ratingEvent(ratingId, 'residentFeedback', caller.openid as string, at, solved ? '已解决' : '未解决'));
      return updated;
    });
    return toMyRating(rating, followUp);
  },

  async stats({ windowId, departmentId, serviceId, month, year }, { store, now }) {
    const [scope, key]: [TallyScope, string] = windowId
      ? ['window', windowId]
      : serviceId
        ? ['service', serviceId]
        : departmentId
          ? ['department', departmentId]
          : ['bureau', 'all'];
    const currentMonth = beijingToday(now()).slice(0, 7);
    // The trend is always twelve months; the figures cover one month when asked, else the whole span.
    const trendMonths = year !== undefined ? monthsOfYear(year) : monthsEndingWith(month ?? currentMonth);
    const tallies = await readTallies(store, scope, key, trendMonths);
    const covered = month ? [month] : trendMonths;
    const figures = figuresOf(sumTallies(covered.map((m) => tallies.get(m)).filter((t) => t !== undefined)));
    const trend = trendMonths.map((m) => {
      const f = figuresOf(sumTallies(tallies.has(m) ? [tallies.get(m)!] : []));
      return { month: m, total: f.total, satisfactionRate: f.satisfactionRate };
    });
    const stats: RatingStats = { ...figures, scope, months: covered, trend };
    return stats;
  },

  async publicList({ windowId, cursor, limit }, { store }) {
    const where: Where = { excluded: false };
    if (windowId) where.windowId = windowId;
    const page = await store.collection('ratings').find({ where, orderBy: [['createdAt', 'desc']], limit, cursor });
    const followUps = await followUpsOf(store, page.items);
    return { items: page.items.map((r) => toPublicRating(r, followUps.get(r.id) ?? null)), nextCursor: page.nextCursor };
  },

  async followUps({ status, cursor, limit }, { store, now }) {
    const where: Where = {};
    if (status) where.status = status;
    const page = await store.collection('followUps').find({ where, orderBy: [['dueDate', 'asc']], limit, cursor });
    const ratings = await ratingsByIds(store, page.items.map((f) => f.id));
    const at = now();
    return {
      items: page.items.filter((f) => ratings.has(f.id)).map((f) => toFollowUpView(f, ratings.get(f.id)!, at)),
      nextCursor: page.nextCursor,
    };
  },

  async followUp({ id }, { store, now }) {
    return followUpView(store, id, now());
  },

  async respond({ id, version, answer, contactMethod, contactNote, finding, rectification, planDueDate }, ctx) {
    return changeFollowUp(ctx, id, version, 'responded', (current, at) => {
      const patch = respondToFollowUp(
        current,
        {
          contactMethod,
          contactNote,
          finding,
          rectification,
          planDueDate: planDueDate ?? null,
          answer,
          respondedBy: ctx.caller.openid as string,
          respondedByName: ctx.caller.staff?.name ?? '',
          respondedAt: at.toISOString(),
        },
        at,
      );
      return { patch, delta: { followUpsAnswered: 1, followUpsOnTime: patch.answeredOnTime ? 1 : 0 }, notifyRater: answer };
    });
  },

  async close({ id, version, note }, ctx) {
    return changeFollowUp(ctx, id, version, 'closed', (current, at) => ({ patch: closeFollowUp(current, note, ctx.caller.openid as string, at) }));
  },

  async appeal({ id, version, reason }, ctx) {
    return changeFollowUp(ctx, id, version, 'appealed', (current, at) => ({
      patch: appealFollowUp(current, reason, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at),
    }), reason);
  },

  async decideAppeal({ id, version, upheld, note }, ctx) {
    return changeFollowUp(ctx, id, version, upheld ? 'appealUpheld' : 'appealRejected', (current, at) => {
      const patch = decideAppeal(current, upheld, note, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at);
      if (!upheld) return { patch };
      // An untrue 差评 stops counting; everything it added to the figures is taken back.
      return {
        patch,
        excludeRating: true,
        delta: {
          level: { level: current.level, by: -1 },
          followUpsOpened: -1,
          followUpsAnswered: current.response ? -1 : 0,
          followUpsOnTime: current.answeredOnTime ? -1 : 0,
        },
      };
    }, note);
  },

  async ranking({ month }, { store }) {
    const [tallies, windows] = await Promise.all([
      store.collection(TALLIES).find({ where: { scope: 'window', month }, orderBy: [['key', 'asc']], limit: 500 }),
      store.collection('windows').find({ orderBy: [['name', 'asc']], limit: 500 }),
    ]);
    const byId = new Map(windows.items.map((w) => [w.id, w]));
    const rows = tallies.items
      .filter((t) => byId.has(t.key))
      .map((t) => ({ ...figuresOf(t), windowId: t.key, windowName: byId.get(t.key)!.name, departmentName: byId.get(t.key)!.departmentName }))
      .filter((r) => r.total > 0)
      // Higher satisfaction first; among equals, more ratings weigh more; then fewer 差评 unanswered.
      .sort((a, b) => b.satisfactionRate - a.satisfactionRate || b.total - a.total || a.windowName.localeCompare(b.windowName, 'zh'));
    return rows.map((r, index) => ({ ...r, rank: index + 1 }));
  },
});

/** A stable, non-reversible key for a resident in record ids: the OPENID itself never appears in an id. */
function raterKey(openid: string): string {
  return createHash('sha256').update(openid).digest('hex').slice(0, 16);
}

function alreadyRated(visitCode: string | undefined, requestId?: string): AppError {
  if (requestId) return new AppError('ALREADY_RATED', '这件申请的办理已经评价过了，感谢您的参与');
  return visitCode ? new AppError('ALREADY_RATED') : new AppError('ALREADY_RATED', '今天已经评价过这个窗口了，感谢您的参与');
}

async function activeWindow(store: Store, id: string): Promise<WindowRecord & { id: string; version: number }> {
  const window = await store.collection('windows').get(id);
  if (!window || !window.active) throw new AppError('WINDOW_NOT_FOUND');
  return window;
}

function decide<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof FollowUpStateError) throw new AppError('INVALID_STATE', error.message);
    throw error;
  }
}

async function followUpsOf(store: Store, ratings: StoredRating[]): Promise<Map<string, StoredFollowUp>> {
  const ids = ratings.filter((r) => isNegative(r.level)).map((r) => r.id);
  if (ids.length === 0) return new Map();
  const page = await store.collection('followUps').find({ where: { id: { in: ids } }, orderBy: [['openedAt', 'asc']], limit: ids.length });
  return new Map(page.items.map((f) => [f.id, f]));
}

async function ratingsByIds(store: Store, ids: string[]): Promise<Map<string, StoredRating>> {
  if (ids.length === 0) return new Map();
  const page = await store.collection('ratings').find({ where: { id: { in: ids } }, orderBy: [['createdAt', 'asc']], limit: ids.length });
  return new Map(page.items.map((r) => [r.id, r]));
}

async function followUpView(store: Store, id: string, now: Date): Promise<FollowUpView> {
  const [followUp, rating] = await Promise.all([
    store.collection('followUps').get(id),
    store.collection('ratings').get(id),
  ]);
  if (!followUp || !rating) throw new AppError('FOLLOW_UP_NOT_FOUND');
  return toFollowUpView(followUp, rating, now);
}

interface FollowUpChange {
  patch: Partial<FollowUpRecord>;
  delta?: TallyDelta;
  excludeRating?: boolean;
  /** The answer to tell the rater through the notifications outbox, in the same transaction. */
  notifyRater?: string;
}

/**
 * Every staff step on a follow-up: read, let the domain decide, write against
 * the version the clerk saw, adjust the figures and record the event — one
 * transaction.
 */
async function changeFollowUp(
  { store, caller, now }: HandlerContext,
  id: string,
  version: number,
  action: RatingAction,
  change: (current: FollowUpRecord, at: Date) => FollowUpChange,
  detail: string | null = null,
): Promise<FollowUpView> {
  const at = now();
  await store.transaction(async (tx) => {
    const followUps = tx.collection('followUps');
    const current = await followUps.get(id);
    if (!current) throw new AppError('FOLLOW_UP_NOT_FOUND');
    const { patch, delta, excludeRating, notifyRater } = decide(() => change(current, at));
    await followUps.update(id, version, patch);
    if (notifyRater) {
      const rating = await tx.collection('ratings').get(current.ratingId);
      if (rating) await enqueueRatingAnswered(tx, rating, notifyRater, at);
    }
    if (excludeRating) {
      const rating = await tx.collection('ratings').get(current.ratingId);
      if (rating) await tx.collection('ratings').update(rating.id, rating.version, { excluded: true });
    }
    if (delta) await adjustTallies(tx, current, delta);
    await tx.collection('events').insert(ratingEvent(id, action, caller.openid as string, at, detail));
  });
  return followUpView(store, id, at);
}
