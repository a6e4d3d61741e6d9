import { applyRetentionJob } from '../../cloudfunctions/_jobs/apply-retention';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { ANONYMISED_NAME } from '../../shared/privacy/anonymise';
import { DEFAULT_RETENTION } from '../../shared/privacy/retention';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { queryPlansOf, unindexedSteps } from '../support/query-plans';
import { application } from '../support/request-factories';

/**
 * Retention periods (保存期限) as a bureau setting, and the `apply-retention` job: past its period a
 * concluded request loses its applicant's details (its record and the report's counts stay), a
 * rating its contact, a message is removed; within the period nothing is touched.
 */
let cloud: CloudHarness;
let requestId: string;

const runJob = () =>
  applyRetentionJob.run({ store: cloud.store, now: () => cloud.clock.now, log: silentLogger, sender: recordingSender(cloud.store, () => cloud.clock.now) });
const days = (n: number) => n * 86_400_000;

beforeEach(async () => {
  cloud = await createCloudHarness();
  const submitted = ok(await cloud.call('resident-old', 'requests', { action: 'submit', data: application({ applicant: { type: 'person', name: '上官旧事', idType: 'passport', idNumber: 'G44556677', phone: '13511112222' } }) }));
  requestId = submitted.id;
  // Closed straight away by the resident: concluded today.
  ok(await cloud.call('resident-old', 'requests', { action: 'withdraw', data: { id: submitted.id, version: submitted.version, reason: '请回电 13511112222' } }));
  await dispatchAll(cloud);
});

afterEach(() => cloud.close());

test('the job is listed, and the periods default until the admin sets them', async () => {
  expect(JOBS).toContain(applyRetentionJob);
  expect(ok(await cloud.call(null, 'retention', { action: 'get', data: {} }))).toEqual({ ...DEFAULT_RETENTION, version: 0 });
});

test('within the period nothing is touched', async () => {
  cloud.clock.now = new Date(cloud.clock.now.getTime() + days(300));
  const result = await runJob();
  expect(result.counts.requests).toBe(0);
  expect((await cloud.store.collection('requests').get(requestId))?.applicant.name).toBe('上官旧事');
});

