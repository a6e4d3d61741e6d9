import { AppError } from '../../shared/api/errors';
import type { noticeEditingContract } from '../../shared/notices/notice-editing-contract';
import { describeSchedule, scheduleNotice, unscheduleNotice } from '../../shared/notices/notice-schedule';
import type { Notice } from '../../shared/notices/notice-schema';
import {
  diffNoticeVersions,
  NOTICE_VERSIONS,
  toVersionSummary,
  VERSION_SUMMARY_FIELDS,
  versionId,
} from '../../shared/notices/notice-versions';
import type { Handlers } from '../_runtime/define-function';
import type { Store } from '../_runtime/store/port';
import { actorOf, changeNotice } from './change-notice';
import { reviewRequired } from '../reviews/review-settings';
import { submitNoticeForReview } from '../reviews/notice-review';

/** Handlers of the editor's history and scheduling actions; spread into noticesFunction. */
export const noticeEditingHandlers: Pick<Handlers<'notices'>, keyof typeof noticeEditingContract> = {
  async versions({ id, cursor, limit }, { store }) {
    await existingNotice(store, id);
    const page = await versions(store).find({
      where: { noticeId: id },
      orderBy: [['noticeVersion', 'desc']],
      limit,
      cursor,
      fields: VERSION_SUMMARY_FIELDS,
    });
    return { items: page.items.map(toVersionSummary), nextCursor: page.nextCursor };
  },

  async versionDetail({ id, version }, { store }) {
    await existingNotice(store, id);
    const record = await versions(store).get(versionId(id, version));
    if (!record) throw new AppError('NOTICE_VERSION_NOT_FOUND');
    const previous = (
      await versions(store).find({ where: { noticeId: id, noticeVersion: { lt: version } }, orderBy: [['noticeVersion', 'desc']], limit: 1 })
    ).items[0];
    return {
      version: { ...toVersionSummary(record), snapshot: record.snapshot },
      previousVersion: previous?.noticeVersion ?? null,
      diff: previous ? diffNoticeVersions(previous.snapshot, record.snapshot) : null,
    };
  },

  async schedule({ id, version, publishAt }, ctx) {
    const when = new Date(publishAt);
    // 公开审查 (Art. 17): a schedule would publish without anyone present, so it is approved before it is set.
    if (await reviewRequired(ctx.store, 'notice.publish')) {
      const actor = actorOf(ctx.caller);
      const at = ctx.now();
      return ctx.store.transaction((tx) => submitNoticeForReview(tx, actor, at, id, version, when));
    }
    return changeNotice(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, 'scheduled', (current, actor, at) => scheduleNotice(current, when, actor, at), () => ({
      detail: describeSchedule(when.toISOString()),
    }));
  },

  async unschedule({ id, version }, ctx) {
    return changeNotice(ctx.store, actorOf(ctx.caller), ctx.now(), id, version, 'unscheduled', (current, actor, at) => unscheduleNotice(current, actor, at));
  },
};

async function existingNotice(store: Store, id: string): Promise<Notice> {
  const notice = await store.collection('notices').get(id);
  if (!notice) throw new AppError('NOTICE_NOT_FOUND');
  return notice;
}

function versions(store: Store) {
  return store.collection(NOTICE_VERSIONS);
}
