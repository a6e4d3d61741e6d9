import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application, enteredApplication } from '../support/request-factories';

/**
 * The staff queue keeps each request's row per version (cloudfunctions/requests/queue-rows.ts): a kept
 * row must never outlive what it shows — a change of the request, the next day, a new calendar.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z') });
});
afterEach(() => cloud.close());

const queue = async () => ok(await cloud.call('demo-clerk', 'requests', { action: 'queue', data: { limit: 50 } }));
const rowOf = async (id: string) => {
  const page = await queue();
  return [...page.items, ...page.awaitingRegistration].find((r: { id: string }) => r.id === id);
};

test('a request changed since the last look shows as it is now, and the next day counts its days again', async () => {
  const entered = ok(await cloud.call('demo-clerk', 'requests', { action: 'enter', data: enteredApplication({ receivedOn: '2026-11-24' }) }));
  const first = await rowOf(entered.id);
  expect(first).toMatchObject({ version: entered.version, status: 'registered' });
  const left = first.workingDaysLeft as number;

  // Wednesday 25 November: one working day fewer, though the request did not change.
  cloud.clock.now = new Date('2026-11-25T02:00:00Z');
  expect((await rowOf(entered.id)).workingDaysLeft).toBe(left - 1);

  const asked = ok(await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: entered.id, version: entered.version, items: ['请说明所需信息的年度'], workingDays: 10 } }));
  expect(await rowOf(entered.id)).toMatchObject({ version: asked.version, status: 'supplementRequested', supplementDeadlineOn: expect.any(String) });
});

test('an application waiting at the head leaves it once registered, the same call as it is registered', async () => {
  const submitted = ok(await cloud.call('queue-resident', 'requests', { action: 'submit', data: application() }));
  expect((await queue()).awaitingRegistration.map((r: { id: string }) => r.id)).toContain(submitted.id);
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version, receivedOn: '2026-11-24' } }));
  const page = await queue();
  expect(page.awaitingRegistration.map((r: { id: string }) => r.id)).not.toContain(submitted.id);
  expect(page.items.find((r: { id: string }) => r.id === submitted.id)).toMatchObject({ status: 'registered', waiting: null });
});
