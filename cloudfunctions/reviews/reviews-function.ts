import { AppError } from '../../shared/api/errors';
import { reviewSummaryOf, type ReviewEvent, type ReviewItem, type ReviewRecord } from '../../shared/reviews/review-kinds';
import type { Caller } from '../../shared/staff/roles';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { reviewsContract } from '../../shared/reviews/reviews-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored, Transaction, Where } from '../_runtime/store/port';
import { loadReviewSettings, saveReviewSettings } from './review-settings';
import { carryOutNoticeCorrection, carryOutNoticePublication, withCorrectionNote } from './notice-review';
import { tellAuthorOfSendBack } from './send-back-message';
import { reviewDepartmentsToList, reviewInScope, reviewScopeOf } from '../../shared/reviews/review-scope';

/**
 * Function `reviews`: 公开审查 (条例 Art. 17). An act that needs review waits here as an item
 * holding the exact text that will go out; a reviewer other than its author approves it (and it
 * takes effect in the same transaction) or sends it back with a comment. Both names go on the
 * record (the review's events and the notice's publishing event), never on what residents see.
 */
export const reviewsFunction = defineFunction('reviews', reviewsContract, {
  async queue({ status, othersOnly, cursor, limit }, { store, caller }) {
    // A reviewer scoped to departments sees theirs only (review-scope.ts).
    const departments = reviewDepartmentsToList(reviewScopeOf(caller));
    if (departments?.length === 0) return { items: [], nextCursor: null };
    const where: Where = departments ? { status, departmentId: { in: departments } } : { status };
    // The same question as 我的待办's count of what waits for this reviewer.
    if (othersOnly) where.authorOpenid = { ne: caller.openid as string };
    const page = await store.collection('reviews').find({ where, orderBy: [['submittedAt', 'asc']], limit, cursor });
    // Titles only: each letter's text is read on its own page (reviews.get), which is audited.
    return { items: page.items.map((r) => reviewSummaryOf(toItem(r))), nextCursor: page.nextCursor };
  },

  async get({ id }, { store, caller }) {
    const review = await store.collection('reviews').get(id);
    // Out of the caller's sight (another author's item, another department's) it answers like a missing one.
    if (!review || !maySee(caller, review)) throw new AppError('REVIEW_NOT_FOUND');
    return toItem(await withCorrectionNote(store, review));
  },

  async forSubject({ subjectId }, { store, caller }) {
    // The editor's page asks this to show 已提交审核 or the send-back comment: the latest item only.
    const latest = (await store.collection('reviews').find({ where: { subjectId }, orderBy: [['submittedAt', 'desc'], ['subjectVersion', 'desc']], limit: 1 })).items[0];
    if (!latest || !maySee(caller, latest)) return null;
    return reviewSummaryOf(toItem(latest));
  },

  async approve({ id, version }, ctx) {
    // What approval carries out is read first: a request's letter needs the calendar and templates,
    // read before the transaction as every request change reads them.
    const carryOut = await carryingOut(ctx, await ctx.store.collection('reviews').get(id));
    return decidePending(ctx, id, version, (current, reviewerName, at) => {
      if (current.authorOpenid === ctx.caller.openid) throw new AppError('SELF_REVIEW');
      return { status: 'approved', outcome: '审核通过', alongside: (tx) => carryOut(tx, current, reviewerName, at) };
    });
  },

  async sendBack({ id, version, comment }, ctx) {
    return decidePending(ctx, id, version, (current, reviewerName, at) => ({
      status: 'sentBack',
      outcome: `退回：${comment}`,
      comment,
      // The author hears at once, in the same transaction as the decision (消息 and 我的待办).
      alongside: (tx) => tellAuthorOfSendBack(tx, current, reviewerName, comment, at),
    }));
  },

  async settings(_input, { store }) {
    return loadReviewSettings(store);
  },

  async saveSettings({ version, required }, ctx) {
    return saveReviewSettings(ctx.store, ctx.caller.openid as string, ctx.now(), version, required);
  },
});

type Decision = {
  status: 'approved' | 'sentBack';
  /** How the event's detail ends, after both names. */
  outcome: string;
  comment?: string;
  alongside?: (tx: Transaction) => Promise<void>;
};

/** The one road for a reviewer's decision on a pending item: both names and the time on the item and its event. */
async function decidePending(ctx: HandlerContext, id: string, version: number, decide: (current: Stored<ReviewRecord>, reviewerName: string, at: Date) => Decision): Promise<ReviewItem> {
  const reviewer = ctx.caller.openid as string;
  const reviewerName = ctx.caller.staff?.name ?? '';
  const at = ctx.now();
  const { record } = await changeRecord(ctx.store, {
    collection: 'reviews',
    id,
    expectedVersion: version,
    notFound: 'REVIEW_NOT_FOUND',
    decide: (current) => {
      // Another department's item is not this reviewer's to decide, nor to learn of.
      if (!reviewInScope(reviewScopeOf(ctx.caller), current)) throw new AppError('REVIEW_NOT_FOUND');
      if (current.status !== 'pending') throw new AppError('INVALID_STATE', '该事项已审核过');
      const { status, outcome, comment, alongside } = decide(current, reviewerName, at);
      return {
        patch: { status, reviewerOpenid: reviewer, reviewerName, decidedAt: at.toISOString(), ...(comment === undefined ? {} : { comment }) },
        events: [reviewEvent(id, status, reviewer, at, `提交人：${current.authorName}；审核人：${reviewerName}；${outcome}`)],
        alongside,
      };
    },
  });
  return toItem(record);
}

type CarryOut = (tx: Transaction, review: Stored<ReviewRecord>, reviewerName: string, at: Date) => Promise<void>;

/** The act an approval carries out, in the same transaction, in the author's name. */
async function carryingOut(ctx: HandlerContext, review: Stored<ReviewRecord> | null): Promise<CarryOut> {
  switch (review?.kind) {
    case 'request.reply':
    case 'request.close':
    case 'request.extend': {
      // The request machine loads when a request's reply, closing or extension is approved, not at every
      // start: the queue, a notice's review and the settings start without it.
      const { carryOutRequestReview, loadRequestReviewInputs } = await import('./request-review');
      const inputs = await loadRequestReviewInputs(ctx.store);
      return (tx, current, reviewerName, at) => carryOutRequestReview(tx, current, reviewerName, at, inputs, ctx.log);
    }
    case 'notice.correct':
      return carryOutNoticeCorrection;
    default:
      return carryOutNoticePublication;
  }
}

/** An author sees their own items; a reviewer (or admin) those within their departments. */
function maySee(caller: Caller, review: Stored<ReviewRecord>): boolean {
  return review.authorOpenid === caller.openid || (isReviewer(caller) && reviewInScope(reviewScopeOf(caller), review));
}

function isReviewer(caller: Caller): boolean {
  const roles = caller.staff?.roles ?? [];
  return roles.includes('reviewer') || roles.includes('admin');
}

function toItem(review: Stored<ReviewRecord>): ReviewItem {
  return { ...review };
}

function reviewEvent(subjectId: string, action: ReviewEvent['action'], actor: string, at: Date, detail: string): ReviewEvent {
  return { subjectType: 'review', subjectId, action, actor, at: at.toISOString(), detail };
}
