import { AppError } from '../../shared/api/errors';
import { describeChanges, noticeChanges } from '../../shared/notices/notice-changes';
import { describeCorrection } from '../../shared/notices/notice-corrections';
import { publishNotice, reviseNotice } from '../../shared/notices/notice-lifecycle';
import { describeSchedule, scheduleNotice } from '../../shared/notices/notice-schedule';
import type { Attachment, Notice, NoticeContent } from '../../shared/notices/notice-schema';
import { diffNoticeVersions } from '../../shared/notices/notice-versions';
import type { CorrectionDiff, ReviewEvent, ReviewPayload, ReviewRecord } from '../../shared/reviews/review-kinds';
import type { PendingReview } from '../../shared/reviews/reviews-contract';
import { changeNoticeIn, type NoticeActor } from '../notices/change-notice';
import { DuplicateIdError, VersionConflictError, type Store, type Stored, type Transaction } from '../_runtime/store/port';

/**
 * 公开审查 of notices (条例 Art. 17). Publishing (now or at a set time) and correcting a published
 * notice wait, where the bureau requires it, as an item freezing what will go out and the version it
 * was read at; nothing changes on the notice until another reviewer approves. The same checks as the
 * act itself run first (a stale page, a notice that cannot be published), so a reviewer is never
 * asked to approve something that would then be refused.
 */

/** `notices.publish`, or `notices.schedule` with `publishAt` (定时发布 is approved before it is set). */
export async function submitNoticeForReview(tx: Transaction, actor: NoticeActor, at: Date, id: string, version: number, publishAt?: Date): Promise<PendingReview> {
  const notice = await currentNotice(tx, id, version);
  // Refuses, like the act would, a notice in a state that cannot be published, or a time in the past.
  if (publishAt) scheduleNotice(notice, publishAt, actor.openid, at);
  else publishNotice(notice, actor.openid, at);
  const schedule = publishAt ? `，${describeSchedule(publishAt.toISOString())}` : '';
  // One review per version of the notice: submitting the same version twice is refused by the store
  // itself (the id is taken); after a send-back the author saves a corrected version first.
  return insertReview(tx, notice, `${notice.id}-v${notice.version}`, {
    kind: 'notice.publish',
    actor,
    at,
    text: { title: notice.title, body: notice.body },
    departmentId: notice.departmentId,
    detail: `发布公开信息《${notice.title}》${schedule}`,
    ...(publishAt ? { payload: { type: 'schedule', publishAt: publishAt.toISOString() } } : {}),
  });
}

/**
 * `notices.save` of a published notice: the correction waits, the published text stays as residents
 * read it, and the item holds the corrected text with the exact change (title, summary and body line
 * by line, attachments added and removed, other fields by name).
 */
export async function submitCorrectionForReview(
  store: Store,
  actor: NoticeActor,
  at: Date,
  id: string,
  version: number,
  content: NoticeContent,
  departmentName: string,
): Promise<PendingReview> {
  const reviews = store.collection('reviews');
  const [pending, earlier] = await Promise.all([reviews.count({ subjectId: id, status: 'pending' }), reviews.count({ subjectId: id })]);
  return store.transaction(async (tx) => {
    const notice = await currentNotice(tx, id, version);
    if (notice.status !== 'published') throw new AppError('INVALID_STATE', '只有已发布的信息需要更正审核');
    if (pending > 0) throw new AppError('INVALID_STATE', '该信息已有更正在审核中，审核后再修改');
    const changes = noticeChanges(notice, content);
    if (changes.fields.length === 0) throw new AppError('INVALID_STATE', '内容未修改，无需提交更正');
    const revised = { ...notice, ...reviseNotice(content, departmentName, actor.openid, at) } as Notice;
    // The published version stays the same while corrections are sent back and submitted again: each is numbered.
    return insertReview(tx, notice, `${notice.id}-v${notice.version}-c${earlier + 1}`, {
      kind: 'notice.correct',
      actor,
      at,
      text: { title: content.title, body: content.body },
      // The department the corrected notice is published under reviews it.
      departmentId: content.departmentId,
      detail: `更正已发布信息《${notice.title}》：${describeChanges(changes)}`,
      payload: { type: 'noticeCorrection', content, departmentName },
      diff: correctionDiff(notice, revised),
      correctionNote: describeCorrection(notice, revised),
    });
  });
}

