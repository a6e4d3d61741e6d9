import { AppError } from '../../shared/api/errors';
import {
  appealFollowUp,
  closeFollowUp,
  decideAppeal,
  FollowUpStateError,
  recordFeedback,
  respondToFollowUp,
  type FollowUpRecord,
} from '../../shared/ratings/follow-up';
import { ratingEvent, type RatingAction } from '../../shared/ratings/rating-events';
import { answeredTallyDelta, upheldAppealTallyDelta } from '../../shared/ratings/rating-submission';
import { toMyRating } from '../../shared/ratings/rating-views';
import type { FollowUpView } from '../../shared/ratings/ratings-types';
import { ratingBasis, type TallyDelta } from '../../shared/ratings/satisfaction';
import { changeRecord } from '../_runtime/change-record';
import type { Handlers } from '../_runtime/define-function';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Store, Stored } from '../_runtime/store/port';
import { enqueueRatingAnswered } from './rating-notifications';
import { followUpView } from './ratings-reading';
import { adjustTallies } from './tallies';

type FollowUpAction = 'feedback' | 'respond' | 'close' | 'appeal' | 'decideAppeal';

/** Handlers of every step of a 差评's follow-up (the resident's feedback and the staff's steps); spread into ratingsFunction. */
export const ratingFollowUpHandlers: Pick<Handlers<'ratings'>, FollowUpAction> = {
  async feedback({ ratingId, solved, note }, { store, caller, now }) {
    const at = now();
    const rater = caller.openid as string;
    const rating = await store.collection('ratings').get(ratingId);
    // Someone else's rating is answered exactly like a missing one.
    if (!rating || rating.raterOpenid !== rater) throw new AppError('RATING_NOT_FOUND');
    // The resident has no version in hand: the feedback is decided on the follow-up as it is now.
    const followUp = await changeFollowUp(store, ratingId, 'current', { action: 'residentFeedback', actor: rater, at, detail: solved ? '已解决' : '未解决' }, (current) => ({
      patch: recordFeedback(current, solved, note, at),
    }));
    return toMyRating(rating, followUp);
  },

  async respond({ id, version, answer, contactMethod, contactNote, finding, rectification, planDueDate }, ctx) {
    return staffStep(ctx, id, version, 'responded', (current, at) => {
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
      return { patch, delta: answeredTallyDelta(patch.answeredOnTime), notifyRater: answer };
    });
  },

  async close({ id, version, note }, ctx) {
    return staffStep(ctx, id, version, 'closed', (current, at) => ({ patch: closeFollowUp(current, note, ctx.caller.openid as string, at) }));
  },

  async appeal({ id, version, reason }, ctx) {
    return staffStep(ctx, id, version, 'appealed', (current, at) => ({
      patch: appealFollowUp(current, reason, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at),
    }), reason);
  },

  async decideAppeal({ id, version, upheld, note }, ctx) {
    return staffStep(ctx, id, version, upheld ? 'appealUpheld' : 'appealRejected', (current, at) => {
      const patch = decideAppeal(current, upheld, note, ctx.caller.openid as string, ctx.caller.staff?.name ?? '', at);
      // An untrue 差评 stops counting: the rating is marked and everything it added to the figures taken back.
      return upheld ? { patch, excludeRating: true, delta: upheldAppealTallyDelta(current) } : { patch };
    }, note);
  },
};

/** What one step decides: the follow-up's patch and what else it changes in the same transaction. */
interface FollowUpChange {
  patch: Partial<FollowUpRecord>;
  delta?: TallyDelta;
  excludeRating?: boolean;
  /** The answer to tell the rater through the notifications outbox, in the same transaction. */
  notifyRater?: string;
}

/** A rating officer's (or admin's) step, against the version the clerk saw; answered with the follow-up as it now stands. */
async function staffStep(
  { store, caller, now }: HandlerContext,
  id: string,
  version: number,
  action: RatingAction,
  change: (current: FollowUpRecord, at: Date) => FollowUpChange,
  detail: string | null = null,
): Promise<FollowUpView> {
  const at = now();
  await changeFollowUp(store, id, version, { action, actor: caller.openid as string, at, detail }, (current) => change(current, at));
  return followUpView(store, id, at);
}

/**
 * Every change to a follow-up, on the one change road (changeRecord): the
 * domain decides, the follow-up is written against the version read, and its
 * event, the rater's notification, the rating's exclusion and the figures land
 * in the same transaction. A step the follow-up's state does not allow is
 * INVALID_STATE with the domain's message.
 */
async function changeFollowUp(
  store: Store,
  id: string,
  expectedVersion: number | 'current',
  event: { action: RatingAction; actor: string; at: Date; detail: string | null },
  change: (current: FollowUpRecord) => FollowUpChange,
): Promise<Stored<FollowUpRecord>> {
  const { record } = await changeRecord(store, {
    collection: 'followUps',
    id,
    expectedVersion,
    notFound: 'FOLLOW_UP_NOT_FOUND',
    decide: (current) => {
      const { patch, delta, excludeRating, notifyRater } = asInvalidState(() => change(current));
      return {
        patch,
        events: [ratingEvent(id, event.action, event.actor, event.at, event.detail)],
        alongside: async (tx) => {
          if (!notifyRater && !excludeRating && !delta) return;
          const rating = await tx.collection('ratings').get(current.ratingId);
          if (rating && notifyRater) await enqueueRatingAnswered(tx, rating, notifyRater, event.at);
          if (rating && excludeRating) await tx.collection('ratings').update(rating.id, rating.version, { excluded: true });
          // The figures move in the tally the rating was counted in (verified or not).
          if (delta) await adjustTallies(tx, current, rating ? ratingBasis(rating) : 'verified', delta);
        },
      };
    },
  });
  return record;
}

function asInvalidState<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof FollowUpStateError) throw new AppError('INVALID_STATE', error.message);
    throw error;
  }
}