test('past the periods the admin set, the request is anonymised through the change road and old messages go', async () => {
  const saved = ok(await cloud.call('demo-admin', 'retention', { action: 'save', data: { requestYears: 1, inquiryYears: 1, ratingContactDays: 30, messageDays: 30, version: 0 } }));
  expect(saved).toEqual({ requestYears: 1, inquiryYears: 1, ratingContactDays: 30, messageDays: 30, version: 1 });
  expect(await cloud.call('resident-old', 'retention', { action: 'save', data: { ...saved } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await cloud.call('demo-admin', 'retention', { action: 'save', data: { ...saved, messageDays: 5 } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { messageDays: expect.stringContaining('30') } });

  const before = await cloud.store.collection('requests').get(requestId);
  cloud.clock.now = new Date(cloud.clock.now.getTime() + days(400));
  const result = await runJob();
  expect(result.counts.requests).toBeGreaterThanOrEqual(1);
  expect(result.counts.messages).toBeGreaterThan(0);
  expect(result.counts.ratingContacts).toBeGreaterThan(0);
  const cutoff = new Date(cloud.clock.now.getTime() - days(30)).toISOString();
  expect(await cloud.store.collection('inbox').count({ createdAt: { lt: cutoff } })).toBe(0);
  const ratings = await cloud.store.collection('ratings').find({ where: { createdAt: { lt: cutoff } }, orderBy: [['createdAt', 'asc']], limit: 1000 });
  expect(ratings.items.filter((r) => r.contactName !== '' || r.contactPhone !== '')).toEqual([]);

  const after = (await cloud.store.collection('requests').get(requestId))!;
  expect(after.applicant).toEqual({ type: 'person', idType: 'passport', name: ANONYMISED_NAME, phone: '' });
  expect(after.ownerOpenid).toBeNull();
  expect(JSON.stringify(after)).not.toContain('13511112222');
  // What the annual report counts is kept.
  expect([after.status, after.receivedOn, after.ending?.category, after.applicant.type]).toEqual([before!.status, before!.receivedOn, before!.ending?.category, before!.applicant.type]);

  const events = await cloud.store.collection('events').find({ where: { subjectId: requestId }, orderBy: [['at', 'asc']], limit: 20 });
  const anonymised = events.items.find((e) => e.action === 'anonymised');
  expect(anonymised).toMatchObject({ actor: 'system', detail: expect.stringContaining('超过保存期限') });
  expect(JSON.stringify(events.items)).not.toContain('resident-old');
  expect(JSON.stringify(events.items)).not.toContain('13511112222');

  const again = await runJob();
  expect(again.counts).toMatchObject({ messages: 0, ratingContacts: 0 });
  expect((await cloud.store.collection('requests').get(requestId))!.version).toBe(after.version);
});

test('the retention settings change is audited with an event naming the periods, not persons', async () => {
  ok(await cloud.call('demo-admin', 'retention', { action: 'save', data: { ...DEFAULT_RETENTION, messageDays: 90, version: 0 } }));
  const events = await cloud.store.collection('events').find({ where: { subjectId: 'privacy-settings' }, orderBy: [['at', 'asc']], limit: 5 });
  expect(events.items).toEqual([expect.objectContaining({ action: 'retentionSettingsChanged', detail: expect.stringContaining('365→90') })]);
});

test('each of the job\'s queries reads through an index: no whole-table scan, no sort outside an index', async () => {
  cloud.clock.now = new Date(cloud.clock.now.getTime() + days(20 * 366));
  const plans = await queryPlansOf(cloud.store, runJob);
  const scanned = new Set(plans.map((p) => p.table));
  for (const table of ['requests', 'inquiries', 'ratings', 'inbox', 'deliveries', 'wechatRecorded', 'noticeViews', 'rateLimits']) expect(scanned).toContain(table);
  expect(plans.filter((p) => unindexedSteps(p).length > 0).map((p) => `${p.sql}\n  ${p.plan.join('\n  ')}`)).toEqual([]);
});

test('阅读 records of days before yesterday and abuse-limit counters of ended windows go; today\'s stay, and no event is written for them alone', async () => {
  const notice = (await cloud.store.collection('notices').find({ where: { status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 1 })).items[0];
  expect(ok(await cloud.call('reader-a', 'notices', { action: 'view', data: { id: notice.id } })).counted).toBe(true);
  const ended = new Date(cloud.clock.now.getTime() + days(1)).toISOString();
  await cloud.store.collection('rateLimits').insert({ id: 'counter-ended', count: 3, key: 'requests.submit', windowEnd: ended });
  await cloud.store.collection('rateLimits').insert({ id: 'counter-running', count: 1, key: 'requests.submit', windowEnd: new Date(cloud.clock.now.getTime() + days(3)).toISOString() });
  await runJob(); // the messages and the rest, first

  cloud.clock.now = new Date(cloud.clock.now.getTime() + days(2));
  expect(ok(await cloud.call('reader-b', 'notices', { action: 'view', data: { id: notice.id } })).counted).toBe(true);
  const events = await cloud.store.collection('events').count({ action: 'retentionApplied' });
  const result = await runJob();
  expect(result.counts).toMatchObject({ views: 1, rateCounters: 1 });
  expect((await cloud.store.collection('noticeViews').find({ orderBy: [['day', 'asc']], limit: 10 })).items.map((v) => v.day)).toEqual([new Date(cloud.clock.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)]);
  expect(await cloud.store.collection('rateLimits').get('counter-ended')).toBeNull();
  expect(await cloud.store.collection('rateLimits').get('counter-running')).not.toBeNull();
  expect(await cloud.store.collection('events').count({ action: 'retentionApplied' })).toBe(events);
  // The notice's count keeps both views.
  expect((await cloud.store.collection('noticeViewCounts').get(notice.id))?.count).toBeGreaterThanOrEqual(2);
});
