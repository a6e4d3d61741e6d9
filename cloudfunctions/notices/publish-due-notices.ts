import { AppError } from '../../shared/api/errors';
import { publishNotice } from '../../shared/notices/notice-lifecycle';
import { describeScheduledPublish, isDue, unscheduleNotice } from '../../shared/notices/notice-schedule';
import { reviewRequired } from '../reviews/review-settings';
import { VersionConflictError, type Store } from '../_runtime/store/port';
import { changeNotice } from './change-notice';

/**
 * Scheduled publishing's runner: publishes every notice whose time has come,
 * exactly as `notices.publish` does (the same lifecycle rule, the `published`
 * event, the version kept and the subscribers' outbox row, in one
 * transaction), in the name of the staff member who set the schedule.
 *
 * One step of the dispatcher (dispatch-once.ts): every second in the local
 * cloud, on CloudBase each minute by the `deliveries` timer trigger. Two
 * runners at once publish a notice once: each writes against the version it
 * found, and the second is refused (VERSION_CONFLICT) and moves on. Answers
 * how many it published.
 */
export const DUE_BATCH = 20;
export const SCHEDULED_PUBLISHER_NAME = '定时发布';
export const UNREVIEWED_SCHEDULE = '定时发布未经审核，已取消；请提交审核，审核通过后发布';

export async function publishDueNotices(store: Store, now: Date, limit = DUE_BATCH): Promise<number> {
  const due = await store.collection('notices').find({
    where: { scheduledAt: { lte: now.toISOString() } },
    orderBy: [['scheduledAt', 'asc']],
    limit,
  });
  let published = 0;
  const reviewed = due.items.length > 0 && (await reviewRequired(store, 'notice.publish'));
  for (const notice of due.items) {
    if (!isDue(notice, now)) continue;
    const setBy = notice.scheduledBy ?? notice.updatedBy;
    const staff = await store.collection('staff').get(setBy);
    const actor = { openid: setBy, name: staff?.name ? `${staff.name}（${SCHEDULED_PUBLISHER_NAME}）` : SCHEDULED_PUBLISHER_NAME };
    try {
      // 公开审查 (Art. 17): a schedule set before review was required, never approved, does not publish;
      // it is cancelled, on the record, and the editor submits the notice for review.
      if (reviewed && !notice.scheduleReviewId) {
        await changeNotice(store, actor, now, notice.id, notice.version, 'unscheduled', (current, by, at) => unscheduleNotice(current, by, at), () => ({ detail: UNREVIEWED_SCHEDULE }));
        continue;
      }
      await changeNotice(store, actor, now, notice.id, notice.version, 'published', (current, by, at) => publishNotice(current, by, at), (current) => ({
        detail: describeScheduledPublish(current),
      }));
      published += 1;
    } catch (error) {
      // Another runner published it first, or staff changed it since it was read: the next step sees it afresh.
      if (error instanceof VersionConflictError || error instanceof AppError) continue;
      throw error;
    }
  }
  return published;
}
