import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { RESPONSE, windowContent } from '../support/rating-fixture';

/**
 * Rating officers work their own departments' windows and 差评 (ratings/rating-scope.ts): a unit's
 * officer lists, opens, answers and is reminded of their departments' follow-ups only, and another
 * unit's are answered as if they did not exist; the bureau's desk (an officer of no department)
 * and admins see all. One harness: two windows, one 差评 on each.
 */
let cloud: CloudHarness;
let housing: { windowId: string; followUpId: string };
let approval: { windowId: string; followUpId: string };
const UNIT_OFFICER = 'housing-rater';

beforeAll(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
  await cloud.store.collection('staff').insert({ id: UNIT_OFFICER, name: '住房保障科好差评人员', roles: ['ratingOfficer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  housing = await badRatingAt('housing');
  approval = await badRatingAt('approval');
});
afterAll(() => cloud.close());

async function badRatingAt(departmentId: string) {
  const window = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent({ departmentId, name: `窗口-${departmentId}` }) } }));
  const { visitCode } = ok(await cloud.call('demo-admin', 'windows', { action: 'issueVisit', data: { windowId: window.id, serviceId: window.services[0].id } }));
  const rated = ok(await cloud.call('resident-a', 'ratings', { action: 'submit', data: { visitCode, level: 'dissatisfied', tags: [], comment: '', contactName: '陈先生', contactPhone: '13800138000' } }));
  return { windowId: window.id as string, followUpId: rated.id as string };
}

/** The follow-ups of this file's two windows an officer's list holds (the demo bureau's own are there too). */
const listed = async (openid: string) => {
  const ours = new Set([housing.followUpId, approval.followUpId]);
  const page = ok(await cloud.call(openid, 'ratings', { action: 'followUps', data: { limit: 50 } }));
  return (page.items as Array<{ id: string; departmentId?: string }>).map((f) => f.id).filter((id) => ours.has(id)).sort();
};

test("a unit's officer lists, counts and sees their departments' follow-ups and windows only; the desk and admins all", async () => {
  expect(await listed(UNIT_OFFICER)).toEqual([housing.followUpId]);
  const unitList = ok(await cloud.call(UNIT_OFFICER, 'ratings', { action: 'followUps', data: { limit: 50 } })).items as Array<{ windowName: string }>;
  expect(unitList.every((f) => f.windowName !== '窗口-approval')).toBe(true);
  for (const everyone of ['demo-rater', 'demo-admin']) expect(await listed(everyone)).toEqual([housing.followUpId, approval.followUpId].sort());

  const windows = ok(await cloud.call(UNIT_OFFICER, 'windows', { action: 'manageList', data: {} })) as Array<{ id: string }>;
  const housingWindows = (await cloud.store.collection('windows').find({ orderBy: [['name', 'asc']], limit: 100 })).items.filter((w) => w.departmentId === 'housing');
  expect(windows.map((w) => w.id).sort()).toEqual(housingWindows.map((w) => w.id).sort());
  expect(windows.map((w) => w.id)).toContain(housing.windowId);
  // 我的待办 counts what the list shows.
  const owed = async (departmentIds: string[] | null) =>
    (await cloud.store.collection('followUps').find({ where: { status: { in: ['open', 'rectifying'] } }, orderBy: [['dueDate', 'asc']], limit: 1000 })).items.filter((f) => !departmentIds || departmentIds.includes(f.departmentId)).length;
  expect(ok(await cloud.call(UNIT_OFFICER, 'workbench', { action: 'todo', data: {} })).followUps).toMatchObject({ open: await owed(['housing']) });
  expect(ok(await cloud.call('demo-rater', 'workbench', { action: 'todo', data: {} })).followUps).toMatchObject({ open: await owed(null) });
  expect(await owed(['housing'])).toBeLessThan(await owed(null));

  // Their own: the rater's phone unmasked for the call back. Another unit's: as if it did not exist.
  expect(ok(await cloud.call(UNIT_OFFICER, 'ratings', { action: 'followUp', data: { id: housing.followUpId } }))).toMatchObject({ id: housing.followUpId });
  expect(await cloud.call(UNIT_OFFICER, 'ratings', { action: 'followUp', data: { id: approval.followUpId } })).toMatchObject({ ok: false, code: 'FOLLOW_UP_NOT_FOUND' });
  expect(await cloud.call(UNIT_OFFICER, 'windows', { action: 'get', data: { id: approval.windowId } })).toMatchObject({ ok: false, code: 'WINDOW_NOT_FOUND' });
  expect(await cloud.call(UNIT_OFFICER, 'windows', { action: 'save', data: { window: windowContent({ departmentId: 'market' }) } })).toMatchObject({
    ok: false, code: 'VALIDATION_FAILED', fields: { 'window.departmentId': expect.any(String) },
  });
});

test("answering another unit's follow-up, even at a stale version, is refused as a missing one and writes nothing; their own is answered", async () => {
  const before = await cloud.store.collection('followUps').get(approval.followUpId);
  for (const version of [1, 99]) {
    expect(await cloud.call(UNIT_OFFICER, 'ratings', { action: 'respond', data: { id: approval.followUpId, version, ...RESPONSE } })).toMatchObject({ ok: false, code: 'FOLLOW_UP_NOT_FOUND' });
  }
  expect(await cloud.store.collection('followUps').get(approval.followUpId)).toEqual(before);
  expect(ok(await cloud.call(UNIT_OFFICER, 'ratings', { action: 'respond', data: { id: housing.followUpId, version: 1, ...RESPONSE } }))).toMatchObject({ status: 'answered' });
});

test("the reminder of an overdue 差评 of a unit with no rating officer goes to the desk and the admins, never to another unit's officer", async () => {
  cloud.clock.now = new Date('2026-10-26T02:00:00Z');
  await dispatchAll(cloud);
  const remindedOf = async (openid: string) => {
    const page = ok(await cloud.call(openid, 'inbox', { action: 'list', data: { limit: 50 } }));
    return new Set((page.items as Array<{ link: { id: string } }>).map((m) => m.link.id));
  };
  const [unit, desk, admin] = await Promise.all([remindedOf(UNIT_OFFICER), remindedOf('demo-rater'), remindedOf('demo-admin')]);
  expect(unit.has(approval.followUpId)).toBe(false);
  expect(desk.has(approval.followUpId) && admin.has(approval.followUpId)).toBe(true);
});
