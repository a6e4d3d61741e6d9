import { SCAN_EVERY_MS } from '../../cloudfunctions/_jobs/job-turn';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { dispatchAll } from '../support/notifications-fixture';
import { RESPONSE, windowContent } from '../support/rating-fixture';

/**
 * The handler of a 差评 follow-up hears in 消息 3 working days before
 * its due date and on the day it becomes overdue, once each.
 *
 * Pinned dates: a 差评 on Mon 2026-09-28 is due 15 working days on, with 国庆
 * (10-01…10-07) skipped and the make-up Saturday 10-10 counted: Fri 2026-10-23.
 * 3 working days before is Tue 10-20; it becomes overdue on Sat 10-24.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness({ now: at('2026-09-28') });
  // Here 赵磊 is 行政审批科's own officer (in the demo he is the bureau's desk, of no department).
  const rater = (await cloud.store.collection('staff').get('demo-rater'))!;
  await cloud.store.collection('staff').update(rater.id, rater.version, { departmentIds: ['approval'], departmentId: 'approval' });
});
afterEach(() => cloud.close());

function at(date: string): Date {
  return new Date(`${date}T02:00:00Z`); // 10:00 in Beijing
}

async function badRatingAt(departmentId: string): Promise<string> {
  const window = ok(await cloud.call('demo-admin', 'windows', { action: 'save', data: { window: windowContent({ departmentId, name: `窗口-${departmentId}` }) } }));
  const { visitCode } = ok(await cloud.call('demo-admin', 'windows', { action: 'issueVisit', data: { windowId: window.id, serviceId: window.services[0].id } }));
  const rated = ok(await cloud.call('resident-a', 'ratings', { action: 'submit', data: { visitCode, level: 'veryDissatisfied', tags: [], comment: '' } }));
  expect(rated.followUpDueDate).toBe('2026-10-23');
  return rated.id;
}

const remindersOf = async (openid: string, followUpId: string) => {
  const page = ok(await cloud.call(openid, 'inbox', { action: 'list', data: { limit: 50 } }));
  return (page.items as Array<{ title: string; body: string; link: { type: string; id: string }; forStaff?: true }>).filter((m) => m.link.id === followUpId);
};

test("the unit's rating officer hears once 3 working days before the due date and once when overdue, however often the scan runs", async () => {
  const id = await badRatingAt('approval');
  const runAt = async (when: Date) => {
    cloud.clock.now = when;
    await dispatchAll(cloud);
  };
  await runAt(at('2026-10-19'));
  expect(await remindersOf('demo-rater', id)).toEqual([]);

  await runAt(at('2026-10-20'));
  expect(await remindersOf('demo-rater', id)).toEqual([
    expect.objectContaining({ title: '差评整改即将到期：窗口-approval（商品房预售许可）', forStaff: true, link: { type: 'rating', id } }),
  ]);
  expect((await remindersOf('demo-rater', id))[0].body).toContain('2026-10-23');
  await runAt(new Date(at('2026-10-20').getTime() + SCAN_EVERY_MS));
  await runAt(at('2026-10-21'));
  await runAt(at('2026-10-23'));
  expect(await remindersOf('demo-rater', id)).toHaveLength(1);

  await runAt(at('2026-10-24'));
  await runAt(new Date(at('2026-10-24').getTime() + SCAN_EVERY_MS));
  await runAt(at('2026-10-26'));
  expect((await remindersOf('demo-rater', id)).map((m) => m.title)).toEqual(['差评整改已超过期限：窗口-approval（商品房预售许可）', '差评整改即将到期：窗口-approval（商品房预售许可）']);
  // 谁办理、谁负责: the unit has its own officer, so nobody else is reminded; the rater never is.
  expect(await remindersOf('demo-admin', id)).toEqual([]);
  expect(await remindersOf('resident-a', id)).toEqual([]);
});

test("an answered follow-up is owed nothing more; a unit without a rating officer: those who can open it hear (the admins and any officer of no department), not another unit's officer", async () => {
  const answered = await badRatingAt('approval');
  const orphan = await badRatingAt('policy');
  cloud.clock.now = at('2026-10-20');
  await dispatchAll(cloud);
  const followUp = (await cloud.store.collection('followUps').get(answered))!;
  ok(await cloud.call('demo-rater', 'ratings', { action: 'respond', data: { id: answered, version: followUp.version, ...RESPONSE } }));

  cloud.clock.now = at('2026-10-26');
  await dispatchAll(cloud);
  expect((await remindersOf('demo-rater', answered)).map((m) => m.title)).toEqual(['差评整改即将到期：窗口-approval（商品房预售许可）']);
  expect(await remindersOf('demo-rater', orphan)).toEqual([]);
  for (const officer of ['demo-admin']) {
    expect((await remindersOf(officer, orphan)).map((m) => m.title)).toEqual([
      '差评整改已超过期限：窗口-policy（商品房预售许可）',
      '差评整改即将到期：窗口-policy（商品房预售许可）',
    ]);
  }
  expect(await remindersOf('demo-clerk', orphan)).toEqual([]);
});

test('a 限期整改 is reminded before its plan date and once past it, until its completion is recorded', async () => {
  const id = await badRatingAt('approval');
  cloud.clock.now = at('2026-09-29');
  // Tue 09-29 + plan by Fri 10-16; 3 working days before is Tue 10-13.
  ok(await cloud.call('demo-rater', 'ratings', { action: 'respond', data: { id, version: 1, ...RESPONSE, rectification: 'plan', planDueDate: '2026-10-16' } }));
  cloud.clock.now = at('2026-10-12');
  await dispatchAll(cloud);
  expect(await remindersOf('demo-rater', id)).toEqual([]);
  cloud.clock.now = at('2026-10-13');
  await dispatchAll(cloud);
  expect((await remindersOf('demo-rater', id)).map((m) => m.title)).toEqual(['限期整改即将到期：窗口-approval（商品房预售许可）']);
  cloud.clock.now = at('2026-10-17');
  await dispatchAll(cloud);
  expect((await remindersOf('demo-rater', id)).map((m) => m.title)).toEqual(['限期整改已超过期限：窗口-approval（商品房预售许可）', '限期整改即将到期：窗口-approval（商品房预售许可）']);

  // Completed: nothing more, however long it runs.
  const current = (await cloud.store.collection('followUps').get(id))!;
  ok(await cloud.call('demo-rater', 'ratings', { action: 'complete', data: { id, version: current.version, done: '已统一材料清单并在大厅公示' } }));
  cloud.clock.now = at('2026-10-26');
  await dispatchAll(cloud);
  expect(await remindersOf('demo-rater', id)).toHaveLength(2);
});
