import { DELIVERIES, WECHAT_RECORDED } from '../../cloudfunctions/_notifications/records';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';

/**
 * A bulletin reaches a resident through every topic they follow (its kind, its department, the
 * pair), yet it is one message to them: one entry in 消息, at most one WeChat send, and one head in
 * the audience staff are shown.
 */
let cloud: CloudHarness;
let noticeId: string;
const later = (minutes: number) => (cloud.clock.now = new Date(cloud.clock.now.getTime() + minutes * 60_000));
const subscribe = (openid: string, data: object) => cloud.call(openid, 'subscriptions', { action: 'subscribe', data }).then(ok);

beforeAll(async () => {
  cloud = await createCloudHarness();
  const bulletin = templateFor('bulletin')!.templateId;
  // 'follows-all' follows the kind, the department and the pair, and holds the WeChat grant.
  ok(await cloud.call('follows-all', 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId: bulletin, result: 'accept' }] } }));
  await subscribe('follows-all', { kind: 'announcement' });
  await subscribe('follows-all', { departmentId: 'office' });
  await subscribe('follows-all', { kind: 'announcement', departmentId: 'office' });
  await subscribe('follows-both', { kind: 'announcement' });
  await subscribe('follows-both', { departmentId: 'office' });
  await subscribe('kind-only', { kind: 'announcement' });
  await subscribe('office-only', { departmentId: 'office' });
  // Unsubscribed from the department before the publication: counted for the kind alone.
  await subscribe('left-office', { kind: 'announcement' });
  await subscribe('left-office', { departmentId: 'office' });
  ok(await cloud.call('left-office', 'subscriptions', { action: 'unsubscribe', data: { departmentId: 'office' } }));
  later(1);
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '双重订阅测试' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  noticeId = draft.id;
  later(1);
  // Following the kind after the publication: not of its audience (the department follow from before is).
  await subscribe('office-only', { kind: 'announcement' });
  await dispatchAll(cloud);
});
afterAll(() => cloud.close());

test('the audience counts each resident once, however many of the bulletin’s topics they follow', async () => {
  const report = ok(await cloud.call('demo-editor', 'deliveries', { action: 'forSubject', data: { subjectId: noticeId } }));
  expect(report.notifications).toEqual([expect.objectContaining({ cause: 'noticePublished', recipients: 5 })]);
  expect(report.inApp).toBe(5);
  // One grant holder sent to; the other four are counted as without a grant.
  expect(report.wechat).toMatchObject({ sent: 1, noGrant: 4, failed: 0, pending: 0 });
});

test('a resident following several of its topics has one entry in 消息 and one WeChat send', async () => {
  for (const openid of ['follows-all', 'follows-both']) {
    const page = ok(await cloud.call(openid, 'inbox', { action: 'list', data: {} }));
    expect(page.items.filter((m: any) => m.link.id === noticeId)).toHaveLength(1);
    expect(ok(await cloud.call(openid, 'inbox', { action: 'unreadCount', data: {} }))).toEqual({ count: 1 });
  }
  expect(await cloud.store.collection(DELIVERIES).count({ subjectId: noticeId, openid: 'follows-all' })).toBe(1);
  expect(await cloud.store.collection(WECHAT_RECORDED).count({ subjectId: noticeId, touser: 'follows-all' })).toBe(1);
});

test('reading it counts one reader', async () => {
  ok(await cloud.call('follows-all', 'inbox', { action: 'markRead', data: { ids: [`np-${noticeId}`] } }));
  const report = ok(await cloud.call('demo-editor', 'deliveries', { action: 'forSubject', data: { subjectId: noticeId } }));
  expect(report).toMatchObject({ inApp: 5, read: 1 });
});