/** Approval of `notice.publish`: published now, or scheduled for the time approved (published at once if that time passed during review). */
export async function carryOutNoticePublication(tx: Transaction, review: Stored<ReviewRecord>, reviewerName: string, at: Date): Promise<void> {
  const actor = { openid: review.authorOpenid, name: review.authorName };
  const publishAt = review.payload?.type === 'schedule' ? new Date(review.payload.publishAt) : null;
  const base = { actor, at, id: review.subjectId, version: review.subjectVersion };
  if (publishAt && publishAt.getTime() > at.getTime()) {
    await changeNoticeIn(tx, {
      ...base,
      action: 'scheduled',
      // The runner publishes a schedule only with its approval on it, and an edit takes the approval away.
      change: (notice, by, when) => ({ ...scheduleNotice(notice, publishAt, by, when), scheduleReviewId: review.id }),
      describe: () => ({ detail: `${describeSchedule(publishAt.toISOString())}；经${reviewerName}审核` }),
    });
    return;
  }
  const late = publishAt ? '；设定的发布时间已在审核期间过去，审核通过即发布' : '';
  await changeNoticeIn(tx, { ...base, action: 'published', change: (notice, by, when) => publishNotice(notice, by, when), describe: () => ({ detail: `经${reviewerName}审核${late}` }) });
}

/** Approval of `notice.correct`: the corrected content replaces the published one, on exactly the version reviewed. */
export async function carryOutNoticeCorrection(tx: Transaction, review: Stored<ReviewRecord>, reviewerName: string, at: Date): Promise<void> {
  if (review.payload?.type !== 'noticeCorrection') throw new Error(`review ${review.id} carries no correction`);
  const { content, departmentName } = review.payload;
  await changeNoticeIn(tx, {
    actor: { openid: review.authorOpenid, name: review.authorName },
    at,
    id: review.subjectId,
    version: review.subjectVersion,
    action: 'updated',
    change: (_notice, by, when) => reviseNotice(content, departmentName, by, when),
    describe: (current) => {
      const changes = noticeChanges(current, content);
      return { detail: `${describeChanges(changes)}；经${reviewerName}审核`, changes };
    },
  });
}

/**
 * A correction submitted before its sentence was frozen with it: the sentence is worked out from the
 * notice as long as the notice is still the version reviewed (afterwards the correction has gone out,
 * or the item is stale, and there is nothing to approve).
 */
export async function withCorrectionNote(store: Store, review: Stored<ReviewRecord>): Promise<Stored<ReviewRecord>> {
  if (review.kind !== 'notice.correct' || review.correctionNote || review.payload?.type !== 'noticeCorrection') return review;
  const notice = await store.collection('notices').get(review.subjectId);
  if (!notice || notice.version !== review.subjectVersion) return review;
  const note = describeCorrection(notice, review.payload.content);
  return note ? { ...review, correctionNote: note } : review;
}

/** The exact change a correction makes, as the reviewer reads it. */
export function correctionDiff(before: Notice, after: Notice): CorrectionDiff {
  const key = (a: Attachment) => JSON.stringify([a.name, a.url]);
  const had = new Set(before.attachments.map(key));
  const has = new Set(after.attachments.map(key));
  return {
    ...diffNoticeVersions(before, after),
    attachments: { added: after.attachments.filter((a) => !had.has(key(a))), removed: before.attachments.filter((a) => !has.has(key(a))) },
  };
}

async function currentNotice(tx: Transaction, id: string, version: number): Promise<Stored<Notice>> {
  const notice = await tx.collection('notices').get(id);
  if (!notice) throw new AppError('NOTICE_NOT_FOUND');
  if (notice.version !== version) throw new VersionConflictError('notices', id);
  return notice;
}

interface Submission {
  kind: 'notice.publish' | 'notice.correct';
  actor: NoticeActor;
  at: Date;
  text: { title: string; body: string };
  departmentId: string;
  detail: string;
  payload?: ReviewPayload;
  diff?: CorrectionDiff;
  correctionNote?: string;
}

async function insertReview(tx: Transaction, notice: Stored<Notice>, id: string, { kind, actor, at, text, departmentId, detail, payload, diff, correctionNote }: Submission): Promise<PendingReview> {
  const record: ReviewRecord = {
    kind,
    subjectId: notice.id,
    subjectVersion: notice.version,
    status: 'pending',
    authorOpenid: actor.openid,
    authorName: actor.name,
    submittedAt: at.toISOString(),
    text,
    reviewerOpenid: null,
    reviewerName: null,
    decidedAt: null,
    comment: null,
    departmentId,
    ...(payload ? { payload } : {}),
    ...(diff ? { diff } : {}),
    ...(correctionNote ? { correctionNote } : {}),
  };
  const created = await tx.collection('reviews').insert({ ...record, id }).catch((error: unknown) => {
    throw error instanceof DuplicateIdError ? new AppError('INVALID_STATE', '这一版本已提交过审核，请修改后再提交') : error;
  });
  const event: ReviewEvent = { subjectType: 'review', subjectId: created.id, action: 'submitted', actor: actor.openid, at: at.toISOString(), detail };
  await tx.collection('events').insert(event);
  return { pendingReview: true, reviewId: created.id };
}
