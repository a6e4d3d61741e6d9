import { AppError } from '../../shared/api/errors';
import { ratingKeyForRequest } from '../../shared/ratings/rating-identity';
import { isNegative } from '../../shared/ratings/rating-levels';
import { rankWindows } from '../../shared/ratings/rating-submission';
import { ratingDepartmentsToList, ratingInScope, ratingScopeOf, type RatingScope } from '../../shared/ratings/rating-scope';
import { toFollowUpListItem, toFollowUpView, toMyRating, toPublicRating } from '../../shared/ratings/rating-views';
import type { FollowUpView, RatingStats, StoredRating } from '../../shared/ratings/ratings-types';
import type { FollowUpRecord } from '../../shared/ratings/follow-up';
import { figuresOf, monthsEndingWith, monthsOfYear, officialTally, sumTallies, type Tally, type TallyScope } from '../../shared/ratings/satisfaction';
import { visitUsability } from '../../shared/ratings/visit-codes';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Handlers } from '../_runtime/define-function';
import type { Store, Stored, Where } from '../_runtime/store/port';
import { activeWindow } from './active-window';
import { ratingSettings, ratingSettingsView } from './rating-settings';
import { requestSubject } from './request-subject';
import { readTallies, TALLIES } from './tallies';
import { loadCalendar } from '../calendar/calendar-data';

type ReadingAction = 'target' | 'mine' | 'stats' | 'publicList' | 'followUps' | 'followUp' | 'ranking' | 'settings';

/** Handlers of the ratings function's reading actions; spread into ratingsFunction. */
export const ratingsReadingHandlers: Pick<Handlers<'ratings'>, ReadingAction> = {
  async target({ visitCode, windowId, requestId }, { store, now, caller }) {
    if (requestId) {
      const subject = await requestSubject(store, requestId, caller.openid as string);
      const rated = await store.collection('uniqueKeys').get(ratingKeyForRequest(requestId));
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

  async mine({ cursor, limit }, { store, caller }) {
    const page = await store.collection('ratings').find({
      where: { raterOpenid: caller.openid as string },
      orderBy: [['createdAt', 'desc']],
      limit,
      cursor,
    });
    const [followUps, calendar] = await Promise.all([followUpsOf(store, page.items), loadCalendar(store)]);
    return { items: page.items.map((r) => toMyRating(r, followUps.get(r.id) ?? null, calendar)), nextCursor: page.nextCursor };
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
    const [tallies, { includeUnverified }] = await Promise.all([readTallies(store, scope, key, trendMonths), ratingSettings(store)]);
    const covered = month ? [month] : trendMonths;
    const over = (byMonth: Map<string, Tally>, months: string[]) => sumTallies(months.map((m) => byMonth.get(m)).filter((t) => t !== undefined));
    // Official figures count verified ratings; the unverified are shown apart unless the bureau includes them.
    const official = (months: string[]) => figuresOf(officialTally(over(tallies.verified, months), over(tallies.unverified, months), includeUnverified));
    const basis = (byMonth: Map<string, Tally>) => {
      const f = figuresOf(over(byMonth, covered));
      return { total: f.total, satisfactionRate: f.satisfactionRate };
    };
    const trend = trendMonths.map((m) => {
      const f = official([m]);
      return { month: m, total: f.total, satisfactionRate: f.satisfactionRate };
    });
    const stats: RatingStats = {
      ...official(covered),
      scope,
      months: covered,
      trend,
      verified: basis(tallies.verified),
      unverified: basis(tallies.unverified),
      unverifiedIncluded: includeUnverified,
    };
    return stats;
  },

  async publicList({ windowId, cursor, limit }, { store }) {
    const where: Where = { excluded: false };
    if (windowId) where.windowId = windowId;
    const page = await store.collection('ratings').find({ where, orderBy: [['createdAt', 'desc']], limit, cursor });
    const followUps = await followUpsOf(store, page.items);
    return { items: page.items.map((r) => toPublicRating(r, followUps.get(r.id) ?? null)), nextCursor: page.nextCursor };
  },

  async followUps({ status, owed, cursor, limit }, { store, now, caller }) {
    const where: Where = {};
    if (status) where.status = status;
    // What 我的待办 counts as still owed: a tap on its figure lists exactly those.
    else if (owed) where.status = { in: ['open', 'rectifying'] };
    // A unit's officer lists their departments' follow-ups only (rating-scope.ts), filtered by the store, never after a page is read.
    const departments = ratingDepartmentsToList(ratingScopeOf(caller));
    if (departments?.length === 0) return { items: [], nextCursor: null };
    if (departments) where.departmentId = departments.length === 1 ? departments[0] : { in: departments };
    const page = await store.collection('followUps').find({ where, orderBy: [['dueDate', 'asc']], limit, cursor });
    const [ratings, calendar] = await Promise.all([ratingsByIds(store, page.items.map((f) => f.id)), loadCalendar(store)]);
    const at = now();
    return {
      items: page.items.filter((f) => ratings.has(f.id)).map((f) => toFollowUpListItem(toFollowUpView(f, ratings.get(f.id)!, at, calendar))),
      nextCursor: page.nextCursor,
    };
  },

  async followUp({ id }, { store, now, caller }) {
    return followUpView(store, id, now(), ratingScopeOf(caller));
  },

  async settings(_input, { store }) {
    return ratingSettingsView(store);
  },

  async ranking({ month }, { store }) {
    // Two tallies per window (verified and unverified ratings).
    const [tallies, windows, { includeUnverified }] = await Promise.all([
      store.collection(TALLIES).find({ where: { scope: 'window', month }, orderBy: [['key', 'asc']], limit: 1000 }),
      store.collection('windows').find({ orderBy: [['name', 'asc']], limit: 500 }),
      ratingSettings(store),
    ]);
    return rankWindows(tallies.items, windows.items, includeUnverified);
  },
};

/**
 * A follow-up as the rating officer works it, with its rating; answered after every staff step too.
 * One outside the officer's departments is answered exactly like a missing one.
 */
export async function followUpView(store: Store, id: string, now: Date, scope: RatingScope): Promise<FollowUpView> {
  const [followUp, rating, calendar] = await Promise.all([
    store.collection('followUps').get(id),
    store.collection('ratings').get(id),
    loadCalendar(store),
  ]);
  if (!followUp || !rating || !ratingInScope(scope, followUp.departmentId)) throw new AppError('FOLLOW_UP_NOT_FOUND');
  return toFollowUpView(followUp, rating, now, calendar);
}

async function followUpsOf(store: Store, ratings: StoredRating[]): Promise<Map<string, Stored<FollowUpRecord>>> {
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
