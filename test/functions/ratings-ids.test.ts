import { createHash } from 'node:crypto';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { windowContent } from '../support/rating-fixture';
import { application } from '../support/request-factories';

/**
 * A rating's public id (and its follow-up's, which shares it) says nothing of
 * who rated or what: not the request rated, not the visit code, not a hash of
 * the rater's OPENID that would link their anonymous and named ratings. The
 * keys that keep "one visit, one rating" stay on the server.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const officer = 'demo-rater';
const rate = (who: string, data: Record<string, unknown>) => cloud.call(who, 'ratings', { action: 'submit', data });
const parts = (id: string) => id.split(/[^A-Za-z0-9]+/).filter((p) => p.length > 1);
/** Every hash of the OPENID an id could carry, as hex and base64url: no 6 characters of either may appear. */
const openidHashes = (openid: string) => [createHash('sha256').update(openid).digest('hex'), createHash('sha256').update(openid).digest('base64url')].map((h) => h.slice(0, 6));

test('a request\'s rating and its follow-up: the id holds neither the request id nor a hash of the rater\'s OPENID', async () => {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  ok(await cloud.call('demo-clerk', 'requests', {
    action: 'reply',
    data: { id: registered.id, version: registered.version, category: 'disclosed', text: '经查，您申请的信息予以公开，见附件。', attachments: [] },
  }));
  const rating = ok(await rate('resident-a', { requestId: submitted.id, level: 'dissatisfied' }));
  const followUp = ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id: rating.id } }));
  for (const id of [rating.id, followUp.id, followUp.ratingId]) {
    expect(id).not.toContain(submitted.id);
    expect(id).not.toContain(submitted.trackingNumber);
    for (const h of openidHashes('resident-a')) expect(id).not.toContain(h);
  }
  // Still joined: the follow-up is the rating's, and the rater sees the answer on it.
  expect(followUp).toMatchObject({ ratingId: rating.id, rater: { openid: 'resident-a' } });
  expect(ok(await cloud.call('resident-a', 'ratings', { action: 'mine', data: {} })).items.map((r: { id: string }) => r.id)).toContain(rating.id);
  // Still once only.
  expect(await rate('resident-a', { requestId: submitted.id, level: 'satisfied' })).toMatchObject({ ok: false, code: 'ALREADY_RATED' });
});

test('two ratings by one resident of one window on two days share no part of their ids; a visit rating holds not its code', async () => {
  const w = ok(await cloud.call(officer, 'windows', { action: 'save', data: { window: windowContent() } }));
  cloud.clock.now = new Date('2026-11-24T01:00:00Z');
  const monday = ok(await rate('resident-a', { windowId: w.id, level: 'veryDissatisfied', anonymous: true }));
  cloud.clock.now = new Date('2026-11-25T01:00:00Z');
  const tuesday = ok(await rate('resident-a', { windowId: w.id, level: 'satisfied', contactName: '陈明' }));
  expect(parts(monday.id).filter((p) => parts(tuesday.id).includes(p))).toEqual([]);
  for (const id of [monday.id, tuesday.id]) {
    expect(id).not.toContain(w.id);
    expect(id).not.toMatch(/2026112[45]/);
    for (const h of openidHashes('resident-a')) expect(id).not.toContain(h);
  }
  // The follow-up of Monday's 差评 is found by the rating's id.
  expect(ok(await cloud.call(officer, 'ratings', { action: 'followUp', data: { id: monday.id } })).ratingId).toBe(monday.id);

  const visit = ok(await cloud.call(officer, 'windows', { action: 'issueVisit', data: { windowId: w.id } }));
  const byCode = ok(await rate('resident-b', { visitCode: visit.visitCode, level: 'satisfied' }));
  expect(byCode.id).not.toContain(visit.visitCode);
  expect((await cloud.store.collection('visits').get(visit.visitCode))?.ratingId).toBe(byCode.id);
});
