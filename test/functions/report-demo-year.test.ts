import { REPLY_CATEGORIES } from '../../shared/requests/reply-categories';
import { APPLICANT_COLUMNS } from '../../shared/reports/report-layout';
import { requestFactsOf } from '../../shared/reports/request-facts';
import { requestStats } from '../../shared/reports/report-stats';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { DEMO_REPORT_YEAR, seedDemoReportYear } from '../../server/seed-report-year';
import { computeFresh, loadReportRecord } from '../../cloudfunctions/reports/annual-report';
import { readRequestFacts } from '../../cloudfunctions/reports/report-sources';
import { fillMissingRequestFacts } from '../../cloudfunctions/_runtime/derived-records';
import { fillRequestFactsJob } from '../../cloudfunctions/_jobs/fill-request-facts';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/** The demo's 2025, made through the functions: a full report whose checks all pass. */
let cloud: CloudHarness;
beforeAll(async () => {
  // With the bureau's default 公开审查, as in the local cloud: every notice of the year is reviewed.
  cloud = await createCloudHarness({ review: true });
  expect(await seedDemoReportYear(cloud.store, cloud.search)).toBe(true);
}, 120_000);
afterAll(() => cloud.close());

test('the demo year gives a full 2025 report: every category and applicant kind, carried in and out, all checks passing', async () => {
  expect(ok(await cloud.call('demo-reviewer', 'reviews', { action: 'queue', data: {} })).items).toEqual([]);
  const approved = ok(await cloud.call('demo-admin', 'reviews', { action: 'queue', data: { status: 'approved', limit: 1 } }));
  expect(approved.items[0]).toMatchObject({ authorName: '王芳', reviewerName: '孙静' });
  // Every reply letter of the year went through review too: 李华 submitted, 孙静 approved.
  const replies = await cloud.store.collection('reviews').find({ where: { kind: 'request.reply' }, orderBy: [['submittedAt', 'asc']], limit: 500 });
  expect(replies.items.length).toBeGreaterThan(50);
  expect(replies.items.every((r) => r.status === 'approved' && r.authorName === '李华' && r.reviewerName === '孙静')).toBe(true);
  cloud.clock.now = new Date('2026-01-20T02:00:00Z');
  const report = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year: DEMO_REPORT_YEAR } }));
  const rows = report.requests.rows;
  expect(report.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
  for (const category of REPLY_CATEGORIES) expect([category, rows[category].total > 0]).toEqual([category, true]);
  for (const column of APPLICANT_COLUMNS) expect([column, rows.received[column] > 0]).toEqual([column, true]);
  expect(rows.received.total).toBeGreaterThan(100);
  expect(rows.carriedIn.total).toBe(3);
  expect(rows.carriedOut.total).toBe(4);
  expect(rows['other.other'].total).toBeGreaterThanOrEqual(8);
  expect(report.proactive.rule.issued).toBeGreaterThan(0);
  expect(report.proactive.normative.repealed).toBe(1);
  expect(report.cases.table.reconsideration.total).toBe(2);
  expect(await seedDemoReportYear(cloud.store, cloud.search)).toBe(false);
  // The past year is history: nothing of it is left to announce to today's subscribers.
  expect(await cloud.store.collection('outbox').count({ status: 'pending' })).toBe(0);
}, 120_000);

describe('the compact per-request records the report reads', () => {
  test('every request made through the workflow has one, saying what its record says now', async () => {
    const requests = await cloud.store.collection('requests').find({ orderBy: [], limit: 1000 });
    expect(requests.items.length).toBeGreaterThan(100);
    for (const request of requests.items) {
      const stored = await cloud.store.collection('requestFacts').get(request.id);
      expect([request.trackingNumber, stored && { ...stored, id: undefined, version: undefined }]).toEqual([request.trackingNumber, { ...requestFactsOf(request), id: undefined, version: undefined }]);
    }
  });

  test('the report from them is the report computed from the whole request records, table for table', async () => {
    const now = new Date('2026-01-20T02:00:00Z');
    for (const year of [DEMO_REPORT_YEAR, DEMO_REPORT_YEAR + 1]) {
      const record = await loadReportRecord(cloud.store, year);
      const fast = await computeFresh(cloud.store, record, now, 'facts');
      const full = await computeFresh(cloud.store, record, now, 'records');
      expect(fast.requests.rows.concluded.total).toBeGreaterThan(0);
      expect(fast).toEqual(full);
    }
    // The statistics too, over a period that cuts through the year.
    const calendar = buildCalendar([], builtinArrangement);
    const period = { receivedBy: '2026-01-20', concludedFrom: '2025-03-01' };
    const stats = async (source: 'facts' | 'records') => requestStats((await readRequestFacts(cloud.store, period, source)).facts, '2025-03-01', '2025-10-31', '2026-01-20', calendar);
    expect(await stats('facts')).toEqual(await stats('records'));
  });

  test('a store whose requests lack them (written before they existed) is counted from the requests, to the same figures', async () => {
    const year = DEMO_REPORT_YEAR;
    const before = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year } }));
    const some = (await cloud.store.collection('requestFacts').find({ orderBy: [], limit: 5 })).items;
    for (const facts of some) await cloud.store.collection('requestFacts').delete(facts.id, facts.version);
    expect((await readRequestFacts(cloud.store, { receivedBy: `${year}-12-31`, concludedFrom: `${year}-01-01` })).source).toBe('records');
    const after = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year } }));
    expect(after.requests).toEqual(before.requests);
    // The local cloud writes the missing ones at start, CloudBase's job a batch per step; then the fast road is back.
    expect(await fillMissingRequestFacts(cloud.store, 3)).toEqual({ written: 3, more: true });
    expect((await readRequestFacts(cloud.store, { receivedBy: `${year}-12-31`, concludedFrom: `${year}-01-01` })).source).toBe('records');
    const step = await fillRequestFactsJob.run({ store: cloud.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger });
    expect(step).toEqual({ moreWork: false, counts: { requestFactsWritten: 2 } });
    expect(await fillMissingRequestFacts(cloud.store)).toEqual({ written: 0, more: false });
    expect((await readRequestFacts(cloud.store, { receivedBy: `${year}-12-31`, concludedFrom: `${year}-01-01` })).source).toBe('facts');
    for (const facts of some) expect((await cloud.store.collection('requestFacts').get(facts.id))?.receivedOn).toBe(facts.receivedOn);
  });
});

test("the demo's 统计查看人员 (demo-viewer) reads the report, its files and the statistics, and nothing else", async () => {
  const as = (fn: string, action: string, data: unknown = {}) => cloud.call('demo-viewer', fn, { action, data });
  expect(ok(await as('session', 'whoami')).staff).toMatchObject({ name: '周涛', roles: ['viewer'] });
  expect(ok(await as('reports', 'annual', { year: DEMO_REPORT_YEAR })).requests.rows.received.total).toBeGreaterThan(100);
  expect(await as('reports', 'export', { year: DEMO_REPORT_YEAR, format: 'csv' })).toMatchObject({ ok: true });
  expect(await as('reports', 'stats', { from: '2025-01-01', to: '2025-12-31' })).toMatchObject({ ok: true });
  expect(await as('ratings', 'ranking', { month: '2025-12' })).toMatchObject({ ok: true });
  expect(await as('reports', 'saveInputs', { year: DEMO_REPORT_YEAR, version: 0, inputs: { licences: 1 } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await as('requests', 'queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
