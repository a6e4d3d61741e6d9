import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { describeCorrection } from '../../shared/notices/notice-corrections';
import type { Notice } from '../../shared/notices/notice-schema';
import { ok, SEED_TIME, type CloudHarness } from '../support/cloud-harness';
import { announcement, pdfAttachment as pdf } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { reviewSuite } from '../support/review-suite';

/**
 * 更正: a published notice that is changed says so to residents — the date and what changed in one
 * sentence on its page, a 更正 mark in lists and search — and its subscribers are told once per
 * correction, through the same outbox as its publication. With the bureau's defaults (a correction
 * waits for a reviewer) and with review switched off.
 */
let cloud: CloudHarness;
const { call, approve, requireReview } = reviewSuite((c) => (cloud = c));

const editor = 'demo-editor';
/** 消息 as the resident reads it (inbox.list), oldest first. */
const inboxOf = async (openid: string) => (ok(await call(openid, 'inbox', 'list', { limit: 50 })).items as any[]).reverse();

const body = ['第一段', '第二段', '停水时间为12月5日', '第四段'].join('\n');

test('a reviewed correction: 更正 with the date and the sentence on the page, the mark in lists and search, one message per subscriber', async () => {
  // Subscribed to the kind and to the department: one message all the same.
  ok(await call('resident-sub', 'subscriptions', 'subscribe', { kind: 'announcement' }));
  ok(await call('resident-sub', 'subscriptions', 'subscribe', { departmentId: 'housing' }));
  const draft = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '桂园更正测试停水通知', departmentId: 'housing', body, attachments: [pdf('旧表.pdf')] }) }));
  await approve(ok(await call(editor, 'notices', 'publish', { id: draft.id, version: draft.version })).reviewId);
  await dispatchAll(cloud);
  expect((await inboxOf('resident-sub')).map((m) => m.title)).toEqual(['桂园更正测试停水通知']);
  const first = ok(await call(null, 'notices', 'get', { id: draft.id }));
  expect(first.corrections).toBeUndefined();

  const current = (await cloud.store.collection('notices').get(draft.id))!;
  const corrected = announcement({ title: '桂园更正测试停水通知', departmentId: 'housing', body: body.replace('12月5日', '12月6日'), attachments: [pdf('新表.pdf')] });
  const pending = ok(await call(editor, 'notices', 'save', { id: draft.id, version: current.version, notice: corrected }));
  // Waiting for review: residents read no correction and nobody is told.
  expect(ok(await call(null, 'notices', 'get', { id: draft.id })).corrections).toBeUndefined();
  expect(await cloud.store.collection(OUTBOX).count({ subjectId: draft.id, cause: 'noticeCorrected' })).toBe(0);

  cloud.clock.now = new Date('2026-12-03T02:00:00Z');
  await approve(pending.reviewId);
  const notice = ok(await call(null, 'notices', 'get', { id: draft.id }));
  expect(notice.corrections).toEqual([{ at: '2026-12-03T02:00:00.000Z', note: '修改了正文第3段和附件' }]);
  expect(notice).not.toHaveProperty('correctedAt');
  const listed = ok(await call(null, 'notices', 'list', { kind: 'announcement', limit: 50 })).items.find((n: Notice) => n.id === draft.id);
  expect(listed.correctedAt).toBe('2026-12-03T02:00:00.000Z');
  const found = ok(await call(null, 'notices', 'search', { q: '桂园更正测试' })).items;
  expect(found.map((n: Notice) => [n.id, n.correctedAt])).toEqual([[draft.id, '2026-12-03T02:00:00.000Z']]);

  await dispatchAll(cloud);
  await dispatchAll(cloud);
  const messages = await inboxOf('resident-sub');
  expect(messages.map((m) => m.title)).toEqual(['桂园更正测试停水通知', '更正：桂园更正测试停水通知']);
  expect(messages[1].body).toContain('2026年12月3日更正：修改了正文第3段和附件');
  expect(messages[1].link).toEqual({ type: 'notice', id: draft.id });
  // A resident subscribed to nothing hears nothing.
  expect(await inboxOf('resident-other')).toEqual([]);

  // A second correction is a second 更正 (latest first on the page) and a second message.
  const again = (await cloud.store.collection('notices').get(draft.id))!;
  cloud.clock.now = new Date('2026-12-04T02:00:00Z');
  await approve(ok(await call(editor, 'notices', 'save', { id: draft.id, version: again.version, notice: { ...corrected, title: '桂园更正测试停水通知（延期）' } })).reviewId);
  await dispatchAll(cloud);
  expect(ok(await call(null, 'notices', 'get', { id: draft.id })).corrections.map((c: { note: string }) => c.note)).toEqual(['修改了正文第3段和附件', '修改了标题']);
  expect((await inboxOf('resident-sub')).map((m) => m.title)).toEqual(['桂园更正测试停水通知', '更正：桂园更正测试停水通知', '更正：桂园更正测试停水通知（延期）']);
  cloud.clock.now = SEED_TIME;
});

