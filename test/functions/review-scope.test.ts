import { ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';
import { reviewSuite } from '../support/review-suite';

/**
 * Department scope of 公开审查 (shared/reviews/review-scope.ts): a reviewer given departments sees,
 * counts and decides only the items whose subject is in them — a request's 承办部门, a notice's 发布部门
 * — and another department's item answers like a missing one; admins and a reviewer of no department
 * (the demo's 孙静) see every item.
 */
let cloud: CloudHarness;
const HOUSING_REVIEWER = 'housing-reviewer';
let housingNotice: string;
let officeNotice: string;
let housingReply: string;
let officeReply: string;

const { call } = reviewSuite((c) => (cloud = c));
const queueIds = async (as: string) => (ok(await call(as, 'reviews', 'queue', { limit: 50 })).items as Array<{ id: string }>).map((i) => i.id);

beforeAll(async () => {
  await cloud.store.collection('staff').insert({ id: HOUSING_REVIEWER, name: '住房保障科审核人员', roles: ['reviewer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  const submitNotice = async (departmentId: string) => {
    const draft = ok(await call('demo-editor', 'notices', 'save', { notice: announcement({ title: `${departmentId}的待审通知`, departmentId }) }));
    return ok(await call('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version })).reviewId as string;
  };
  const submitReply = async (departmentId: string) => {
    const submitted = ok(await call('resident-a', 'requests', 'submit', application()));
    const request = ok(await call('demo-admin', 'requests', 'register', { id: submitted.id, version: submitted.version, departmentId }));
    return ok(await call('demo-admin', 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现予以公开。' })).reviewId as string;
  };
  housingNotice = await submitNotice('housing');
  officeNotice = await submitNotice('office');
  housingReply = await submitReply('housing');
  officeReply = await submitReply('office');
});

test('a reviewer of 住房保障科 sees and counts that department\'s notices and letters only', async () => {
  const seen = await queueIds(HOUSING_REVIEWER);
  expect(seen).toEqual(expect.arrayContaining([housingNotice, housingReply]));
  expect(seen).not.toContain(officeNotice);
  expect(seen).not.toContain(officeReply);
  expect(ok(await call(HOUSING_REVIEWER, 'workbench', 'todo', {})).reviews.waiting).toBe(seen.length);
  expect(ok(await call(HOUSING_REVIEWER, 'reviews', 'get', { id: housingReply })).departmentId).toBe('housing');

  // Another department's item: like a missing one, to read or to decide; nothing changes.
  const missing = await call(HOUSING_REVIEWER, 'reviews', 'get', { id: 'no-such-review' });
  expect(await call(HOUSING_REVIEWER, 'reviews', 'get', { id: officeReply })).toEqual(missing);
  const office = (await cloud.store.collection('reviews').get(officeNotice))!;
  expect(await call(HOUSING_REVIEWER, 'reviews', 'approve', { id: office.id, version: office.version })).toMatchObject({ ok: false, code: 'REVIEW_NOT_FOUND' });
  expect(await call(HOUSING_REVIEWER, 'reviews', 'sendBack', { id: office.id, version: office.version, comment: '不是本部门的' })).toMatchObject({ ok: false, code: 'REVIEW_NOT_FOUND' });
  expect((await cloud.store.collection('reviews').get(officeNotice))!).toMatchObject({ status: 'pending', version: office.version });
  expect(ok(await call(HOUSING_REVIEWER, 'reviews', 'forSubject', { subjectId: office.subjectId }))).toBeNull();

  // Their own department's item they decide.
  const item = ok(await call(HOUSING_REVIEWER, 'reviews', 'get', { id: housingNotice }));
  ok(await call(HOUSING_REVIEWER, 'reviews', 'approve', { id: item.id, version: item.version }));
});

test('an admin and a reviewer of no department see every department\'s items', async () => {
  for (const who of ['demo-admin', 'demo-reviewer']) {
    const seen = await queueIds(who);
    expect(seen).toEqual(expect.arrayContaining([officeNotice, officeReply]));
    ok(await call(who, 'reviews', 'get', { id: officeNotice }));
  }
  // demo-admin wrote both replies: their count leaves their own out (SELF_REVIEW), the reviewer's does not.
  const all = ok(await call('demo-reviewer', 'workbench', 'todo', {})).reviews.waiting;
  expect(ok(await call('demo-admin', 'workbench', 'todo', {})).reviews.waiting).toBe(all - 2);
});

test('a request handed to another department takes its letter waiting for review along', async () => {
  const submitted = ok(await call('resident-a', 'requests', 'submit', application()));
  const request = ok(await call('demo-admin', 'requests', 'register', { id: submitted.id, version: submitted.version, departmentId: 'office' }));
  const { reviewId } = ok(await call('demo-admin', 'requests', 'reply', { id: request.id, version: request.version, category: 'disclosed', text: '现予以公开。' }));
  expect(await queueIds(HOUSING_REVIEWER)).not.toContain(reviewId);
  ok(await call('demo-admin', 'requests', 'assignDepartment', { id: request.id, version: request.version, departmentId: 'housing' }));
  expect(await queueIds(HOUSING_REVIEWER)).toContain(reviewId);
  const item = ok(await call(HOUSING_REVIEWER, 'reviews', 'get', { id: reviewId }));
  expect(item.departmentId).toBe('housing');
  const events = (await cloud.store.collection('events').find({ where: { subjectId: reviewId }, orderBy: [['at', 'asc']], limit: 10 })).items;
  expect(events.map((e) => e.action)).toEqual(['submitted', 'departmentChanged']);
  // The request moved since: the new department's reviewer can only send it back.
  ok(await call(HOUSING_REVIEWER, 'reviews', 'sendBack', { id: item.id, version: item.version, comment: '请按新承办部门重新拟写答复。' }));
});
