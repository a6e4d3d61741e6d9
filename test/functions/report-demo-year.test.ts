import { REPLY_CATEGORIES } from '../../shared/requests/reply-categories';
import { APPLICANT_COLUMNS } from '../../shared/reports/report-layout';
import { DEMO_REPORT_YEAR, seedDemoReportYear } from '../../server/seed-report-year';
import { createCloudHarness, ok } from '../support/cloud-harness';

/** The demo's 2025, made through the functions: a full report whose checks all pass. */
test('the demo year gives a full 2025 report: every category and applicant kind, carried in and out, all checks passing', async () => {
  // With the bureau's default 公开审查, as in the local cloud: every notice of the year is reviewed.
  const cloud = await createCloudHarness({ review: true });
  expect(await seedDemoReportYear(cloud.store, cloud.search)).toBe(true);
  expect(ok(await cloud.call('demo-reviewer', 'reviews', { action: 'queue', data: {} })).items).toEqual([]);
  const approved = ok(await cloud.call('demo-admin', 'reviews', { action: 'queue', data: { status: 'approved', limit: 1 } }));
  expect(approved.items[0]).toMatchObject({ authorName: '王芳', reviewerName: '孙静' });
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
  cloud.close();
}, 120_000);
