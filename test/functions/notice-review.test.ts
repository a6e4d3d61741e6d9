import { publishDueNotices, UNREVIEWED_SCHEDULE } from '../../cloudfunctions/notices/publish-due-notices';
import { ok, SEED_TIME, type CloudHarness } from '../support/cloud-harness';
import { announcement, pdfAttachment as pdf } from '../support/factories';
import { REVIEWER as reviewer, reviewSuite } from '../support/review-suite';

/**
 * 公开审查 (条例 Art. 17) of correcting a published notice and of scheduled publishing, over real
 * SQLite with the bureau's defaults: a correction reaches residents only once another reviewer has
 * approved the exact change; a schedule publishes only what a reviewer approved.
 */
let cloud: CloudHarness;
const { call, approve, sendBack, requireReview } = reviewSuite((c) => (cloud = c), 'test');

const editor = 'demo-editor';

async function published(content = announcement({ title: '停水通知', body: '第一行\n第二行', attachments: [pdf('旧附件.pdf')] })) {
  const draft = ok(await call(editor, 'notices', 'save', { notice: content }));
  await approve(ok(await call(editor, 'notices', 'publish', { id: draft.id, version: draft.version })).reviewId);
  return (await cloud.store.collection('notices').get(draft.id))!;
}

test('correcting a published notice waits for review with the exact change; residents read the old text until approval', async () => {
  const notice = await published();
  const corrected = announcement({ title: '停水通知（更正）', body: '第一行\n第二行改', attachments: [pdf('新附件.pdf')] });
  const answer = ok(await call(editor, 'notices', 'save', { id: notice.id, version: notice.version, notice: corrected }));
  expect(answer).toEqual({ pendingReview: true, reviewId: expect.any(String) });
  expect(ok(await call('resident-a', 'notices', 'get', { id: notice.id }))).toMatchObject({ title: '停水通知', body: '第一行\n第二行' });
  expect((await cloud.store.collection('notices').get(notice.id))!.version).toBe(notice.version);

  const item = ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId }));
  expect(item).toMatchObject({ kind: 'notice.correct', subjectId: notice.id, authorName: '王芳', text: { title: '停水通知（更正）', body: '第一行\n第二行改' } });
  expect(item.diff.title).toEqual([{ op: 'same', text: '停水通知' }, { op: 'added', text: '（更正）' }]);
  expect(item.diff.body).toEqual([{ op: 'same', text: '第一行' }, expect.objectContaining({ op: 'removed', text: '第二行' }), expect.objectContaining({ op: 'added', text: '第二行改' })]);
  expect(item.diff.attachments).toEqual({ added: [pdf('新附件.pdf')], removed: [pdf('旧附件.pdf')] });
  expect(item.diff.otherFields).toEqual(['附件']);
  // The author cannot approve it; nothing unchanged is submitted.
  expect(await call(editor, 'reviews', 'approve', { id: item.id, version: item.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await call(editor, 'notices', 'save', { id: notice.id, version: notice.version, notice: announcement({ title: '停水通知', body: '第一行\n第二行', attachments: [pdf('旧附件.pdf')] }) })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

  await approve(answer.reviewId);
  expect(ok(await call('resident-a', 'notices', 'get', { id: notice.id }))).toMatchObject({ title: '停水通知（更正）', body: '第一行\n第二行改', attachments: [pdf('新附件.pdf')] });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: notice.id }, orderBy: [['at', 'asc']], limit: 20 })).items;
  expect(events.at(-1)).toMatchObject({ action: 'updated', actor: editor, detail: expect.stringContaining('经孙静审核') });
  // A draft is edited freely: only what residents already read is corrected under review.
  const draft = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '草稿' }) }));
  expect(ok(await call(editor, 'notices', 'save', { id: draft.id, version: draft.version, notice: announcement({ title: '草稿改' }) }))).toMatchObject({ title: '草稿改' });
});

