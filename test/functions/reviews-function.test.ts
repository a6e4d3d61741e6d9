import { ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { REVIEWER as reviewer, reviewSuite } from '../support/review-suite';

/**
 * 公开审查 (条例 Art. 17) over real SQLite, with the bureau's defaults (review on for publishing a
 * notice): nothing reaches residents or subscribers until a reviewer other than the author approves.
 */
let cloud: CloudHarness;
const { call } = reviewSuite((c) => (cloud = c), 'test');

const editor = 'demo-editor';

async function submitted(title = '待审核的通知', as = editor) {
  const draft = ok(await call(as, 'notices', 'save', { notice: announcement({ title }) }));
  const answer = ok(await call(as, 'notices', 'publish', { id: draft.id, version: draft.version }));
  return { draft, answer };
}

const residentTitles = async () => (ok(await call('resident-a', 'notices', 'list', {})).items as any[]).map((n) => n.title);
const outboxFor = async (id: string) => cloud.store.collection('outbox').count({ subjectId: id });

test('by default publishing waits for review: pendingReview, and nothing is public or announced', async () => {
  expect(ok(await call('demo-admin', 'reviews', 'settings', {})).required).toEqual(['notice.publish', 'notice.correct', 'request.reply']);
  const { draft, answer } = await submitted();
  expect(answer).toEqual({ pendingReview: true, reviewId: expect.any(String) });
  expect((await cloud.store.collection('notices').get(draft.id))!).toMatchObject({ status: 'draft', version: draft.version });
  expect(await residentTitles()).not.toContain('待审核的通知');
  expect(await call(null, 'notices', 'get', { id: draft.id })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await outboxFor(draft.id)).toBe(0);

  const queue = ok(await call(reviewer, 'reviews', 'queue', {}));
  expect(queue.items).toHaveLength(1);
  expect(queue.items[0]).toMatchObject({
    id: answer.reviewId, kind: 'notice.publish', subjectId: draft.id, status: 'pending',
    authorOpenid: editor, authorName: '王芳', submittedAt: cloud.clock.now.toISOString(),
    text: { title: '待审核的通知' },
  });
  expect(ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId })).text).toEqual({ title: '待审核的通知', body: draft.body });
  // The same version cannot be submitted twice.
  expect(await call(editor, 'notices', 'publish', { id: draft.id, version: draft.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('another reviewer approves: published and announced, both names on the record, neither shown to residents', async () => {
  const { draft, answer } = await submitted();
  const item = ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId }));
  const approved = ok(await call(reviewer, 'reviews', 'approve', { id: item.id, version: item.version }));
  expect(approved).toMatchObject({ status: 'approved', reviewerOpenid: reviewer, reviewerName: '孙静' });

  expect((await cloud.store.collection('notices').get(draft.id))!).toMatchObject({ status: 'published', version: draft.version + 1 });
  expect(await residentTitles()).toContain('待审核的通知');
  expect(await outboxFor(draft.id)).toBe(1);
  const publicNotice = ok(await call('resident-a', 'notices', 'get', { id: draft.id }));
  expect(JSON.stringify(publicNotice)).not.toMatch(/孙静|王芳|demo-reviewer|demo-editor/);

  const reviewEvents = (await cloud.store.collection('events').find({ where: { subjectId: item.id }, orderBy: [['at', 'asc']], limit: 10 })).items;
  expect(reviewEvents.map((e) => e.action)).toEqual(['submitted', 'approved']);
  expect(reviewEvents[1]).toMatchObject({ actor: reviewer, detail: expect.stringContaining('提交人：王芳；审核人：孙静') });
  const published = (await cloud.store.collection('events').find({ where: { subjectId: draft.id, action: 'published' }, orderBy: [['at', 'asc']], limit: 10 })).items;
  expect(published).toEqual([expect.objectContaining({ actor: editor, detail: '经孙静审核' })]);

  // Decided once: a second decision is refused.
  expect(await call('demo-admin', 'reviews', 'approve', { id: item.id, version: approved.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(ok(await call(reviewer, 'reviews', 'queue', {})).items).toHaveLength(0);
});

test('approving one\'s own work is SELF_REVIEW, and nothing is published', async () => {
  // demo-admin is also a reviewer: what they submit waits for someone else.
  const { draft, answer } = await submitted('管理员自己写的通知', 'demo-admin');
  const item = ok(await call('demo-admin', 'reviews', 'get', { id: answer.reviewId }));
  const refused = await call('demo-admin', 'reviews', 'approve', { id: item.id, version: item.version });
  expect(refused).toMatchObject({ ok: false, code: 'SELF_REVIEW' });
  expect((await cloud.store.collection('notices').get(draft.id))!.status).toBe('draft');
  expect(ok(await call(reviewer, 'reviews', 'get', { id: item.id }))).toMatchObject({ status: 'pending', version: item.version });
  // Another reviewer may.
  ok(await call(reviewer, 'reviews', 'approve', { id: item.id, version: item.version }));
  expect(await residentTitles()).toContain('管理员自己写的通知');
});

test('sent back with a comment: the author reads it, fixes the notice and resubmits; the new text is what is approved', async () => {
  const { draft, answer } = await submitted('文号有误的通知');
  const item = ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId }));
  expect(await call(reviewer, 'reviews', 'sendBack', { id: item.id, version: item.version, comment: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  ok(await call(reviewer, 'reviews', 'sendBack', { id: item.id, version: item.version, comment: '标题文号有误，请核对。' }));

  const seenByAuthor = ok(await call(editor, 'reviews', 'get', { id: item.id }));
  expect(seenByAuthor).toMatchObject({ status: 'sentBack', comment: '标题文号有误，请核对。', reviewerName: '孙静' });
  expect(await residentTitles()).not.toContain('文号有误的通知');
  // Another publisher cannot open it; a resident cannot call it at all.
  expect(await call('resident-a', 'reviews', 'get', { id: item.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  // The editor's page finds it by the notice (after a save too): the latest item, with the comment.
  expect(ok(await call(editor, 'reviews', 'forSubject', { subjectId: draft.id }))).toMatchObject({ id: item.id, status: 'sentBack', comment: '标题文号有误，请核对。' });
  expect(ok(await call('demo-clerk', 'reviews', 'forSubject', { subjectId: draft.id }))).toBeNull();

  const fixed = ok(await call(editor, 'notices', 'save', { id: draft.id, version: draft.version, notice: announcement({ title: '更正后的通知' }) }));
  expect(ok(await call(editor, 'reviews', 'forSubject', { subjectId: draft.id }))).toMatchObject({ id: item.id, status: 'sentBack' });
  const again = ok(await call(editor, 'notices', 'publish', { id: fixed.id, version: fixed.version }));
  expect(again.reviewId).not.toBe(item.id);
  const second = ok(await call(reviewer, 'reviews', 'get', { id: again.reviewId }));
  expect(second.text.title).toBe('更正后的通知');
  expect(ok(await call(editor, 'reviews', 'forSubject', { subjectId: draft.id }))).toMatchObject({ id: second.id, status: 'pending' });
  ok(await call(reviewer, 'reviews', 'approve', { id: second.id, version: second.version }));
  expect(await residentTitles()).toContain('更正后的通知');
});

test('an edit made during review is not published under the approval', async () => {
  const { draft, answer } = await submitted('审核中被修改');
  ok(await call(editor, 'notices', 'save', { id: draft.id, version: draft.version, notice: announcement({ title: '审核中被修改（改）' }) }));
  const item = ok(await call(reviewer, 'reviews', 'get', { id: answer.reviewId }));
  expect(await call(reviewer, 'reviews', 'approve', { id: item.id, version: item.version })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  expect((await cloud.store.collection('notices').get(draft.id))!.status).toBe('draft');
  expect(ok(await call(reviewer, 'reviews', 'get', { id: item.id })).status).toBe('pending');
});

test('an admin switches review off: publishing is immediate again; the reviewer role is one staff can be given', async () => {
  const current = ok(await call('demo-admin', 'reviews', 'settings', {}));
  ok(await call('demo-admin', 'reviews', 'saveSettings', { version: current.version, required: current.required.filter((k: string) => k !== 'notice.publish') }));
  const { answer } = await submitted('无需审核的通知');
  expect(answer).toMatchObject({ status: 'published' });
  expect(await call(reviewer, 'reviews', 'saveSettings', { version: 1, required: current.required })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  ok(await call('demo-admin', 'staff', 'invite', { roles: ['reviewer'], departmentIds: ['office'], name: '新审核人员' }));
});
