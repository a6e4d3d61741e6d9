import { loadCalendar } from '../../cloudfunctions/calendar/calendar-data';
import { SCAN_EVERY_MS } from '../../cloudfunctions/_jobs/job-turn';
import { remindStaffOfDeadlinesJob } from '../../cloudfunctions/_jobs/remind-staff-of-deadlines';
import { runJobsOnce, turnMark } from '../../cloudfunctions/_jobs/run-jobs';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { INBOX } from '../../cloudfunctions/_notifications/records';
import { addDays } from '../../shared/calendar/dates';
import { reminderDue } from '../../shared/notifications/deadline-reminders';
import { beijingToday } from '../../shared/time/beijing-time';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { prepareRequestFixture } from '../support/request-fixture';

/** Reminders to staff: 3 working days before a request's due date, and once overdue; once each. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const at = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 in Beijing
const inboxOf = async (openid: string) => ok(await cloud.call(openid, 'inbox', { action: 'list', data: { limit: 50 } })).items as Array<{ title: string; link: { id: string }; body: string }>;

test('the pure rule: nothing early, dueSoon within 3 working days (weekends do not count), overdue after the day', async () => {
  const calendar = await loadCalendar(cloud.store);
  // 2026-12-22 is a Tuesday; the Friday before is 2 working days earlier, the Wednesday before 4.
  expect(reminderDue('2026-12-22', '2026-12-16', calendar)).toBeNull();
  expect(reminderDue('2026-12-22', '2026-12-17', calendar)).toBe('dueSoon');
  expect(reminderDue('2026-12-22', '2026-12-19', calendar)).toBe('dueSoon');
  expect(reminderDue('2026-12-22', '2026-12-22', calendar)).toBe('dueSoon');
  expect(reminderDue('2026-12-22', '2026-12-23', calendar)).toBe('overdue');
  expect(reminderDue(null, '2026-12-23', calendar)).toBeNull();
});

test('the clerk who registered a request hears once when it is nearly due and once when overdue', async () => {
  const f = await prepareRequestFixture(cloud);
  const request = (await cloud.store.collection('requests').get(f.registeredId))!;
  const calendar = await loadCalendar(cloud.store);
  let day = beijingToday(cloud.clock.now);
  while (reminderDue(request.dueOn, day, calendar) !== 'dueSoon') day = addDays(day, 1);

  cloud.clock.now = at(addDays(day, -1));
  await dispatchAll(cloud);
  const mine = async () => (await inboxOf('demo-clerk')).filter((m) => m.link.id === f.registeredId);
  expect(await mine()).toEqual([]);

  cloud.clock.now = at(day);
  await dispatchAll(cloud);
  expect((await mine()).map((m) => m.title)).toEqual([`申请 ${request.trackingNumber} 即将到期`]);
  expect((await mine())[0]).toMatchObject({ forStaff: true, link: { type: 'request', id: f.registeredId } });
  // Scanning again (later that day, the next day) repeats nothing.
  cloud.clock.now = new Date(cloud.clock.now.getTime() + SCAN_EVERY_MS);
  await dispatchAll(cloud);
  cloud.clock.now = at(addDays(day, 1));
  await dispatchAll(cloud);
  expect(await mine()).toHaveLength(1);

  cloud.clock.now = at(addDays(request.dueOn!, 1));
  await dispatchAll(cloud);
  cloud.clock.now = at(addDays(request.dueOn!, 3));
  await dispatchAll(cloud);
  expect((await mine()).map((m) => m.title)).toEqual([`申请 ${request.trackingNumber} 已超过答复期限`, `申请 ${request.trackingNumber} 即将到期`]);
  // The applicant is not the one reminded.
  expect((await inboxOf('resident-a')).some((m) => m.title.includes('到期'))).toBe(false);
});

test('a request\'s delivery report counts what reached the applicant, not the staff\'s own reminders about it', async () => {
  const f = await prepareRequestFixture(cloud);
  const request = (await cloud.store.collection('requests').get(f.registeredId))!;
  const calendar = await loadCalendar(cloud.store);
  let day = beijingToday(cloud.clock.now);
  while (reminderDue(request.dueOn, day, calendar) !== 'dueSoon') day = addDays(day, 1);
  cloud.clock.now = at(day);
  await dispatchAll(cloud);
  expect((await inboxOf('demo-clerk')).filter((m) => m.link.id === f.registeredId)).toHaveLength(1);
  ok(await cloud.call('demo-clerk', 'inbox', { action: 'markRead', data: { all: true } }));
  const applicant = await cloud.store.collection(INBOX).count({ subjectId: f.registeredId, openid: 'resident-a' });
  const report = ok(await cloud.call('demo-clerk', 'deliveries', { action: 'forSubject', data: { subjectId: f.registeredId } }));
  expect(report).toMatchObject({ inApp: applicant, read: 0 });
});

test('the scan runs at most once per interval', async () => {
  const MARK = turnMark(remindStaffOfDeadlinesJob);
  const scan = async () => (await runJobsOnce({ store: cloud.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger }, [remindStaffOfDeadlinesJob])).counts.reminded;
  // The demo bureau's seeded requests include ones nearly due and overdue: the first scan reminds.
  expect(await scan()).toBeGreaterThan(0);
  const mark = await cloud.store.collection('meta').get(MARK);
  expect(mark?.at).toBe(cloud.clock.now.toISOString());
  cloud.clock.now = new Date(cloud.clock.now.getTime() + SCAN_EVERY_MS - 1);
  expect(await scan()).toBeUndefined(); // not its turn: it did not run
  expect((await cloud.store.collection('meta').get(MARK))?.at).toBe(mark?.at);
  // After the interval it scans again, but every reminder was already given.
  cloud.clock.now = new Date(cloud.clock.now.getTime() + 1);
  expect(await scan()).toBe(0);
  expect((await cloud.store.collection('meta').get(MARK))?.at).toBe(cloud.clock.now.toISOString());
});

test('an extension moves the due date, and the clerk hears again before the new one', async () => {
  const f = await prepareRequestFixture(cloud);
  const requests = cloud.store.collection('requests');
  const before = (await requests.get(f.registeredId))!;
  const calendar = await loadCalendar(cloud.store);
  let day = beijingToday(cloud.clock.now);
  while (reminderDue(before.dueOn, day, calendar) !== 'dueSoon') day = addDays(day, 1);
  cloud.clock.now = at(day);
  await dispatchAll(cloud);
  const mine = async () => (await inboxOf('demo-clerk')).filter((m) => m.link.id === f.registeredId && m.title.includes('即将到期'));
  expect(await mine()).toHaveLength(1);

  ok(await cloud.call('demo-clerk', 'requests', { action: 'extend', data: { id: before.id, version: before.version, workingDays: 10, approver: '王局长', reason: '需调取档案' } }));
  const extended = (await requests.get(f.registeredId))!;
  expect(extended.dueOn! > before.dueOn!).toBe(true);
  let later = day;
  while (reminderDue(extended.dueOn, later, calendar) !== 'dueSoon') later = addDays(later, 1);
  cloud.clock.now = at(later);
  await dispatchAll(cloud);
  expect((await mine()).map((m) => m.body)).toEqual([expect.stringContaining(extended.dueOn!), expect.stringContaining(before.dueOn!)]);
});
