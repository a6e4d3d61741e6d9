import type { NoticeEvent } from '../../shared/notices/notice-lifecycle';
import type { Stored } from '../../cloudfunctions/_runtime/store/port';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement, policy, publicity } from '../support/factories';

/** The notices function's hardening: public view, version checked first, what an edit changed. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const call = (action: string, data: unknown, as: string | null = editor) => cloud.call(as, 'notices', { action, data });
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items.filter(
    (e): e is Stored<NoticeEvent> => e.subjectType === 'notice',
  );

test('residents get a public view of a notice; staff get the whole record from manageGet', async () => {
  const draft = ok(await call('save', { notice: policy({ title: '公开视图' }) }));
  const published = ok(await call('publish', { id: draft.id, version: draft.version }));
  const view = ok(await call('get', { id: draft.id }, 'resident-a'));
  expect(view).toEqual({
    id: draft.id,
    kind: 'policy',
    title: '公开视图',
    summary: '',
    body: '这是正文。',
    departmentId: 'office',
    departmentName: '局办公室',
    attachments: [],
    docNumber: '云建发〔2026〕1号',
    issuingBody: '云溪区住房和城乡建设局',
    effectiveDate: '2026-01-01',
    validity: 'inForce',
    publishedAt: published.publishedAt,
  });
  const full = ok(await call('manageGet', { id: draft.id }));
  expect(full).toMatchObject({ createdBy: editor, updatedBy: editor, status: 'published', version: 2 });
});

test('publishing or withdrawing with a stale version is a version conflict, whatever the state', async () => {
  const draft = ok(await call('save', { notice: announcement() }));
  const published = ok(await call('publish', { id: draft.id, version: draft.version }));
  // Someone who still has the draft open (version 1) presses 发布 again.
  expect(await call('publish', { id: draft.id, version: draft.version })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  const withdrawn = ok(await call('withdraw', { id: draft.id, version: published.version, reason: '需要更正' }));
  expect(await call('withdraw', { id: draft.id, version: published.version, reason: '需要更正' })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  // With the current version the state rule still answers.
  expect(await call('withdraw', { id: draft.id, version: withdrawn.version, reason: '需要更正' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect((await eventsOf(draft.id)).map((e) => e.action)).toEqual(['created', 'published', 'withdrawn']);
});

test('an edit of a published notice records which fields changed and the old and new title', async () => {
  const draft = ok(await call('save', { notice: announcement({ title: '旧标题' }) }));
  const published = ok(await call('publish', { id: draft.id, version: draft.version }));
  ok(await call('save', { id: draft.id, version: published.version, notice: announcement({ title: '新标题', body: '更正后的正文。' }) }));
  const updated = (await eventsOf(draft.id)).find((e) => e.action === 'updated');
  expect(updated?.changes).toEqual({ fields: ['title', 'body'], title: { before: '旧标题', after: '新标题' } });
  expect(updated?.detail).toBe('修改了标题、正文；标题由「旧标题」改为「新标题」');
});

test('an edit that changes only the body names it, and keeps the title on record', async () => {
  const draft = ok(await call('save', { notice: announcement({ title: '标题不变' }) }));
  ok(await call('save', { id: draft.id, version: draft.version, notice: announcement({ title: '标题不变', body: '新正文。' }) }));
  const updated = (await eventsOf(draft.id)).find((e) => e.action === 'updated');
  expect(updated?.changes).toEqual({ fields: ['body'], title: { before: '标题不变', after: '标题不变' } });
  expect(updated?.detail).toBe('修改了正文');
});

test.each([
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'http://insecure.example/a.pdf',
  '//evil.example/a.pdf',
  '/files/../sunshine.sqlite',
  '/files/..%2Fdev-session.secret',
])('an attachment URL %p is refused on its own field, and nothing is written', async (url) => {
  const before = await cloud.store.collection('notices').count();
  const answer = await call('save', { notice: announcement({ attachments: [{ name: '附件', url, sizeBytes: 10 }] }) });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'notice.attachments.0.url': '附件须为上传的文件，或以 https:// 或 cloud:// 开头的地址' } });
  expect(await cloud.store.collection('notices').count()).toBe(before);
});

test('a period that ends before it starts is refused on period.end', async () => {
  const answer = await call('save', { notice: publicity({ period: { start: '2026-11-27', end: '2026-11-20' } }) });
  expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { 'notice.period.end': '结束日期不能早于开始日期' } });
});