test('sent back, the correction never reaches residents; the editor corrects again as a new item', async () => {
  const notice = await published();
  const answer = ok(await call(editor, 'notices', 'save', { id: notice.id, version: notice.version, notice: announcement({ title: '停水通知（错）', body: '第一行\n第二行', attachments: [pdf('旧附件.pdf')] }) }));
  await sendBack(answer.reviewId, '标题不应加“错”字。');
  expect(ok(await call(editor, 'reviews', 'get', { id: answer.reviewId }))).toMatchObject({ status: 'sentBack', comment: '标题不应加“错”字。' });
  expect(ok(await call('resident-a', 'notices', 'get', { id: notice.id })).title).toBe('停水通知');
  const again = ok(await call(editor, 'notices', 'save', { id: notice.id, version: notice.version, notice: announcement({ title: '停水通知（延长）', body: '第一行\n第二行', attachments: [pdf('旧附件.pdf')] }) }));
  expect(again.reviewId).not.toBe(answer.reviewId);
  // One correction waits at a time.
  expect(await call(editor, 'notices', 'save', { id: notice.id, version: notice.version, notice: announcement({ title: '停水通知（再改）' }) })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  await approve(again.reviewId);
  expect(ok(await call('resident-a', 'notices', 'get', { id: notice.id })).title).toBe('停水通知（延长）');
});

const publishAt = '2026-11-26T09:00:00+08:00';
const atTheTime = new Date('2026-11-26T01:00:00Z');

test('a schedule is approved before it is set; the runner publishes it then, and an edit since takes the approval away', async () => {
  const draft = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '定时通知' }) }));
  const answer = ok(await call(editor, 'notices', 'schedule', { id: draft.id, version: draft.version, publishAt }));
  expect(answer).toEqual({ pendingReview: true, reviewId: expect.any(String) });
  expect((await cloud.store.collection('notices').get(draft.id))!.scheduledAt ?? null).toBeNull();
  expect(await publishDueNotices(cloud.store, atTheTime)).toBe(0);
  expect(ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId })).payload).toEqual({ type: 'schedule', publishAt: '2026-11-26T01:00:00.000Z' });

  await approve(answer.reviewId);
  const scheduled = (await cloud.store.collection('notices').get(draft.id))!;
  expect(scheduled).toMatchObject({ status: 'draft', scheduledAt: '2026-11-26T01:00:00.000Z', scheduleReviewId: answer.reviewId });
  expect(await publishDueNotices(cloud.store, atTheTime)).toBe(1);
  expect((await cloud.store.collection('notices').get(draft.id))!).toMatchObject({ status: 'published' });

  // Approved, then edited: the schedule is cancelled, nothing publishes.
  const other = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '另一条定时通知' }) }));
  await approve(ok(await call(editor, 'notices', 'schedule', { id: other.id, version: other.version, publishAt })).reviewId);
  const approved = (await cloud.store.collection('notices').get(other.id))!;
  const edited = ok(await call(editor, 'notices', 'save', { id: other.id, version: approved.version, notice: announcement({ title: '另一条定时通知（审核后改）' }) }));
  expect(edited.scheduledAt ?? null).toBeNull();
  expect(await publishDueNotices(cloud.store, atTheTime)).toBe(0);
  expect((await cloud.store.collection('notices').get(other.id))!.status).toBe('draft');
});

test('approved after its time: published at once; set before review was required: cancelled, not published', async () => {
  const late = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '审核晚了的定时通知' }) }));
  const answer = ok(await call(editor, 'notices', 'schedule', { id: late.id, version: late.version, publishAt }));
  cloud.clock.now = new Date(atTheTime.getTime() + 3_600_000);
  await approve(answer.reviewId);
  expect((await cloud.store.collection('notices').get(late.id))!).toMatchObject({ status: 'published' });

  cloud.clock.now = SEED_TIME;
  const settings = await requireReview([]);
  const early = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '审核开启前定时的通知' }) }));
  ok(await call(editor, 'notices', 'schedule', { id: early.id, version: early.version, publishAt }));
  await requireReview(settings.required);
  expect(await publishDueNotices(cloud.store, atTheTime)).toBe(0);
  const cancelled = (await cloud.store.collection('notices').get(early.id))!;
  expect(cancelled.status).toBe('draft');
  expect(cancelled.scheduledAt ?? null).toBeNull();
  const events = (await cloud.store.collection('events').find({ where: { subjectId: early.id }, orderBy: [['at', 'asc']], limit: 20 })).items;
  expect(events.at(-1)).toMatchObject({ action: 'unscheduled', detail: UNREVIEWED_SCHEDULE });
});
