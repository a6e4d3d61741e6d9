import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { eachRequestFactsPage, factsQuery, readRequestFacts } from '../../cloudfunctions/reports/report-sources';
import { OPEN_SORT } from '../../shared/reports/request-facts';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { queryPlansOf } from '../support/query-plans';

/**
 * How the annual report and the statistics read a period's compact per-request records: by the
 * requestFacts index, from the period's first day on, every page entered at its cursor; and the
 * records a check names still carry their tracking numbers, which those records do not hold.
 */
let cloud: CloudHarness;
const YEAR = 2026;
const period = { receivedBy: `${YEAR}-12-31`, concludedFrom: `${YEAR}-01-01` };

beforeAll(async () => {
  cloud = await createCloudHarness();
}, 60_000);
afterAll(() => cloud.close());

test('a concluded request with no result row is named in the checks by its tracking number, looked up from the request', async () => {
  const requests = (await cloud.store.collection('requests').find({ orderBy: [], limit: 1000 })).items;
  const facts = cloud.store.collection('requestFacts');
  let target = null;
  for (const request of requests) {
    const f = await facts.get(request.id);
    if (f?.concludedOn?.startsWith(`${YEAR}-`) && f.row) target = { request, f };
  }
  expect(target).not.toBeNull();
  const { request, f } = target!;
  expect(f).not.toHaveProperty('trackingNumber');
  await facts.update(f.id, f.version, { row: null });
  try {
    cloud.clock.now = new Date(`${YEAR + 1}-01-10T02:00:00Z`);
    const report = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year: YEAR } }));
    const categorised = report.checks.find((c: { code: string }) => c.code === 'categorised');
    expect(categorised).toMatchObject({ ok: false, records: [{ id: request.id, trackingNumber: request.trackingNumber }] });
  } finally {
    const now = (await facts.get(f.id))!;
    await facts.update(f.id, now.version, { row: f.row });
  }
});

/** More facts than the seed's, concluded before the year (read by nobody) and in it: enough for pages. Facts without requests: the report itself would count from the requests then, so only the reader is called. */
async function addFacts(): Promise<void> {
  const facts = cloud.store.collection('requestFacts');
  for (let i = 0; i < 12; i++) {
    const on = `${YEAR - 1}-0${1 + (i % 9)}-1${i % 10}`;
    await facts.insert({ id: `old-${i}`, status: 'replied', receivedOn: on, concludedOn: on, concludedSort: on, column: 'person', row: 'disclosed', open: false, dueOn: on });
  }
  for (let i = 0; i < 12; i++) {
    const on = `${YEAR}-03-0${1 + (i % 3)}`;
    await facts.insert({ id: `year-${String(i).padStart(2, '0')}`, status: 'replied', receivedOn: on, concludedOn: on, concludedSort: on, column: 'business', row: 'partial', open: false, dueOn: on });
  }
}

describe('with more facts than fit a page', () => {
  beforeAll(addFacts);

  test('the index the read needs is declared, so the deploy plan creates it on CloudBase too', () => {
    expect(COLLECTIONS.requestFacts).toContainEqual(['concludedSort', 'receivedOn', 'id']);
    expect(factsQuery(period).orderBy.map(([field]) => field)).toEqual(['concludedSort', 'receivedOn']);
  });

  test("a period's facts, page by page, are read from the requestFacts index in its order, each page entered at its cursor", async () => {
    const query = factsQuery(period);
    const plans = await queryPlansOf(cloud.store, async () => {
      const first = await cloud.store.collection('requestFacts').find({ ...query, limit: 3 });
      await cloud.store.collection('requestFacts').find({ ...query, limit: 3, cursor: first.nextCursor });
    });
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan.plan.join('\n')).toMatch(/^SEARCH requestFacts USING INDEX requestFacts__concludedSort_receivedOn_id \(<expr>>\?\)$/);
    }
    // SQLite enters the index at the first bound on its leading field it is given: on a next page,
    // that must be the cursor's (else every page starts again at the period's first day).
    const next = plans[1].sql;
    expect(next.slice(next.indexOf(' WHERE ') + 7)).toMatch(/^\(json_extract\(doc, '\$\.concludedSort'\) >= \? AND \(/);
  });

  test('read in pages of any size, the facts are the same, each once, none concluded before the period', async () => {
    const query = factsQuery(period);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<ReturnType<CloudHarness['store']['collection']>['find']>> = await cloud.store.collection('requestFacts').find({ ...query, limit: 2, cursor });
      paged.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    const whole: string[] = [];
    await eachRequestFactsPage(cloud.store, period, (page) => whole.push(...page.map((r) => r.id)), 'facts');
    expect(paged).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
    expect(whole.filter((id) => id.startsWith('old-'))).toEqual([]);
    expect(whole.filter((id) => id.startsWith('year-'))).toHaveLength(12);
    const { facts } = await readRequestFacts(cloud.store, period, 'facts');
    const all = (await cloud.store.collection('requestFacts').find({ orderBy: [], limit: 1000 })).items;
    const expected = all.filter((f) => f.receivedOn !== null && f.receivedOn <= period.receivedBy && f.concludedSort >= period.concludedFrom);
    expect(facts.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());
    // In the index's order: by the day concluded, the open ones last.
    const sorts = facts.map((f) => f.concludedSort);
    expect(sorts).toEqual([...sorts].sort());
    expect(sorts.at(-1)).toBe(OPEN_SORT);
  });
});
