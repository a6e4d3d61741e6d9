import type { Notice } from '../../shared/notices/notice-schema';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';

/** 阅读 counts: one per viewer, notice and Beijing day, whatever a refresh loop does. */
let cloud: CloudHarness;
let notice: Notice;
beforeEach(async () => {
  cloud = await createCloudHarness();
  cloud.clock.now = new Date('2026-11-24T02:00:00Z'); // 10:00 in Beijing
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement() } }));
  notice = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
});
afterEach(() => cloud.close());

const view = async (openid: string | null, id = notice.id) => ok(await cloud.call(openid, 'notices', { action: 'view', data: { id } }));
const staffCounts = async (...ids: string[]) => ok(await cloud.call('demo-editor', 'notices', { action: 'viewCounts', data: { ids } }));

test('100 refreshes by one viewer count once, and only the first writes', async () => {
  expect(await view('resident-a')).toEqual({ views: 1, counted: true });
  const rows = await cloud.store.collection('noticeViews').count();
  for (let i = 0; i < 99; i++) expect(await view('resident-a')).toEqual({ views: 1, counted: false });
  expect(await cloud.store.collection('noticeViews').count()).toBe(rows);
  expect(await staffCounts(notice.id)).toEqual({ [notice.id]: 1 });
});

test('two viewers count two; the notice itself (its version, what editors check) is not touched', async () => {
  await view('resident-a');
  expect(await view('resident-b')).toEqual({ views: 2, counted: true });
  await view('resident-a');
  expect(await staffCounts(notice.id)).toEqual({ [notice.id]: 2 });
  expect((await cloud.store.collection('notices').get(notice.id))?.version).toBe(notice.version);
});

test('the next Beijing day counts the same viewer again; the same day late at night does not', async () => {
  await view('resident-a');
  cloud.clock.now = new Date('2026-11-24T15:59:59Z'); // 23:59:59 Beijing, same day
  expect(await view('resident-a')).toEqual({ views: 1, counted: false });
  cloud.clock.now = new Date('2026-11-24T16:00:00Z'); // midnight in Beijing
  expect(await view('resident-a')).toEqual({ views: 2, counted: true });
  expect(await view('resident-a')).toEqual({ views: 2, counted: false });
});

test('a caller without an identity sees the count but is not counted; the view table holds no OPENIDs', async () => {
  await view('resident-a');
  for (let i = 0; i < 5; i++) expect(await view(null)).toEqual({ views: 1, counted: false });
  const rows = await cloud.store.collection('noticeViews').find({ orderBy: [], limit: 10 });
  expect(rows.items).toHaveLength(1);
  expect(JSON.stringify(rows.items)).not.toContain('resident-a');
});

test('a draft, a withdrawn or a missing notice is not found and counts nothing; unseen notices count 0 for staff', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '尚未发布的通知' }) } }));
  expect(await cloud.call('resident-a', 'notices', { action: 'view', data: { id: draft.id } })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await cloud.call('resident-a', 'notices', { action: 'view', data: { id: 'no-such-notice' } })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  await view('resident-a');
  ok(await cloud.call('demo-editor', 'notices', { action: 'withdraw', data: { id: notice.id, version: notice.version, reason: '内容有误，撤回更正' } }));
  expect(await cloud.call('resident-b', 'notices', { action: 'view', data: { id: notice.id } })).toMatchObject({ ok: false, code: 'NOTICE_NOT_FOUND' });
  expect(await staffCounts(notice.id, draft.id)).toEqual({ [notice.id]: 1, [draft.id]: 0 });
});
