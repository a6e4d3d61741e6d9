import { loadCalendar } from '../calendar/calendar-data';
import { AppError } from '../../shared/api/errors';
import {
  appealFollowUp,
  closeFollowUp,
  completeRectification,
  decideAppeal,
  followUpDueDate,
  FollowUpStateError,
  planDateAllowed,
  planDateBound,
  recordFeedback,
  respondToFollowUp,
  type FollowUpRecord,
} from '../../shared/ratings/follow-up';
import { ratingEvent, type RatingAction, type RatingEvent } from '../../shared/ratings/rating-events';
import { ratingInScope, ratingScopeOf } from '../../shared/ratings/rating-scope';
import { followUpStepDelta, upheldAppealTallyDelta } from '../../shared/ratings/rating-submission';
import { toMyRating } from '../../shared/ratings/rating-views';
import type { FollowUpView } from '../../shared/ratings/ratings-types';
import { ratingBasis, type TallyDelta } from '../../shared/ratings/satisfaction';
import { changeRecord } from '../_runtime/change-record';
import type { Handlers } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Store, Stored } from '../_runtime/store/port';
import { enqueueRatingNews, enqueueReopenedForAdmins, type RaterNews } from './rating-notifications';
import { ratingSettings } from './rating-settings';
import { followUpView } from './ratings-reading';
import { adjustTallies } from './tallies';
import { workingDayRule } from './working-days';

type FollowUpAction = 'feedback' | 'respond' | 'complete' | 'close' | 'appeal' | 'decideAppeal';

/** Handlers of every step of a 差评's follow-up (the resident's feedback and the staff's steps); spread into ratingsFunction. */
export const ratingFollowUpHandlers: Pick<Handlers<'ratings'>, FollowUpAction> = {
  async feedback({ ratingId, solved, note }, { store, caller, now }) {
    const at = now();
    const rater = caller.openid as string;
    const rating = await store.collection('ratings').get(ratingId);
    // Someone else's rating is answered exactly like a missing one.
    if (!rating || rating.raterOpenid !== rater) throw new AppError('RATING_NOT_FOUND');
    // A reopened follow-up gets the bureau's full follow-up period again, counted from today.
    const [{ followUpWorkingDays }, isWorkday, admins] = await Promise.all([ratingSettings(store), workingDayRule(store), activeAdmins(store)]);
    const reopenDueDate = followUpDueDate(at, followUpWorkingDays, isWorkday);
    // The resident has no version in hand: the feedback is decided on the follow-up as it is now.
    const followUp = await changeFollowUp(store, ratingId, 'current', { action: 'residentFeedback', actor: rater, at, detail: solved ? '已解决' : '未解决' }, (current) => {
      const { patch, reopened } = recordFeedback(current, solved, note, at, reopenDueDate);
      return reopened
        ? { patch, extraEvents: [ratingEvent(ratingId, 'reopened', rater, at, `评价人表示未解决，重新办理，期限 ${reopenDueDate}`)], escalateTo: admins }
        : { patch };
    });
    return toMyRating(rating, followUp, await loadCalendar(store));
  },

  async respond({ id, version, answer, contactMethod, contactNote, finding, rectification, planDueDate }, ctx) {
    const at = ctx.now();
    if (rectification === 'plan' && planDueDate) {
      // 限期整改 within the bureau's bound (working days from today, on its calendar): a plan is a promise with a date.
      const [{ planMaxWorkingDays }, isWorkday] = await Promise.all([ratingSettings(ctx.store), workingDayRule(ctx.store)]);
      const bound = planDateBound(at, planMaxWorkingDays, isWorkday);
      if (!planDateAllowed(planDueDate, at, bound)) {
        throw new AppError('PLAN_DATE_OUT_OF_RANGE', `限期整改的完成日期应在今天之后，且不晚于 ${bound}（${planMaxWorkingDays} 个工作日内）`);
      }
    }
    return staffStep(ctx, id, version, 'responded', (current) => {
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
      const news: RaterNews = { kind: 'answered', answer, planDueDate: patch.response?.planDueDate ?? null, again: !!current.reopen };
      return { patch, delta: followUpStepDelta(current, patch), notifyRater: news };
    }, at);
  },

  async complete({ id, version, done }, ctx) {
    const at = ctx.now();
    return staffStep(ctx, id, version, 'rectified', (current) => {
      const patch = completeRectification(current, done, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at);
      return { patch, delta: followUpStepDelta(current, patch), notifyRater: { kind: 'rectified', done } };
    }, at, done);
  },

  async close({ id, version, note }, ctx) {
    const at = ctx.now();
    return staffStep(ctx, id, version, 'closed', (current) => ({ patch: closeFollowUp(current, note, ctx.caller.openid as string, at) }), at);
  },

  async appeal({ id, version, reason }, ctx) {
    const at = ctx.now();
    return staffStep(ctx, id, version, 'appealed', (current) => ({
      patch: appealFollowUp(current, reason, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at),
    }), at, reason);
  },

  async decideAppeal({ id, version, upheld, note }, ctx) {
    const at = ctx.now();
    return staffStep(ctx, id, version, upheld ? 'appealUpheld' : 'appealRejected', (current) => {
      const patch = decideAppeal(current, upheld, note, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at);
      // An untrue 差评 stops counting: the rating is marked and everything it added to the figures taken back.
      return upheld ? { patch, excludeRating: true, delta: upheldAppealTallyDelta(current) } : { patch };
    }, at, note);
  },
};

