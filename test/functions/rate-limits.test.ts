import { httpStatusOf } from '../../shared/api/errors';
import { limitsFor, RATE_LIMITS_META_ID } from '../../shared/limits/rate-limits';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';
import { storeSnapshot } from '../support/store-snapshot';

/**
 * Abuse limits over the real functions and SQLite: counted per caller in the database, checked
 * before the handler, refused with RATE_LIMITED (429) and when to retry, nothing written.
 */
let cloud: CloudHarness;

beforeEach(async () => {
  // 2026-11-24 10:00 Beijing: the hour's window ends at 11:00, the day's at midnight Beijing.
  cloud = await createCloudHarness({ rateLimits: true, now: new Date('2026-11-24T02:00:00Z') });
});
afterEach(() => cloud.close());

const submit = (openid: string) => cloud.call(openid, 'requests', { action: 'submit', data: application() });
const submitsOf = async (openid: string) => cloud.store.collection('requests').count({ ownerOpenid: openid });

test('a resident’s 6th submit in an hour is refused with 429 and when to retry, and nothing is written', async () => {
  for (let i = 0; i < 5; i++) ok(await submit('flooding-resident'));
  const before = await storeSnapshot(cloud);

  const refused = await submit('flooding-resident');
  expect(refused).toMatchObject({ ok: false, code: 'RATE_LIMITED', retryAfter: 3600 });
  expect(httpStatusOf('RATE_LIMITED')).toBe(429);
  expect(refused.ok === false && refused.message).toBe('操作过于频繁：每小时最多提交申请 5 次，请 1 小时后再试');
  // Not the request, not a tracking number, not an event, not even the counter.
  expect(await storeSnapshot(cloud)).toBe(before);
  expect(await submitsOf('flooding-resident')).toBe(5);
});

test('another resident is unaffected, and a staff member’s calls are counted apart under their own limits', async () => {
  for (let i = 0; i < 5; i++) ok(await submit('flooding-resident'));
  expect(await submit('flooding-resident')).toMatchObject({ code: 'RATE_LIMITED' });

  for (let i = 0; i < 5; i++) ok(await submit('patient-resident'));
  // A clerk may submit more than a resident: staff have their own counts and limits.
  for (let i = 0; i < 6; i++) ok(await submit('demo-clerk'));
  expect(await submitsOf('demo-clerk')).toBe(6);
});

test('when the window passes the resident may submit again; the day’s limit holds until Beijing midnight', async () => {
  for (let i = 0; i < 5; i++) ok(await submit('steady-resident'));
  cloud.clock.now = new Date('2026-11-24T02:59:59Z');
  expect(await submit('steady-resident')).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
  cloud.clock.now = new Date('2026-11-24T03:00:00Z');
  ok(await submit('steady-resident'));

  // 20 a day: 5 more in each of the next hours reach 20 by 14:xx Beijing.
  for (let i = 0; i < 4; i++) ok(await submit('steady-resident'));
  for (const hour of ['04', '05']) {
    cloud.clock.now = new Date(`2026-11-24T${hour}:00:00Z`);
    for (let i = 0; i < 5; i++) ok(await submit('steady-resident'));
  }
  cloud.clock.now = new Date('2026-11-24T06:00:00Z');
  const refused = await submit('steady-resident');
  // Beijing midnight is 16:00 UTC: ten hours on, and the message says the day's limit.
  expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 10 * 3600 });
  expect(refused.ok === false && refused.message).toContain('每天最多提交申请 20 次');
  cloud.clock.now = new Date('2026-11-24T16:00:00Z');
  ok(await submit('steady-resident'));
  expect(await submitsOf('steady-resident')).toBe(21);
});

test('300 submits fired at once by one resident: exactly 5 pass, each with its own tracking number', async () => {
  const answers = await Promise.all(Array.from({ length: 300 }, () => submit('script-resident')));
  const passed = answers.filter((a) => a.ok);
  expect(passed).toHaveLength(5);
  expect(answers.filter((a) => !a.ok && a.code === 'RATE_LIMITED')).toHaveLength(295);
  expect(new Set(passed.map((a) => a.ok && a.data.trackingNumber)).size).toBe(5);
  expect(await submitsOf('script-resident')).toBe(5);
});

test('the bureau’s own limits (meta/rate-limits) replace the defaults for the audience they name', async () => {
  await cloud.store.collection('meta').insert({ id: RATE_LIMITS_META_ID, rateLimits: { 'requests.submit': { staff: [{ max: 2, seconds: 3600 }] } } });
  ok(await submit('demo-clerk'));
  ok(await submit('demo-clerk'));
  expect(await submit('demo-clerk')).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3600 });
  // Residents keep the default five.
  for (let i = 0; i < 5; i++) ok(await submit('resident-b'));
  expect(await submit('resident-b')).toMatchObject({ code: 'RATE_LIMITED' });
});

test('a malformed bureau entry is ignored: the defaults apply', async () => {
  await cloud.store.collection('meta').insert({ id: RATE_LIMITS_META_ID, rateLimits: { 'requests.submit': { resident: [{ max: 'many', seconds: 3600 }] } } as never });
  for (let i = 0; i < 5; i++) ok(await submit('resident-c'));
  expect(await submit('resident-c')).toMatchObject({ code: 'RATE_LIMITED' });
});

