import { createHash } from 'node:crypto';
import type { Notice } from '../../shared/notices/notice-schema';
import { residentTag } from '../../shared/notices/notice-comments';
import { periodStatus } from '../../shared/notices/period-status';
import { beijingToday } from '../../shared/time/beijing-time';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { storeCounts } from '../support/fixture';
import { announcement, consultation, publicity } from '../support/factories';

/** Opinions on consultations, and where 公示 stand, at the edges of their periods in Beijing time. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const at = (iso: string) => (cloud.clock.now = new Date(iso));
async function published(content: object): Promise<Notice> {
  const draft = ok(await cloud.call(editor, 'notices', { action: 'save', data: { notice: content } }));
  return ok(await cloud.call(editor, 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
}
const comment = (id: string, text = '建议在小区公告栏同步张贴改造方案。', as = 'resident-a') =>
  cloud.call(as, 'notices', { action: 'comment', data: { id, text } });
const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');
const sha256base64url = (s: string) => createHash('sha256').update(s).digest('base64url');
const publicComments = async (id: string) => ok(await cloud.call(null, 'notices', { action: 'comments', data: { id } })).items as any[];

describe('the comment window, 2026-11-20 to 2026-11-30 in Beijing, both days included', () => {
  let id: string;
  beforeEach(async () => {
    at('2026-11-10T02:00:00Z');
    id = (await published(consultation({ period: { start: '2026-11-20', end: '2026-11-30' } }))).id;
  });

  test.each([
    ['the evening before it opens (23:59:59 Beijing)', '2026-11-19T15:59:59Z', 'PERIOD_CLOSED', /尚未开始，2026-11-20 起/],
    ['the first minute of the first day', '2026-11-19T16:00:00Z', 'ok', null],
    ['the last second of the last day', '2026-11-30T15:59:59Z', 'ok', null],
    ['midnight after the last day', '2026-11-30T16:00:00Z', 'PERIOD_CLOSED', /已于 2026-11-30 结束/],
  ])('%s', async (_label, now, outcome, message) => {
    at(now);
    const before = await storeCounts(cloud);
    const result = await comment(id);
    if (outcome === 'ok') {
      expect(result).toMatchObject({ ok: true, data: { status: 'pending', publishedAt: null } });
      expect((await storeCounts(cloud)).noticeComments).toBe(before.noticeComments + 1);
    } else {
      expect(result).toMatchObject({ ok: false, code: outcome, message: expect.stringMatching(message!) });
      expect(await storeCounts(cloud)).toEqual(before);
    }
  });
});

test('an opinion is seen by no one but its author until staff publish it, with a reply; hiding takes it down', async () => {
  const { id } = await published(consultation());
  const mine = ok(await comment(id, '建议增加夜间施工噪音管控条款。'));
  expect(await publicComments(id)).toEqual([]);
  expect(ok(await cloud.call('resident-a', 'notices', { action: 'myComments', data: { id } }))).toEqual([
    expect.objectContaining({ id: mine.id, status: 'pending', text: '建议增加夜间施工噪音管控条款。' }),
  ]);
  expect(ok(await cloud.call('resident-b', 'notices', { action: 'myComments', data: { id } }))).toEqual([]);

  const [pending] = ok(await cloud.call(editor, 'notices', { action: 'manageComments', data: { id, status: 'pending' } })).items;
  expect(pending).toMatchObject({ id: mine.id, authorMasked: `居民 ${residentTag('resident-a')}`, flagged: null });
  expect(pending).not.toHaveProperty('author');

  cloud.clock.now = new Date('2026-11-25T03:00:00Z');
  const reply = '感谢建议，已在修订稿第十二条中增加夜间施工时段限制。';
  ok(await cloud.call(editor, 'notices', { action: 'moderateComment', data: { commentId: mine.id, version: pending.version, decision: 'publish', reply } }));
  const shown = await publicComments(id);
  expect(shown).toEqual([{ id: mine.id, text: '建议增加夜间施工噪音管控条款。', createdAt: '2026-11-24T02:00:00.000Z', publishedAt: '2026-11-25T03:00:00.000Z', reply: { text: reply, at: '2026-11-25T03:00:00.000Z' } }]);
  expect(JSON.stringify(shown)).not.toContain('resident-a');

  const events = (await cloud.store.collection('events').find({ where: { subjectId: mine.id }, orderBy: [['at', 'asc']], limit: 10 })).items;
  expect(events.map((e) => [e.action, e.actor])).toEqual([['commented', 'resident-a'], ['published', editor]]);

  const current = (await cloud.store.collection('noticeComments').get(mine.id))!;
  ok(await cloud.call(editor, 'notices', { action: 'moderateComment', data: { commentId: mine.id, version: current.version, decision: 'hide' } }));
  expect(await publicComments(id)).toEqual([]);
  // A stale version is refused: two staff members cannot overwrite each other's decision.
  expect(await cloud.call(editor, 'notices', { action: 'moderateComment', data: { commentId: mine.id, version: current.version, decision: 'publish' } }))
    .toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
});

test('screening holds an opinion with a listed word for staff, flagged; the resident is not told which word', async () => {
  const { id } = await published(consultation());
  const result = ok(await comment(id, '小区门口有人办证，请管一管。'));
  expect(result).toMatchObject({ status: 'pending' });
  expect(result).not.toHaveProperty('flagged');
  const [held] = ok(await cloud.call(editor, 'notices', { action: 'manageComments', data: { id } })).items;
  expect(held.flagged).toContain('办证');
  expect(await publicComments(id)).toEqual([]);
});

test('opinions only on published consultations; at most five per resident', async () => {
  const notice = await published(announcement());
  expect(await comment(notice.id)).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '该信息不征求意见，不能留言' });
  const draft = ok(await cloud.call(editor, 'notices', { action: 'save', data: { notice: consultation() } }));
  expect(await comment(draft.id)).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await cloud.call(null, 'notices', { action: 'comments', data: { id: draft.id } })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });

  const { id } = await published(consultation());
  for (let i = 1; i <= 5; i++) ok(await comment(id, `第${i}条意见：建议补充细则。`));
  expect(await comment(id, '第六条意见：建议补充细则。')).toMatchObject({ ok: false, code: 'COMMENT_LIMIT_REACHED' });
  ok(await comment(id, '另一位居民的意见：赞成。', 'resident-b'));
});

test('opinion ids reveal nothing: two opinions of one resident share no part of their ids, and no hash of the author', async () => {
  const { id } = await published(consultation());
  const first = ok(await comment(id, '第一条意见：建议补充细则。'));
  const second = ok(await comment(id, '第二条意见：建议延长公示期。'));
  const parts = (s: string) => s.split(/[^A-Za-z0-9]+/).filter((p) => p.length > 1);
  expect(parts(first.id).filter((p) => parts(second.id).includes(p))).toEqual([]);
  for (const hash of [sha256base64url(`${id}\u0000resident-a`), sha256hex('resident-a')]) {
    for (const c of [first.id, second.id]) expect(c).not.toContain(hash.slice(0, 6));
  }
  expect(first.id).not.toContain(id);
});

test('parallel opinions from one resident still stop at five, each with its event', async () => {
  const { id } = await published(consultation());
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => comment(id, `并发第${i + 1}条意见：建议补充细则。`)));
  expect(results.filter((r) => r.ok)).toHaveLength(5);
  expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(Array(7).fill('COMMENT_LIMIT_REACHED'));
  const stored = (await cloud.store.collection('noticeComments').find({ where: { noticeId: id }, orderBy: [['createdAt', 'asc']], limit: 50 })).items;
  expect(stored).toHaveLength(5);
  for (const c of stored) {
    expect(c.id).not.toContain('resident-a'); // the slot id hides the author
    expect((await cloud.store.collection('events').find({ where: { subjectId: c.id }, orderBy: [['at', 'asc']], limit: 5 })).items).toHaveLength(1);
  }
  ok(await comment(id, '另一位居民的意见：赞成。', 'resident-b'));
});

describe('公示 states in Beijing time: 公示中 with days left, then 已结束', () => {
  const period = (publicity() as { period: { start: string; end: string } }).period; // 2026-11-20 … 2026-11-27
  test.each([
    ['2026-11-19T15:59:59Z', 'upcoming', 0, '未开始 · 1 天后开始'],
    ['2026-11-19T16:00:00Z', 'open', 8, '公示中 · 剩 8 天'],
    ['2026-11-27T15:59:59Z', 'open', 1, '公示中 · 今天截止'],
    ['2026-11-27T16:00:00Z', 'ended', 0, '公示已结束'],
  ])('at %s', (now, state, daysLeft, label) => {
    expect(periodStatus(period, beijingToday(new Date(now)), 'publicity')).toEqual({ state, daysLeft, label });
  });

  test('the objection contact travels with the notice residents read', async () => {
    const notice = await published(publicity({ objectionContact: '住房保障科 0571-8800 1234' }));
    expect(ok(await cloud.call(null, 'notices', { action: 'get', data: { id: notice.id } }))).toMatchObject({
      period: { start: '2026-11-20', end: '2026-11-27' },
      objectionContact: '住房保障科 0571-8800 1234',
    });
  });
});
