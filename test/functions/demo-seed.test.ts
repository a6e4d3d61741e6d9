import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/**
 * The demo bureau every `npm start` seeds (and every harness starts from) shows each step a clerk or
 * rating officer meets, made through the same domain steps as real ones: among them a request whose
 * applicant was asked for reasons (条例 Art. 35), one closed for a lapsed supplement and reopened by a
 * late one with good reason (Art. 30), and a 差评 under a 限期整改 plan.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

const requestsOf = async (who: string, action: string, data: object) => ok(await cloud.call(who, 'requests', { action, data }));

test('a request awaiting the applicant\'s reasons: in the clerk\'s queue, answerable by demo-resident in the app', async () => {
  const queue = await requestsOf('demo-clerk', 'queue', { status: 'reasonsRequested' });
  expect(queue.items).toHaveLength(1);
  const asked = await requestsOf('demo-resident', 'get', { id: queue.items[0].id });
  expect(asked).toMatchObject({ status: 'reasonsRequested', statusLabel: '待说明理由', reasons: { answer: null }, allowed: expect.arrayContaining(['giveReasons']) });
  expect(asked.letters.map((l: { kind: string }) => l.kind)).toEqual(['reasons']);
  const staff = await requestsOf('demo-clerk', 'manageGet', { id: asked.id });
  expect(staff.allowed).toEqual(expect.arrayContaining(['recordReasons', 'setDelayedDue']));
});

test('a request closed for a lapsed supplement and reopened by a late one with good reason, both on its timeline', async () => {
  const { items } = await cloud.store.collection('requests').find({ where: { status: 'registered' }, orderBy: [['submittedAt', 'asc']], limit: 50 });
  const reopened = items.filter((r) => r.history.some((h) => h.kind === 'reopened'));
  expect(reopened).toHaveLength(1);
  const view = await requestsOf('demo-clerk', 'manageGet', { id: reopened[0].id });
  expect(view.timeline.map((t: { kind: string }) => t.kind)).toEqual(['submitted', 'registered', 'supplementRequested', 'closed', 'reopened']);
  expect(view.timeline.at(-1).detail).toContain('逾期补正有正当理由');
  expect(view).toMatchObject({ status: 'registered', ending: null, supplement: { answer: { lateReason: expect.stringContaining('住院') } } });
  // The clock restarted from the late supplement: the answer is still due.
  expect(view.workingDaysLeft).toBeGreaterThan(0);
});

test('a 差评 under a 限期整改 plan (整改中), answered, its date ahead, counted as followed up but not yet rectified', async () => {
  const rectifying = ok(await cloud.call('demo-rater', 'ratings', { action: 'followUps', data: { status: 'rectifying' } })).items;
  expect(rectifying).toHaveLength(1);
  expect(rectifying[0]).toMatchObject({ status: 'rectifying', overdue: false, completion: null, response: { rectification: 'plan', planDueDate: expect.any(String) } });
  const window = ok(await cloud.call(null, 'ratings', { action: 'stats', data: { windowId: rectifying[0].windowId } }));
  expect(window.followUpsAnswered).toBeGreaterThan(0);
  expect(window.followUpsRectified).toBeLessThan(window.followUpsOpened);
});
