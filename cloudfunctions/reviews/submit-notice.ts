import { AppError } from '../../shared/api/errors';
import { publishNotice } from '../../shared/notices/notice-lifecycle';
import type { ReviewEvent, ReviewRecord } from '../../shared/reviews/review-kinds';
import type { PendingReview } from '../../shared/reviews/reviews-contract';
import type { NoticeActor } from '../notices/change-notice';
import { DuplicateIdError, VersionConflictError, type Transaction } from '../_runtime/store/port';

/**
 * `notices.publish` where the bureau requires review: nothing changes on the notice; a review item
 * freezes the text that will go out and the version it was read at. The same checks as publishing
 * run first (a stale page, a notice that cannot be published), so the reviewer is never asked to
 * approve something that would then be refused.
 */
export async function submitNoticeForReview(tx: Transaction, actor: NoticeActor, at: Date, id: string, version: number): Promise<PendingReview> {
  const notice = await tx.collection('notices').get(id);
  if (!notice) throw new AppError('NOTICE_NOT_FOUND');
  if (notice.version !== version) throw new VersionConflictError('notices', id);
  publishNotice(notice, actor.openid, at); // refuses, like publishing would, a notice in a state that cannot be published
  const record: ReviewRecord = {
    kind: 'notice.publish',
    subjectId: id,
    subjectVersion: notice.version,
    status: 'pending',
    authorOpenid: actor.openid,
    authorName: actor.name,
    submittedAt: at.toISOString(),
    text: { title: notice.title, body: notice.body },
    reviewerOpenid: null,
    reviewerName: null,
    decidedAt: null,
    comment: null,
  };
  // One review per version of the notice: submitting the same version twice is refused by the
  // store itself (the id is taken); after a send-back the author saves a corrected version first.
  const created = await tx.collection('reviews').insert({ ...record, id: `${id}-v${notice.version}` }).catch((error: unknown) => {
    throw error instanceof DuplicateIdError ? new AppError('INVALID_STATE', '这一版本已提交过审核，请修改后再提交') : error;
  });
  const event: ReviewEvent = { subjectType: 'review', subjectId: created.id, action: 'submitted', actor: actor.openid, at: at.toISOString(), detail: `发布公开信息《${notice.title}》` };
  await tx.collection('events').insert(event);
  return { pendingReview: true, reviewId: created.id };
}
