import { remindWaitingApplicationsJob } from '../../cloudfunctions/_jobs/remind-waiting-applications';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';

/**
 * Online applications waiting for registration (条例 Art. 31(3)): they head the staff queue, longest
 * waiting first, with how long they have waited; the handlers are reminded once one has waited the
 * bureau's number of working days (default 1); the resident sees 待受理 and since when.
 *
 * The week after 国庆 2026: Monday 10-12 to Friday 10-16, then a weekend.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-10-12T02:00:00Z') });
  // The demo's own waiting application is older than ours: it is registered, so ours are the only ones waiting.
  for (const r of (await cloud.store.collection('requests').find({ where: { status: 'submitted' }, orderBy: [['submittedAt', 'asc']], limit: 50 })).items) {
    ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: r.id, version: r.version } }));
  }
});
afterEach(() => cloud.close());

const at = (iso: string) => (cloud.clock.now = new Date(iso));
const submit = async (openid = 'resident-a') => ok(await cloud.call(openid, 'requests', { action: 'submit', data: application() }));
const queue = async () => ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: {} }));
const runJob = () => remindWaitingApplicationsJob.run({ store: cloud.store, now: () => cloud.clock.now, log: silentLogger, sender: recordingSender(cloud.store, () => cloud.clock.now) });
const remindersOf = async (subjectId: string) =>
  (await cloud.store.collection('outbox').find({ where: { subjectId }, orderBy: [['createdAt', 'asc']], limit: 50 })).items.filter((o) => o.cause === 'registrationWaiting');

test('the head shows one page’s worth, the twenty longest waiting, and counts them all; the 待受理 tab pages through every one', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 22; i++) {
    at(new Date(Date.parse('2026-10-12T02:00:00Z') + i * 60_000).toISOString());
    ids.push((await submit(`waiting-${i}`)).id);
  }
  const page = await queue();
  expect(page.awaitingRegistration.map((i: { id: string }) => i.id)).toEqual(ids.slice(0, 20));
  expect(page.awaitingRegistrationTotal).toBe(22);
  const tab = ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: { status: 'submitted', limit: 50 } }));
  expect(tab.items.map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
});

test('waiting applications head the queue, longest waiting first, with the working days they have waited', async () => {
  at('2026-10-13T02:00:00Z'); // Tuesday 10:00 Beijing
  const older = await submit();
  at('2026-10-14T06:00:00Z'); // Wednesday 14:00
  const newer = await submit('resident-b');
  const page = await queue();
  expect(page.awaitingRegistration.map((i: { id: string }) => i.id)).toEqual([older.id, newer.id]);
  expect(page.awaitingRegistrationTotal).toBe(2);
  expect(page.awaitingRegistration.map((i: { waiting: unknown }) => i.waiting)).toEqual([
    { since: older.submittedAt, workingDays: 1, late: true },
    { since: newer.submittedAt, workingDays: 0, late: false },
  ]);
  // Not repeated below, nor on later pages.
  expect(page.items.map((i: { id: string }) => i.id)).not.toContain(older.id);
  const first = ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: { limit: 1 } }));
  expect(first.awaitingRegistration).toHaveLength(2);
  const second = ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: { limit: 1, cursor: first.nextCursor } }));
  expect(second.awaitingRegistration).toEqual([]);
  // The 待受理 filter lists them the same way.
  const filtered = ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: { status: 'submitted' } }));
  expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([older.id, newer.id]);
});

test('the handlers are reminded once an application has waited one working day, once each; a weekend does not count', async () => {
  await cloud.store.collection('staff').insert({ id: 'housing-clerk', name: '住房保障科办理人员', roles: ['handler'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  at('2026-10-16T09:00:00Z'); // Friday 17:00 Beijing
  const r = await submit();
  for (const weekend of ['2026-10-17T02:00:00Z', '2026-10-18T02:00:00Z']) {
    at(weekend); // not working days: nothing is late yet
    await runJob();
    expect(await remindersOf(r.id)).toEqual([]);
  }
  at('2026-10-19T01:00:00Z'); // Monday 09:00: one working day has passed
  await runJob();
  const rows = await remindersOf(r.id);
  expect(rows.map((o) => (o.audience as { openid: string }).openid).sort()).toEqual(['demo-clerk', 'housing-clerk']);
  expect(rows[0].message.title).toBe(`网上申请 ${r.trackingNumber} 待受理`);
  expect(rows[0].message.body).toContain('条例第三十一条');
  expect(rows[0].message.forStaff).toBe(true);
  // Run again, the next day: nothing twice.
  at('2026-10-20T02:00:00Z');
  await runJob();
  expect(await remindersOf(r.id)).toHaveLength(2);
  // Registered, it waits no longer, and a new late application is reminded on its own.
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: r.id, version: r.version } }));
  expect((await queue()).awaitingRegistration).toEqual([]);
});

test('the bureau may wait longer before the reminder (request-settings, registrationReminderWorkingDays)', async () => {
  await cloud.store.collection('meta').insert({ id: 'request-settings', registrationReminderWorkingDays: 3 });
  at('2026-10-13T02:00:00Z'); // Tuesday
  const r = await submit();
  at('2026-10-15T02:00:00Z'); // Thursday: two working days
  await runJob();
  expect(await remindersOf(r.id)).toEqual([]);
  expect((await queue()).awaitingRegistration[0].waiting).toEqual({ since: r.submittedAt, workingDays: 2, late: false });
  at('2026-10-16T02:00:00Z'); // Friday: three
  await runJob();
  expect(await remindersOf(r.id)).toHaveLength(1);
  expect((await queue()).awaitingRegistration[0].waiting.late).toBe(true);
});

test('the resident sees 待受理 and since when, on the list and the request; registered, it says no more', async () => {
  at('2026-10-13T02:00:00Z');
  const r = await submit();
  const mine = ok(await cloud.call('resident-a', 'requests', { action: 'mine', data: {} }));
  expect(mine.items.find((i: { id: string }) => i.id === r.id)).toMatchObject({ statusLabel: '待受理', waitingSince: r.submittedAt });
  expect(ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }))).toMatchObject({ statusLabel: '待受理', waitingSince: r.submittedAt });
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: r.id, version: r.version } }));
  expect(ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }))).toMatchObject({ statusLabel: '办理中', waitingSince: null });
});
