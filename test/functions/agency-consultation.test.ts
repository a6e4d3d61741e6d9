import { loadCalendar } from '../../cloudfunctions/calendar/calendar-data';
import { addWorkingDays, workingDaysBetween } from '../../shared/calendar/working-calendar';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { application } from '../support/request-factories';

/**
 * 条例 Art. 34: a consulted agency has 15 working days; its silence counts as consent, so the
 * pause ends by itself. Art. 32: a third party also has 15, but its silence is no consent.
 *
 * Pinned dates (2026 as arranged): received Mon 03-02 (day zero); the consultation starts Tue
 * 03-10, the 6th working day (03-03…03-06, 03-09, 03-10). The agency's 15 working days are
 * 03-11…03-31. The remaining 14 count from 04-01, over 清明 (04-04…04-06): 04-01…04-03,
 * 04-07…04-10, 04-13…04-17, 04-20, 04-21 → due 2026-04-21.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: at('2026-03-02') });
});
afterEach(() => cloud.close());

function at(date: string): Date {
  return new Date(`${date}T02:00:00Z`); // 10:00 in Beijing
}

const staffView = async (id: string) => ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id } }));
const inboxOf = async (openid: string, id: string) =>
  (ok(await cloud.call(openid, 'inbox', { action: 'list', data: { limit: 50 } })).items as Array<{ title: string; body: string; link: { id: string } }>).filter(
    (m) => m.link.id === id,
  );

async function consulting(party: 'agency' | 'thirdParty', partyName: string): Promise<{ id: string; version: number; trackingNumber: string }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  expect(registered.receivedOn).toBe('2026-03-02');
  cloud.clock.now = at('2026-03-10');
  return ok(
    await cloud.call('demo-clerk', 'requests', {
      action: 'consult',
      data: { id: registered.id, version: registered.version, step: 'start', party, partyName, matter: '该文件是否可以公开' },
    }),
  );
}

test('an agency consultation never ended pauses the clock for its 15 working days only: on 12-01 the request is long overdue, not "19 days left"', async () => {
  const calendar = await loadCalendar(cloud.store);
  const r = await consulting('agency', '区档案馆');
  expect(addWorkingDays(calendar, '2026-03-10', 15)).toBe('2026-03-31');
  expect(addWorkingDays(calendar, '2026-03-31', 14)).toBe('2026-04-21');

  // No job has run: the clock alone must already stop pausing.
  cloud.clock.now = at('2026-12-01');
  const view = await staffView(r.id);
  expect(view).toMatchObject({ status: 'consulting', dueOn: '2026-04-21' });
  expect(view.workingDaysLeft).toBe(workingDaysBetween(calendar, '2026-12-01', '2026-04-21'));
  expect(view.workingDaysLeft).toBeLessThan(0);
  expect(view.consultations[0]).toMatchObject({ party: 'agency', startedOn: '2026-03-10', answerDueOn: '2026-03-31', endedOn: null });
  expect(view.dueExplanation.steps.join('\n')).toMatch(/其间 15 个工作日不计入答复期限（条例第三十四条，以被征求意见机关答复期限 15 个工作日为限）/);
  const mine = ok(await cloud.call('resident-a', 'requests', { action: 'mine', data: { limit: 20 } })).items.find((i: any) => i.id === r.id);
  expect(mine).toMatchObject({ dueOn: '2026-04-21' });
});

test('the clerk is reminded before the 15 days run out; the day after, the system ends the consultation on the timeline and the clock counts again', async () => {
  const r = await consulting('agency', '区档案馆');

  // 03-26 is 3 working days before 03-31: due soon.
  cloud.clock.now = at('2026-03-26');
  await dispatchAll(cloud);
  expect((await inboxOf('demo-clerk', r.id)).map((m) => m.title)).toEqual([`申请 ${r.trackingNumber} 征求意见即将期满`]);

  // The last day of the period is still the agency's.
  cloud.clock.now = new Date('2026-03-31T15:50:00Z'); // 23:50 on 03-31 in Beijing
  await dispatchAll(cloud);
  expect((await staffView(r.id)).status).toBe('consulting');

  cloud.clock.now = at('2026-04-01');
  await dispatchAll(cloud);
  const view = await staffView(r.id);
  expect(view).toMatchObject({ status: 'registered', dueOn: '2026-04-21' });
  expect(view.consultations[0]).toMatchObject({ endedOn: '2026-03-31', outcome: expect.stringContaining('视为同意公开（条例第三十四条）') });
  expect(view.timeline.at(-1)).toMatchObject({ kind: 'consultationEnded', actor: 'system', actorName: null, detail: expect.stringContaining('2026-03-31') });
  expect(view.allowed).toContain('reply');
  const stored = (await cloud.store.collection('requests').get(r.id))!;
  expect(stored).toMatchObject({ status: 'registered', dueOn: '2026-04-21', dueSort: '2026-04-21' });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: r.id }, orderBy: [['at', 'asc']], limit: 50 })).items;
  expect(events.filter((e) => e.action === 'consultationEnded')).toEqual([expect.objectContaining({ actor: 'system' })]);
  expect((await inboxOf('demo-clerk', r.id)).map((m) => m.title)).toContain(`申请 ${r.trackingNumber} 征求意见已期满`);

  // The applicant reads that the consultation ended, never whom the bureau consulted.
  const seen = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }));
  expect(seen.timeline.at(-1)).toMatchObject({ kind: 'consultationEnded', actor: 'system', detail: null });
  expect(JSON.stringify(seen)).not.toContain('区档案馆');

  // Later runs change nothing.
  cloud.clock.now = at('2026-04-02');
  await dispatchAll(cloud);
  expect((await staffView(r.id)).timeline.filter((t: any) => t.kind === 'consultationEnded')).toHaveLength(1);
});

test("a third party's silence is no consent: the clock counts again after 15 working days, but the consultation stays for the clerk to end", async () => {
  const r = await consulting('thirdParty', '云溪建设集团有限公司');
  cloud.clock.now = at('2026-04-01');
  await dispatchAll(cloud);
  const view = await staffView(r.id);
  expect(view).toMatchObject({ status: 'consulting', dueOn: '2026-04-21' });
  expect(view.consultations[0]).toMatchObject({ answerDueOn: '2026-03-31', endedOn: null });
  expect((await inboxOf('demo-clerk', r.id)).map((m) => m.title)).toContain(`申请 ${r.trackingNumber} 第三方逾期未提出意见`);
  // The clerk may still end it by hand.
  ok(await cloud.call('demo-clerk', 'requests', { action: 'consult', data: { id: r.id, version: view.version, step: 'end', outcome: '第三方逾期未答复，决定公开' } }));
});
