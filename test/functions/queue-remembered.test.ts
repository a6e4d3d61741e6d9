import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { Store } from '../../cloudfunctions/_runtime/store/port';
import { findFunction } from '../../cloudfunctions/registry';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application, enteredApplication } from '../support/request-factories';

/**
 * The staff queue's answer is remembered by the store until the requests, the calendar or the bureau's
 * settings change (remembered-answer.ts), per department scope, filter and day. Whatever changed, a
 * remembered answer must be exactly the answer worked out afresh, for every kind of handler: here each
 * step compares the two for a clerk of 局办公室, one of 住房保障科, one with no department and an admin,
 * on the unfiltered queue and on its filters.
 */
let cloud: CloudHarness;
const HOUSING = 'housing-clerk';
const NOWHERE = 'no-department-clerk';
const PEOPLE = ['demo-clerk', HOUSING, NOWHERE, 'demo-admin'];
const FILTERS = [{}, { status: 'registered' }, { due: 'overdue' }, { due: 'dueSoon' }, { unassigned: true }, { departmentId: 'housing' }, { status: 'submitted' }];

beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-11-24T02:00:00Z') });
  await cloud.store.collection('staff').insert({ id: HOUSING, name: '住房保障科办理人员', roles: ['handler'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  await cloud.store.collection('staff').insert({ id: NOWHERE, name: '未分部门办理人员', roles: ['handler'], departmentIds: [], departmentId: null, active: true });
});
afterEach(() => cloud.close());

/** The same store without `remember`: every call works its answer out, as on CloudBase. */
const forgetful = (store: Store): Store => ({ collection: (name) => store.collection(name), transaction: (work) => store.transaction(work) });

async function queueOf(openid: string, data: object, store: Store) {
  const caller = await identifyCaller(openid, cloud.store);
  const answer = await invoke(findFunction('requests')!, { action: 'queue', data: { limit: 5, ...data } }, { caller, store, now: () => cloud.clock.now, log: silentLogger, platform: 'local', search: cloud.search });
  return JSON.parse(JSON.stringify(answer));
}

/** Every person's every filter, remembered (asked twice: the second is the remembered one) against worked out. */
async function expectExact(step: string): Promise<number> {
  let pages = 0;
  for (const openid of PEOPLE) {
    for (const filter of FILTERS) {
      await queueOf(openid, filter, cloud.store);
      const remembered = await queueOf(openid, filter, cloud.store);
      const afresh = await queueOf(openid, filter, forgetful(cloud.store));
      expect({ step, openid, filter, answer: remembered }).toEqual({ step, openid, filter, answer: afresh });
      if (remembered.ok) pages += remembered.data.items.length + remembered.data.awaitingRegistration.length;
    }
  }
  return pages;
}

const as = (openid: string, action: string, data: unknown) => cloud.call(openid, 'requests', { action, data });

test('after every kind of change, for every kind of handler and filter, the remembered queue is the queue worked out afresh', async () => {
  await expectExact('seeded');

  const online = ok(await as('resident-a', 'submit', application()));
  await expectExact('an online application arrives');
  ok(await as('demo-clerk', 'register', { id: online.id, version: online.version, departmentId: 'housing' }));
  await expectExact('registered into 住房保障科');
  // The handlers now see different queues, or the comparison would prove little.
  const scopes = await Promise.all(PEOPLE.map(async (openid) => JSON.stringify((await queueOf(openid, {}, cloud.store)).data)));
  expect(new Set(scopes).size).toBe(PEOPLE.length);
  const entered = ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-11-20' })));
  await expectExact('a letter entered');
  ok(await as('demo-clerk', 'askSupplement', { id: entered.id, version: entered.version, items: ['请说明所需信息的年度'], workingDays: 10 }));
  await expectExact('a supplement asked');

  // The bureau's reminder setting (meta), a holiday set in the calendar, the next day: none of them a request.
  await cloud.store.collection('meta').insert({ id: 'request-settings', registrationReminderWorkingDays: 3 });
  await expectExact('the reminder setting changed');
  ok(await cloud.call('demo-admin', 'calendar', { action: 'setDay', data: { date: '2026-11-26', kind: 'holiday', name: '临时放假' } }));
  await expectExact('a holiday set');
  cloud.clock.now = new Date('2026-12-22T02:00:00Z');
  await expectExact('four weeks later');

  // A handler moved to another department sees that department's queue on their next call.
  const housing = (await cloud.store.collection('staff').get(HOUSING))!;
  await cloud.store.collection('staff').update(HOUSING, housing.version, { departmentIds: ['office'], departmentId: 'office' });
  expect(JSON.stringify((await queueOf(HOUSING, {}, cloud.store)).data)).toBe(JSON.stringify((await queueOf('demo-clerk', {}, cloud.store)).data));
  expect(await expectExact('a handler moved')).toBeGreaterThan(0);
});
