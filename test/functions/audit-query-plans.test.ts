import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { queryPlansOf, type QueryPlan } from '../support/query-plans';

/**
 * 操作记录 grows with every staff write and every view of personal data, for good (append-only). Its
 * search — by person (OPENID or recorded name), record, action and Beijing dates, each alone or with
 * dates, first page and the next — must be served by an index of `audit` (collections.ts): SQLite's
 * plan reads the page straight from the index, with no sort of its own, not even of the `id`
 * tie-break (so a page of one busy clerk's entries never sorts all of them). So must an erasure's
 * walk over the events of a subject (`events`).
 */
let cloud: CloudHarness;
let requestId: string;

beforeAll(async () => {
  cloud = await createCloudHarness();
  requestId = (await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 1 })).items[0].id;
  // More than a page (20) of one action by one person on one record, so every filter has a second page.
  for (let i = 0; i < 22; i++) ok(await cloud.call('demo-admin', 'requests', { action: 'manageGet', data: { id: requestId } }));
});
afterAll(() => cloud.close());

const FILTERS: Array<Record<string, string>> = [
  {},
  { actor: 'demo-admin' },
  { actor: '张敏（已离职）' },
  { recordId: 'placeholder' },
  { action: 'requests.manageGet' },
  { from: '2026-01-01', to: '2099-12-31' },
  { actor: 'demo-admin', from: '2026-01-01' },
  { recordId: 'placeholder', to: '2099-12-31' },
  { action: 'requests.manageGet', from: '2026-01-01', to: '2099-12-31' },
];

/** Plan lines that are not a read of an index: a whole-table scan, or any sort SQLite must do itself. */
const offIndex = (plan: QueryPlan) => plan.plan.filter((line) => /TEMP B-TREE/.test(line) || /^(SCAN|SEARCH) \S+$/.test(line.trim()) || /AUTOMATIC/.test(line));

test('every search of the audit trail, each page, is read from an index in order', async () => {
  const plans = await queryPlansOf(cloud.store, async () => {
    for (const filters of FILTERS) {
      const data = { ...filters, ...(filters.recordId ? { recordId: requestId } : {}) };
      const first = ok(await cloud.call('demo-admin', 'audit', { action: 'search', data }));
      if (first.nextCursor) ok(await cloud.call('demo-admin', 'audit', { action: 'search', data: { ...data, cursor: first.nextCursor } }));
    }
  });
  const audit = plans.filter((p) => p.table === 'audit');
  // Both pages of each filter: a first page's query and a next page's (the cursor adds a keyset clause).
  expect(audit.length).toBeGreaterThanOrEqual(FILTERS.length * 2 - 2);
  expect(audit.filter((p) => offIndex(p).length > 0).map((p) => `${p.sql}\n  ${p.plan.join('\n  ')}`)).toEqual([]);
  expect(audit.every((p) => p.plan.some((line) => /USING (COVERING )?INDEX/.test(line)))).toBe(true);
});

test("an erasure's walk over a subject's events, page by page, is read from the events index in order", async () => {
  const plans = await queryPlansOf(cloud.store, async () => {
    const first = await cloud.store.collection('events').find({ where: { subjectId: requestId }, orderBy: [['at', 'asc']], limit: 2 });
    await cloud.store.collection('events').find({ where: { subjectId: requestId }, orderBy: [['at', 'asc']], limit: 2, cursor: first.nextCursor });
  });
  expect(plans).toHaveLength(2);
  expect(plans.flatMap(offIndex)).toEqual([]);
});