test('searches: anonymous callers are counted per IP address, residents per OPENID', async () => {
  const search = (openid: string | null, clientIp?: string) => cloud.call(openid, 'notices', { action: 'search', data: { q: '电梯' } }, { clientIp });
  for (let i = 0; i < 60; i++) ok(await search(null, '203.0.113.7'));
  const refused = await search(null, '203.0.113.7');
  expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60 });
  expect(refused.ok === false && refused.message).toBe('操作过于频繁：每分钟最多搜索 60 次，请 1 分钟后再试');
  ok(await search(null, '198.51.100.20'));
  ok(await search('demo-resident', '203.0.113.7'));
});

test('a call refused by its schema is not counted; reads that are not listed are never limited', async () => {
  for (let i = 0; i < 10; i++) expect(await cloud.call('resident-d', 'requests', { action: 'submit', data: {} })).toMatchObject({ code: 'VALIDATION_FAILED' });
  for (let i = 0; i < 5; i++) ok(await submit('resident-d'));
  for (let i = 0; i < 80; i++) ok(await cloud.call('resident-d', 'requests', { action: 'mine', data: {} }));
});

test('ratings and opinions are limited too', async () => {
  await cloud.store.collection('meta').insert({
    id: RATE_LIMITS_META_ID,
    rateLimits: { 'ratings.submit': { resident: [{ max: 0, seconds: 3600 }] }, 'notices.comment': { resident: [{ max: 0, seconds: 3600 }] } },
  });
  const before = await storeSnapshot(cloud);
  expect(await cloud.call('resident-e', 'ratings', { action: 'submit', data: { windowId: 'w-1', level: 'verySatisfied', tags: ['服务态度好'] } })).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await cloud.call('resident-e', 'notices', { action: 'comment', data: { id: 'n-1', text: '建议增加停车位。' } })).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await storeSnapshot(cloud)).toBe(before);
});

test('inquiries: a resident’s 6th question in an hour is refused, nothing written', async () => {
  const ask = (n: number) =>
    cloud.call('asking-resident', 'inquiries', { action: 'ask', data: { idempotencyKey: `rate-ask-${n}`, kind: 'inquiry', topic: '户籍', departmentId: 'office', text: '新生儿落户需要哪些材料？', contact: { name: '周丽', phone: '13900001111' }, replyBy: 'phone' } });
  for (let i = 0; i < 5; i++) ok(await ask(i));
  const before = await storeSnapshot(cloud);
  const refused = await ask(5);
  expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3600 });
  expect(refused.ok === false && refused.message).toBe('操作过于频繁：每小时最多咨询 5 次，请 1 小时后再试');
  expect(await storeSnapshot(cloud)).toBe(before);
});

test('a supplement and the subscription writes are limited per resident', async () => {
  await cloud.store.collection('meta').insert({
    id: RATE_LIMITS_META_ID,
    rateLimits: {
      'requests.supplement': { resident: [{ max: 0, seconds: 3600 }] },
      'subscriptions.subscribe': { resident: [{ max: 2, seconds: 3600 }] },
      'subscriptions.unsubscribe': { resident: [{ max: 1, seconds: 3600 }] },
      'subscriptions.recordGrants': { resident: [{ max: 0, seconds: 3600 }] },
    },
  });
  expect(await cloud.call('resident-f', 'requests', { action: 'supplement', data: { id: 'r-1', version: 1, text: '补充说明。' } })).toMatchObject({ code: 'RATE_LIMITED' });
  const topic = (kind: string) => ({ kind });
  ok(await cloud.call('resident-f', 'subscriptions', { action: 'subscribe', data: topic('announcement') }));
  ok(await cloud.call('resident-f', 'subscriptions', { action: 'unsubscribe', data: topic('announcement') }));
  ok(await cloud.call('resident-f', 'subscriptions', { action: 'subscribe', data: topic('announcement') }));
  const before = await storeSnapshot(cloud);
  const refused = await cloud.call('resident-f', 'subscriptions', { action: 'subscribe', data: topic('policy') });
  expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 3600 });
  expect(refused.ok === false && refused.message).toBe('操作过于频繁：每小时最多订阅 2 次，请 1 小时后再试');
  expect(await cloud.call('resident-f', 'subscriptions', { action: 'unsubscribe', data: topic('announcement') })).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await cloud.call('resident-f', 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId: 'tpl-notice', result: 'accept' }] } })).toMatchObject({ code: 'RATE_LIMITED' });
  expect(await storeSnapshot(cloud)).toBe(before);
  // Reading one's topics is never limited.
  ok(await cloud.call('resident-f', 'subscriptions', { action: 'topics', data: {} }));
});

test('the defaults: a supplement 10 an hour, subscribing 30 an hour', () => {
  expect(limitsFor('requests.supplement', 'resident', undefined)).toEqual([{ max: 10, seconds: 3600 }, { max: 30, seconds: 86400 }]);
  for (const action of ['subscribe', 'unsubscribe', 'recordGrants']) expect(limitsFor(`subscriptions.${action}`, 'resident', undefined)[0]).toEqual({ max: 30, seconds: 3600 });
});
