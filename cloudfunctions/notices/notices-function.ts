import { AppError } from '../../shared/api/errors';
import { rememberedAnswer } from '../_runtime/remembered-answer';
import { formatBeijingDate } from '../../shared/time/beijing-time';
import {
  isVisibleToResidents,
  publishNotice,
  reviseNotice,
  SUMMARY_FIELDS,
  toManageSummary,
  toPublicNotice,
  toSummary,
  withdrawNotice,
} from '../../shared/notices/notice-lifecycle';
import type { Notice } from '../../shared/notices/notice-schema';
import { defineFunction } from '../_runtime/define-function';
import { noticesContract } from '../../shared/notices/notices-contract';
import type { FindOptions, Store, Where } from '../_runtime/store/port';
import { describeChanges, noticeChanges } from '../../shared/notices/notice-changes';
import { noticeReadingHandlers } from './notice-reading';
import { noticeEditingHandlers } from './notice-editing';
import { actorOf, changeNotice, createNotice } from './change-notice';
import { checkLinkedNotices } from './linked-notices';
import { publishedNoticesWhere } from './published-notices';
import { reviewRequired } from '../reviews/review-settings';
import { submitCorrectionForReview, submitNoticeForReview } from '../reviews/notice-review';

export const noticesFunction = defineFunction('notices', noticesContract, {
  async list({ kind, departmentId, cursor, limit }, { store }) {
    // Every resident opening the same list is answered the same, until a notice changes.
    return rememberedAnswer(store, ['notices'], JSON.stringify(['list', kind, departmentId, cursor, limit]), async () => {
      const where = publishedNoticesWhere(kind, departmentId);
      const page = await notices(store).find({ where, orderBy: [['publishedAt', 'desc']], limit, cursor, fields: SUMMARY_FIELDS });
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
    });
  },

  async get({ id }, { store }) {
    const notice = await notices(store).get(id);
    // A withdrawn notice was public: its old link says that it was withdrawn and when (never why, nor
    // what it said), so a resident who kept it is not told it never existed. A draft never was public:
    // it is answered exactly like a missing one.
    if (notice?.status === 'withdrawn') {
      throw new AppError('NOTICE_WITHDRAWN', notice.withdrawnAt ? `该信息已于 ${formatBeijingDate(notice.withdrawnAt)} 撤回，不再公开` : undefined);
    }
    if (!notice || !isVisibleToResidents(notice)) throw new AppError('NOTICE_NOT_FOUND');
    return toPublicNotice(notice);
  },

  async manageList({ status, kind, scheduled, cursor, limit }, { store }) {
    const where: Where = {};
    if (status) where.status = status;
    if (kind) where.kind = kind;
    if (scheduled) where.scheduledAt = { gt: '' }; // 定时发布: the soonest first
    const orderBy: FindOptions['orderBy'] = scheduled ? [['scheduledAt', 'asc']] : [['updatedAt', 'desc']];
    const page = await notices(store).find({ where, orderBy, limit, cursor });
    return { items: page.items.map(toManageSummary), nextCursor: page.nextCursor };
  },

  async manageGet({ id }, { store }) {
    const notice = await notices(store).get(id);
    if (!notice) throw new AppError('NOTICE_NOT_FOUND');
    return notice;
  },

  async save({ id, version, notice: content }, ctx) {
    const department = await ctx.store.collection('departments').get(content.departmentId);
    if (!department) {
      throw new AppError('VALIDATION_FAILED', undefined, { 'notice.departmentId': '请选择有效的发布部门' });
    }
    await checkLinkedNotices(ctx.store, content, id);
    if (id !== undefined && version !== undefined) {
      // 公开审查 (Art. 17): correcting what residents already read waits for a reviewer, where required.
      if ((await notices(ctx.store).get(id))?.status === 'published' && (await reviewRequired(ctx.store, 'notice.correct'))) {
        return submitCorrectionForReview(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, content, department.name);
      }
      return changeNotice(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, 'updated', (current, actor, at) => withoutApprovedSchedule(current, reviseNotice(content, department.name, actor, at)), (current) => {
        const changes = noticeChanges(current, content);
        const dropped = current.scheduleReviewId ? '；经审核的定时发布随之取消，请重新提交审核' : '';
        return { detail: describeChanges(changes) + dropped, changes };
      });
    }
    const actor = actorOf(ctx.caller);
    const at = ctx.now();
    return ctx.store.transaction((tx) => createNotice(tx, content, department.name, actor, at));
  },

  async publish({ id, version }, ctx) {
    // 公开审查 (Art. 17): where the bureau requires it, publishing waits for a reviewer's approval.
    if (await reviewRequired(ctx.store, 'notice.publish')) {
      const actor = actorOf(ctx.caller);
      const at = ctx.now();
      return ctx.store.transaction((tx) => submitNoticeForReview(tx, actor, at, id, version));
    }
    return changeNotice(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, 'published', (current, actor, at) => publishNotice(current, actor, at));
  },

  async withdraw({ id, version, reason }, ctx) {
    return changeNotice(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, 'withdrawn', (current, actor, at) => withdrawNotice(current, reason, actor, at), () => ({ detail: reason }));
  },

  ...noticeReadingHandlers,
  // notices history, scheduled publishing
  ...noticeEditingHandlers,
});

function notices(store: Store) {
  return store.collection('notices');
}

/**
 * An approved schedule (公开审查) was for the content approved: an edit cancels it, so the runner never
 * publishes text nobody reviewed. A schedule set without review stays as it was.
 */
function withoutApprovedSchedule(current: Notice, patch: Partial<Notice>): Partial<Notice> {
  return current.scheduleReviewId ? { ...patch, scheduledAt: undefined, scheduledBy: undefined, scheduleReviewId: undefined } : patch;
}
