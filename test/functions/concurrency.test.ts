import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { storeSnapshot } from '../support/store-snapshot';

/**
 * Requests served at once by one local cloud share one SQLite connection:
 * transactions must neither deadlock, nor swallow another request's writes,
 * nor let two stale writers both win.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const editor = 'demo-editor';
const call = (action: string, data: unknown, as: string | null = editor) => cloud.call(as, 'notices', { action, data });
const eventsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 50 })).items;

test('ten editors publishing the same version at once: one wins, nine are told, one event', async () => {
  const draft = ok(await call('save', { notice: announcement({ title: '同时发布' }) }));
  const answers = await Promise.all(Array.from({ length: 10 }, () => call('publish', { id: draft.id, version: draft.version })));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok).map((a: any) => a.code)).toEqual(Array(9).fill('VERSION_CONFLICT'));
  expect((await eventsOf(draft.id)).map((e) => e.action)).toEqual(['created', 'published']);
});

test('saves, publishes, reads and refused calls interleaved: every answer is right and nothing is lost', async () => {
  const drafts = await Promise.all(Array.from({ length: 6 }, (_, i) => call('save', { notice: announcement({ title: `并发草稿${i}` }) })));
  const ids = drafts.map((d) => ok(d).id as string);
  const work = [
    ...ids.map((id) => call('publish', { id, version: 1 })),
    ...ids.map(() => call('list', { limit: 5 }, 'resident-a')),
    ...ids.map((id) => call('publish', { id, version: 1 }, 'resident-a')), // refused: not staff
    ...ids.map((id) => call('save', { id, version: 99, notice: announcement() })), // refused: stale
  ];
  const answers = await Promise.all(work);
  const n = ids.length;
  expect(answers.slice(0, n).every((a) => a.ok)).toBe(true);
  expect(answers.slice(n, 2 * n).every((a) => a.ok)).toBe(true);
  expect(answers.slice(2 * n, 3 * n).map((a: any) => a.code)).toEqual(Array(n).fill('FORBIDDEN'));
  expect(answers.slice(3 * n).map((a: any) => a.code)).toEqual(Array(n).fill('VERSION_CONFLICT'));
  for (const id of ids) expect((await eventsOf(id)).map((e) => e.action)).toEqual(['created', 'published']);
});

test('a request that fails inside its transaction rolls back only itself, while others write', async () => {
  const draft = ok(await call('save', { notice: announcement({ title: '撤回竞争' }) }));
  const before = await storeSnapshot(cloud);
  // A withdraw of a draft is refused inside the transaction (INVALID_STATE) while another save runs.
  const [refused, saved] = await Promise.all([
    call('withdraw', { id: draft.id, version: draft.version, reason: '撤回原因' }),
    call('save', { notice: announcement({ title: '并行保存' }) }),
  ]);
  expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect(saved.ok).toBe(true);
  expect((await eventsOf(draft.id)).map((e) => e.action)).toEqual(['created']);
  expect(await storeSnapshot(cloud)).not.toBe(before);
  expect(ok(await call('manageGet', { id: (saved as any).data.id })).title).toBe('并行保存');
});