/** What one step decides: the follow-up's patch and what else it changes in the same transaction. */
interface FollowUpChange {
  patch: Partial<FollowUpRecord>;
  delta?: TallyDelta | null;
  excludeRating?: boolean;
  /** What to tell the rater through the notifications outbox, in the same transaction. */
  notifyRater?: RaterNews;
  /** Further events of the same step (a reopen beside the feedback). */
  extraEvents?: RatingEvent[];
  /** The admins to tell that the rater's "not solved" reopened the follow-up. */
  escalateTo?: string[];
}

/** A rating officer's (or admin's) step, against the version the clerk saw; answered with the follow-up as it now stands. */
async function staffStep(
  { store, caller }: HandlerContext,
  id: string,
  version: number,
  action: RatingAction,
  change: (current: FollowUpRecord) => FollowUpChange,
  at: Date,
  detail: string | null = null,
): Promise<FollowUpView> {
  const scope = ratingScopeOf(caller);
  // Another unit's follow-up is answered like a missing one (before its version is compared, so nothing tells it exists).
  await changeFollowUp(store, id, version, { action, actor: caller.openid as string, at, detail }, change, (current) => ratingInScope(scope, current.departmentId));
  return followUpView(store, id, at, scope);
}

/**
 * Every change to a follow-up, on the one change road (changeRecord): the
 * domain decides, the follow-up is written against the version read, and its
 * events, the rater's notification, the admins' escalation, the rating's
 * exclusion and the figures land in the same transaction. A step the
 * follow-up's state does not allow is INVALID_STATE with the domain's message.
 */
async function changeFollowUp(
  store: Store,
  id: string,
  expectedVersion: number | 'current',
  event: { action: RatingAction; actor: string; at: Date; detail: string | null },
  change: (current: FollowUpRecord) => FollowUpChange,
  visible?: (current: FollowUpRecord) => boolean,
): Promise<Stored<FollowUpRecord>> {
  const { record } = await changeRecord(store, {
    collection: 'followUps',
    id,
    expectedVersion,
    notFound: 'FOLLOW_UP_NOT_FOUND',
    visible,
    decide: (current) => {
      const { patch, delta, excludeRating, notifyRater, extraEvents, escalateTo } = asInvalidState(() => change(current));
      return {
        patch,
        events: [ratingEvent(id, event.action, event.actor, event.at, event.detail), ...(extraEvents ?? [])],
        alongside: async (tx) => {
          if (escalateTo?.length) await enqueueReopenedForAdmins(tx, { ...current, id }, escalateTo, patch.reopen?.feedback.note ?? '', patch.dueDate ?? current.dueDate, event.at);
          if (!notifyRater && !excludeRating && !delta) return;
          const rating = await tx.collection('ratings').get(current.ratingId);
          if (rating && notifyRater) await enqueueRatingNews(tx, rating, notifyRater, event.at);
          if (rating && excludeRating) await tx.collection('ratings').update(rating.id, rating.version, { excluded: true });
          // The figures move in the tally the rating was counted in (verified or not).
          if (delta) await adjustTallies(tx, current, rating ? ratingBasis(rating) : 'verified', delta);
        },
      };
    },
  });
  return record;
}

/** Active admins: an unsolved 差评 is escalated to them. */
async function activeAdmins(store: Store): Promise<string[]> {
  const page = await store.collection('staff').find({ orderBy: [['name', 'asc']], limit: 500 });
  return page.items.filter((s) => s.active && s.roles.includes('admin')).map((s) => s.id);
}

function asInvalidState<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof FollowUpStateError) throw new AppError('INVALID_STATE', error.message);
    throw error;
  }
}
