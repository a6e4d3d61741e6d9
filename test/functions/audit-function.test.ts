import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { UTF8_BOM } from '../../shared/audit/audit-csv';
import type { AuditEntryView } from '../../shared/audit/audit-contract';

/**
 * Function `audit`: admins find who did what by person (OPENID or the recorded name), record,
 * action and Beijing date, newest first and paged, and export the same as CSV Excel opens.
 */
let cloud: CloudHarness;
let requestId: string;

const search = async (data: Record<string, unknown>) => ok<{ items: AuditEntryView[]; nextCursor: string | null }>(await cloud.call('demo-admin', 'audit', { action: 'search', data }));
const actions = (items: AuditEntryView[]) => items.map((e) => e.action);

beforeAll(async () => {
  cloud = await createCloudHarness();
  const [first] = (await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
  requestId = first.id;
  // 2026-11-23 23:30 Beijing: a view by the handler 李华.
  cloud.clock.now = new Date('2026-11-23T15:30:00Z');
  ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: requestId } }));
  // 2026-11-24 00:30 Beijing (the next day there, the same day in UTC): the admin 张敏 changes the calendar, then views the request.
  cloud.clock.now = new Date('2026-11-23T16:30:00Z');
  ok(await cloud.call('demo-admin', 'calendar', { action: 'setDay', data: { date: '2026-12-31', kind: 'holiday', name: '=HYPERLINK("x")' } }));
  cloud.clock.now = new Date('2026-11-23T16:31:00Z');
  ok(await cloud.call('demo-admin', 'requests', { action: 'manageGet', data: { id: requestId } }));
});
afterAll(() => cloud.close());

test('everything, newest first, each line with what the action does', async () => {
  const page = await search({});
  expect(actions(page.items)).toEqual(['requests.manageGet', 'calendar.setDay', 'requests.manageGet']);
  expect(page.items[0]).toMatchObject({ actor: 'demo-admin', actorName: '张敏', kind: 'personalDataViewed', recordIds: [requestId] });
  expect(page.items[0].actionLabel).toMatch(/完整个人信息/);
  expect(page.items[1]).toMatchObject({ kind: 'write', recordIds: ['2026-12-31'], fields: ['kind', 'name'] });
});

test('by person: an OPENID on the staff list, or the name recorded with the entry', async () => {
  expect(actions((await search({ actor: 'demo-clerk' })).items)).toEqual(['requests.manageGet']);
  expect((await search({ actor: '李华' })).items.map((e) => e.actor)).toEqual(['demo-clerk']);
  expect((await search({ actor: '张敏' })).items).toHaveLength(2);
  expect((await search({ actor: 'nobody' })).items).toHaveLength(0);
});

test('by record and by action', async () => {
  expect((await search({ recordId: requestId })).items.map((e) => e.actorName)).toEqual(['张敏', '李华']);
  expect(actions((await search({ action: 'calendar.setDay' })).items)).toEqual(['calendar.setDay']);
  expect((await search({ action: 'requests.manageGet', actor: 'demo-admin' })).items).toHaveLength(1);
});

test('by date: Beijing calendar days, both ends included', async () => {
  expect((await search({ from: '2026-11-23', to: '2026-11-23' })).items.map((e) => e.actorName)).toEqual(['李华']);
  expect((await search({ from: '2026-11-24' })).items).toHaveLength(2);
  expect((await search({ to: '2026-11-24' })).items).toHaveLength(3);
  expect((await search({ from: '2026-11-25' })).items).toHaveLength(0);
});

test('pages of twenty follow the cursor', async () => {
  for (let i = 0; i < 22; i++) ok(await cloud.call('demo-admin', 'requests', { action: 'manageGet', data: { id: requestId } }));
  const first = await search({ action: 'requests.manageGet' });
  expect(first.items).toHaveLength(20);
  const second = await search({ action: 'requests.manageGet', cursor: first.nextCursor });
  expect(second.items).toHaveLength(4);
  expect(second.nextCursor).toBeNull();
  expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(24);
});

test('export: the same filters, CSV with a BOM and a header, formulas defused', async () => {
  const out = ok(await cloud.call('demo-admin', 'audit', { action: 'export', data: { action: 'calendar.setDay' } }));
  expect(out).toMatchObject({ rows: 1, truncated: false });
  expect(out.filename).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(out.csv.startsWith(UTF8_BOM)).toBe(true);
  const lines = out.csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('时间（北京时间）,操作人,OPENID,操作,操作说明,类别,记录编号,涉及字段');
  expect(lines[1]).toMatch(/^2026-11-24 00:30,张敏,demo-admin,calendar\.setDay,.+,修改,2026-12-31,kind name$/);
  // Field names only, never what was typed: the holiday's name is not in the trail.
  expect(out.csv).not.toContain('HYPERLINK');
});

test('dates in the wrong order are refused; only admins may read the trail', async () => {
  expect(await cloud.call('demo-admin', 'audit', { action: 'search', data: { from: '2026-11-25', to: '2026-11-24' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { to: '开始日期不能晚于结束日期' } });
  expect(await cloud.call('demo-clerk', 'audit', { action: 'export', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
