import { AppError } from '../../shared/api/errors';
import {
  assertOpenForComments,
  commentEvent,
  MAX_COMMENTS_PER_RESIDENT,
  moderateComment,
  newComment,
  toManagedComment,
  toOwnComment,
  toPublicComment,
} from '../../shared/notices/notice-comments';
import type { noticeReadingContract } from '../../shared/notices/notice-reading-contract';
import type { Notice } from '../../shared/notices/notice-schema';
import { highlightsOf, searchTerms } from '../../shared/notices/notice-search';
import { screenText } from '../_runtime/content-screening';
import type { Handlers } from '../_runtime/define-function';
import type { Store } from '../_runtime/store/port';
import { noticeViewHandlers } from './notice-views';
import { insertInFreeSlot } from './comment-slots';
import { changeRecord } from '../_runtime/change-record';

/** Handlers of the notices function's reading actions (search, opinions); spread into noticesFunction. */
export const noticeReadingHandlers: Pick<Handlers<'notices'>, keyof typeof noticeReadingContract> = {
  async search({ q, kind, departmentId, order, cursor, limit }, { search }) {
    const terms = searchTerms(q);
    const page = await search.search({ terms, kind, departmentId, order, cursor, limit });
    return {
      items: page.items.map(({ summary, texts }) => ({ ...summary, highlights: highlightsOf(texts, terms) })),
      nextCursor: page.nextCursor,
    };
  },

  async comment({ id, text }, ctx) {
    const author = ctx.caller.openid as string;
    const at = ctx.now();
    const notice = await ctx.store.collection('notices').get(id);
    if (!notice) throw new AppError('NOTICE_NOT_FOUND');
    assertOpenForComments(notice, at);
    const mine = await comments(ctx.store).count({ noticeId: id, author });
    if (mine >= MAX_COMMENTS_PER_RESIDENT) throw new AppError('COMMENT_LIMIT_REACHED');
    const screening = await screenText(text, ctx);
    const flagged = screening.pass ? null : screening.reason;
    // The count above spares the screening call for a resident already at the limit; the slots enforce it.
    return toOwnComment(await insertInFreeSlot(ctx.store, newComment(id, author, text, flagged, at)));
  },

  async comments({ id, cursor, limit }, { store }) {
    await visibleConsultation(store, id);
    const page = await comments(store).find({ where: { noticeId: id, status: 'published' }, orderBy: [['publishedAt', 'desc']], limit, cursor });
    return { items: page.items.map(toPublicComment), nextCursor: page.nextCursor };
  },

  async myComments({ id }, { store, caller }) {
    await visibleConsultation(store, id);
    const page = await comments(store).find({
      where: { noticeId: id, author: caller.openid as string },
      orderBy: [['createdAt', 'desc']],
      limit: MAX_COMMENTS_PER_RESIDENT,
    });
    return page.items.map(toOwnComment);
  },

  async manageComments({ id, status, cursor, limit }, { store }) {
    const notice = await store.collection('notices').get(id);
    if (!notice) throw new AppError('NOTICE_NOT_FOUND');
    const page = await comments(store).find({
      where: status ? { noticeId: id, status } : { noticeId: id },
      orderBy: [['createdAt', 'desc']],
      limit,
      cursor,
    });
    return { items: page.items.map(toManagedComment), nextCursor: page.nextCursor };
  },

  async moderateComment({ commentId, version, decision, reply }, ctx) {
    const actor = ctx.caller.openid as string;
    const at = ctx.now();
    const { record } = await changeRecord(ctx.store, {
      collection: 'noticeComments',
      id: commentId,
      expectedVersion: version,
      notFound: 'COMMENT_NOT_FOUND',
      decide: (current) => ({
        patch: moderateComment(current, decision, reply, actor, at),
        events: [commentEvent(commentId, decision === 'publish' ? 'published' : 'hidden', actor, at, reply ?? null)],
      }),
    });
    return toManagedComment(record);
  },

  ...noticeViewHandlers,
};

function comments(store: Store) {
  return store.collection('noticeComments');
}

/** Opinions are public only on a published consultation; anything else answers as missing. */
async function visibleConsultation(store: Store, id: string): Promise<Notice> {
  const notice = await store.collection('notices').get(id);
  if (!notice || notice.status !== 'published' || notice.kind !== 'consultation') throw new AppError('NOTICE_NOT_FOUND');
  return notice;
}
