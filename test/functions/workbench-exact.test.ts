import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { beijingToday } from '../../shared/time/beijing-time';

/**
 * 我的待办's figures are exact and open exactly what they count: each is the store's count of the
 * query its list is filtered by — past a thousand as well (nothing is read to count) — and the
 * queue's `due` filter lists the same requests 已逾期 and 3个工作日内到期 count.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

const call = (as: string, fn: string, action: string, data: unknown) => cloud.call(as, fn, { action, data });
const todo = async (as: string) => ok(await call(as, 'workbench', 'todo', {}));
async function queueIds(as: string, filter: Record<string, unknown>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: any = ok(await call(as, 'requests', 'queue', { ...filter, cursor, limit: 50 }));
    ids.push(...page.items.map((r: { id: string }) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

test('each request figure is the number of rows its filtered queue lists, and only those rows', async () => {
  const t = await todo('demo-clerk');
  const late = await queueIds('demo-clerk', { due: 'overdue' });
  const soon = await queueIds('demo-clerk', { due: 'dueSoon' });
  expect(late.length).toBe(t.requests.overdue);
  expect(soon.length).toBe(t.requests.dueSoon);
  expect(late.length).toBeGreaterThan(0);
  // Exactly the rows the unfiltered queue marks red and orange.
  const all: any[] = [];
  let cursor: string | null = null;
  do {
    const page: any = ok(await call('demo-clerk', 'requests', 'queue', { cursor, limit: 50 }));
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(late.sort()).toEqual(all.filter((r) => r.urgency === 'overdue').map((r) => r.id).sort());
  expect(soon.sort()).toEqual(all.filter((r) => r.urgency === 'dueSoon').map((r) => r.id).sort());
  expect((await queueIds('demo-clerk', { status: 'supplementRequested' })).length).toBe(t.requests.awaitingSupplement);
  // The due filter is a view of its own, not combined with a status.
  expect(await call('demo-clerk', 'requests', 'queue', { due: 'overdue', status: 'registered' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { due: expect.any(String) } });
});

test('past a thousand, the figures are still exact', async () => {
  const today = beijingToday(cloud.clock.now);
  const requests = cloud.store.collection('requests');
  const model = (await requests.find({ where: { open: true, dueSort: { lt: today }, departmentId: 'office' }, orderBy: [['dueSort', 'asc']], limit: 1 })).items[0];
  const before = (await todo('demo-clerk')).requests.overdue;
  await cloud.store.transaction(async (tx) => {
    for (let i = 0; i < 1005; i++) {
      const { id: _id, ...copy } = model;
      await tx.collection('requests').insert({ ...copy, id: `bulk-overdue-${i}` });
    }
  });
  expect((await todo('demo-clerk')).requests.overdue).toBe(before + 1005);

  const followUps = cloud.store.collection('followUps');
  const owed = await followUps.count({ status: { in: ['open', 'rectifying'] } });
  const open = (await followUps.find({ where: { status: 'open' }, orderBy: [['dueDate', 'asc']], limit: 1 })).items[0];
  await cloud.store.transaction(async (tx) => {
    for (let i = 0; i < 1001; i++) {
      const { id: _id, ...copy } = open;
      await tx.collection('followUps').insert({ ...copy, id: `bulk-follow-up-${i}`, dueDate: '2026-01-05' });
    }
  });
  const figures = (await todo('demo-rater')).followUps;
  expect(figures.open).toBe(owed + 1001);
  expect(figures.overdue).toBeGreaterThanOrEqual(1001);
});