test('without review the save itself publishes the correction; a draft, a withdrawn notice or an unchanged save makes none', async () => {
  const settings = await requireReview([]);
  const draft = ok(await call(editor, 'notices', 'save', { notice: announcement({ title: '无需审核的更正', body }) }));
  const edited = ok(await call(editor, 'notices', 'save', { id: draft.id, version: draft.version, notice: announcement({ title: '无需审核的更正', body: `${body}\n第五段` }) }));
  expect(edited.corrections).toBeUndefined();
  const published = ok(await call(editor, 'notices', 'publish', { id: draft.id, version: edited.version }));
  const same = ok(await call(editor, 'notices', 'save', { id: draft.id, version: published.version, notice: announcement({ title: '无需审核的更正', body: `${body}\n第五段` }) }));
  expect(same.corrections).toBeUndefined();
  const corrected = ok(await call(editor, 'notices', 'save', { id: draft.id, version: same.version, notice: announcement({ title: '无需审核的更正', body: `${body}\n第五段改` }) }));
  expect(corrected.corrections).toEqual([{ at: SEED_TIME.toISOString(), note: '修改了正文第5段' }]);
  expect(await cloud.store.collection(OUTBOX).count({ subjectId: draft.id, cause: 'noticeCorrected' })).toBe(1);
  const withdrawn = ok(await call(editor, 'notices', 'withdraw', { id: draft.id, version: corrected.version, reason: '暂时撤回' }));
  const whileWithdrawn = ok(await call(editor, 'notices', 'save', { id: draft.id, version: withdrawn.version, notice: announcement({ title: '无需审核的更正（改）', body }) }));
  expect(whileWithdrawn.corrections).toHaveLength(1);
  await requireReview(settings.required);
});

describe('the sentence a resident reads', () => {
  const notice = (content: Partial<Notice>) => ({ ...announcement({ body }), ...content }) as unknown as Notice;
  const sentence = (after: Partial<Notice>) => describeCorrection(notice({}), notice(after));

  test('paragraphs are numbered as the page shows them (blank lines skipped), removed ones as they stood', () => {
    expect(sentence({ body: body.replace('第二段', '第二段（改）') })).toBe('修改了正文第2段');
    expect(sentence({ body: `第一段\n\n第二段\n停水时间为12月6日\n第四段` })).toBe('修改了正文第3段');
    expect(sentence({ body: '第一段\n第二段\n第四段' })).toBe('修改了正文（删去原第3段）');
    expect(sentence({ body: 'A\nB\nC\nD' })).toBe('修改了正文第1、2、3段等4段');
    expect(sentence({ body: `${body}\n` })).toBe('修改了正文格式');
    expect(sentence({ body })).toBe('');
  });

  test('the changed fields in one sentence', () => {
    expect(sentence({ title: '新标题', summary: '新摘要', body: body.replace('第四段', '第四段改') })).toBe('修改了标题、摘要和正文第4段');
  });
});
