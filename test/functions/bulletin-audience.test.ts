import { DELIVERIES, INBOX, inboxIdFor, OUTBOX, READ_MARKS, WECHAT_RECORDED } from '../../cloudfunctions/_notifications/records';
import { topicKey } from '../../shared/notifications/topics';
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

const report = (subjectId: string) => cloud.call('demo-editor', 'deliveries', { action: 'forSubject', data: { subjectId } }).then(ok);
const markAll = (openid: string) => cloud.call(openid, 'inbox', { action: 'markRead', data: { all: true } }).then(ok);

test('全部已读 is one row, and counts its resident among the readers once; outside the audience it counts nothing', async () => {
  later(1);
  await markAll('kind-only');
  expect(await cloud.store.collection(READ_MARKS).count({ openid: 'kind-only' })).toBe(1);
  expect(await report(noticeId)).toMatchObject({ inApp: 5, read: 2 });
  // follows-all read it one by one before: 全部已读 now does not count them again.
  await markAll('follows-all');
  // Subscribed to nothing before the publication: their 全部已读 is not a reading of it.
  await subscribe('newcomer', { kind: 'announcement' });
  await markAll('newcomer');
  expect(await report(noticeId)).toMatchObject({ inApp: 5, read: 2 });
});

test('a bulletin caught half-way through the old per-resident fan-out: each resident counted once, as shown and as read', async () => {
  // Its own kind, so the residents above are not of its audience.
  const topic = topicKey({ kind: 'policy' });
  await subscribe('row-holder', { kind: 'policy' });
  await subscribe('no-row', { kind: 'policy' });
  later(1);
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '旧版分发中的通知' }) } }));
  const at = cloud.clock.now.toISOString();
  const jobId = `np-${draft.id}`;
  await cloud.store.transaction(async (tx) => {
    // An old-shape job (no inAppOnRead, no bulletin rows) that had written row-holder's inbox row when it stopped.
    await tx.collection(OUTBOX).insert({
      id: jobId, cause: 'noticePublished', subjectId: draft.id, audience: { type: 'topics', topics: [topic] }, purpose: 'bulletin',
      message: { title: '旧版分发中的通知', body: '正文', link: { type: 'notice', id: draft.id }, page: `pages/notice-detail/index?id=${draft.id}`, values: { title: '旧版分发中的通知', at } },
      status: 'pending', progress: { topicIndex: 0, lastId: 'x', recipients: 1 }, createdAt: at, updatedAt: at,
    });
    await tx.collection(INBOX).insert({
      id: inboxIdFor(jobId, 'row-holder'), openid: 'row-holder', notificationId: jobId, subjectId: draft.id, title: '旧版分发中的通知', body: '正文',
      link: { type: 'notice', id: draft.id }, read: false, createdAt: at,
    });
  });
  // no-row presses 全部已读 before the bulletin's rows are written: once they are, it reads as read for them, with no mark of its own.
  later(1);
  await markAll('no-row');
  await dispatchAll(cloud);
  expect(await report(draft.id)).toMatchObject({ inApp: 2, read: 1 });
  await markAll('row-holder');
  expect(await report(draft.id)).toMatchObject({ inApp: 2, read: 2 });
});
