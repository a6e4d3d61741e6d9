import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { OUTBOX } from '../../cloudfunctions/_notifications/records';
import { findFunction } from '../../cloudfunctions/registry';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { FaultyStore } from '../support/faulty-store';
import { dispatchAll } from '../support/notifications-fixture';
import { prepareRequestFixture, type RequestFixture } from '../support/request-fixture';

/**
 * The requests workflow's notification intents reach the outbox in the same
 * transaction as the change: a reply, a supplement request, an extension.
 */
let cloud: CloudHarness;
let f: RequestFixture;
beforeEach(async () => {
  cloud = await createCloudHarness();
  f = await prepareRequestFixture(cloud);
});
afterEach(() => cloud.close());

const outboxFor = async (requestId: string) =>
  (await cloud.store.collection(OUTBOX).find({ where: { subjectId: requestId }, orderBy: [['createdAt', 'asc']], limit: 10 })).items;
const reply = { category: 'partial', text: '经查，招标文件予以公开，报价明细涉及商业秘密不予公开。', attachments: [] };

test('a supplement request was notified when it was made (the fixture asked for one)', async () => {
  const rows = await outboxFor(f.awaitingSupplementId);
  expect(rows.map((r) => [r.cause, r.audience])).toEqual([['supplementRequested', { type: 'person', openid: 'resident-a' }]]);
});

test('a reply reaches the applicant in 消息 (and through WeChat with a one-time grant), linked to the request', async () => {
  ok(await cloud.call('resident-a', 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId: templateFor('requestReplied')!.templateId, result: 'accept' }] } }));
  const replied = ok(await cloud.call('demo-clerk', 'requests', { action: 'reply', data: { id: f.registeredId, version: f.registeredVersion, ...reply } }));
  const rows = await outboxFor(f.registeredId);
  expect(rows.map((r) => r.cause)).toEqual(['requestReplied']);
  await dispatchAll(cloud);
  const inbox = ok(await cloud.call('resident-a', 'inbox', { action: 'list', data: {} }));
  const message = inbox.items.find((m: any) => m.link.id === f.registeredId);
  expect(message).toMatchObject({ title: '您的政府信息公开申请已答复', read: false, link: { type: 'request', id: f.registeredId } });
  expect(message.body).toContain(replied.trackingNumber);
  const report = ok(await cloud.call('demo-clerk', 'deliveries', { action: 'forSubject', data: { subjectId: f.registeredId } }));
  expect(report).toMatchObject({ inApp: 1, wechat: { sent: 1 } });
  expect(report.recorded[0].data.thing1.value).toBe(replied.trackingNumber);
});

test('an extension notifies; a reply whose outbox write fails is not saved at all', async () => {
  ok(await cloud.call('demo-clerk', 'requests', { action: 'extend', data: { id: f.registeredId, version: f.registeredVersion, workingDays: 15, approver: '张敏', reason: '需调取档案并征求多个科室意见' } }));
  expect((await outboxFor(f.registeredId)).map((r) => r.cause)).toEqual(['extended']);

  const current = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: f.registeredId } }));
  const faulty = new FaultyStore(cloud.store);
  faulty.insertFault = (collection) => collection === OUTBOX;
  const result = await invoke(findFunction('requests')!, { action: 'reply', data: { id: f.registeredId, version: current.version, ...reply } }, {
    caller: await identifyCaller('demo-clerk', cloud.store), store: faulty, now: () => cloud.clock.now, log: silentLogger, platform: 'local', search: cloud.search,
  });
  expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
  const after = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: f.registeredId } }));
  expect(after.version).toBe(current.version);
  expect((await outboxFor(f.registeredId)).map((r) => r.cause)).toEqual(['extended']);
});
