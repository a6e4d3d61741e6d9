import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import type { Store } from '../../cloudfunctions/_runtime/store/port';
import { runJobsUntilIdle } from '../../cloudfunctions/_jobs/run-jobs';
import { deliveriesJob } from '../../cloudfunctions/_jobs/deliveries';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { enqueueForPerson } from '../../cloudfunctions/_notifications/enqueue-notification';
import {
  BULLETINS,
  DELIVERIES,
  GRANTS,
  grantIdFor,
  INBOX,
  inboxIdFor,
  OUTBOX,
  READ_MARKS,
  SUBSCRIPTIONS,
  subscriptionIdFor,
} from '../../cloudfunctions/_notifications/records';
import { findFunction } from '../../cloudfunctions/registry';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { topicKey } from '../../shared/notifications/topics';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { countingStore } from '../support/counting-store';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { prepareRequestFixture } from '../support/request-fixture';

/**
 * Fan-out on read: a bulletin is stored once per topic and each subscriber's 消息 reads it from
 * there; only WeChat sends (one per grant holder) are written per person, and read marks only when
 * a resident reads.
 */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness();
});
afterAll(() => cloud.close());

const TOPIC = topicKey({ kind: 'announcement' });
const BULLETIN_TEMPLATE = templateFor('bulletin')!.templateId;
const later = (minutes: number) => (cloud.clock.now = new Date(cloud.clock.now.getTime() + minutes * 60_000));

/** `count` residents subscribed to 通知公告 now; every `grantEvery`-th holds the bulletin grant. */
async function subscribers(prefix: string, count: number, grantEvery: number): Promise<string[]> {
  const at = cloud.clock.now.toISOString();
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await cloud.store.transaction(async (tx) => {
    for (const [i, openid] of openids.entries()) {
      await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, TOPIC), openid, topic: TOPIC, kind: 'announcement', departmentId: null, createdAt: at });
      if (i % grantEvery === 0) {
        await tx.collection(GRANTS).insert({ id: grantIdFor(openid, BULLETIN_TEMPLATE), openid, templateId: BULLETIN_TEMPLATE, kind: 'longTerm', remaining: 1, banned: false, updatedAt: at });
      }
    }
  });
  return openids;
}

/** Calls a function as the local cloud does, over `store` (a counting one), with a wake spy. */
async function callOver(store: Store, openid: string, fn: string, event: unknown, wakes: { n: number } = { n: 0 }) {
  return invoke(findFunction(fn)!, event, {
    caller: await identifyCaller(openid, cloud.store),
    store,
    now: () => cloud.clock.now,
    log: silentLogger,
    platform: 'local',
    search: cloud.search,
    wakeDeliveries: () => (wakes.n += 1),
  });
}

async function publish(store: Store, title: string, wakes?: { n: number }): Promise<string> {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title }) } }));
  ok(await callOver(store, 'demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }, wakes));
  return draft.id as string;
}

const inbox = (openid: string, data: object = {}) => cloud.call(openid, 'inbox', { action: 'list', data }).then(ok);
const unread = async (openid: string) => ok(await cloud.call(openid, 'inbox', { action: 'unreadCount', data: {} })).count as number;
const markRead = (openid: string, data: object) => cloud.call(openid, 'inbox', { action: 'markRead', data }).then(ok);

describe('a bulletin costs the same few writes for 10 subscribers or 1,000', () => {
  test('publishing writes the notice, its event, one outbox row and three bulletin rows; sending writes one delivery per grant holder', async () => {
    later(10);
    const few = countingStore(cloud.store);
    await subscribers('few', 10, 10);
    await publish(few.store, '十人订阅的通知');
    const publishFew = few.counts();

    later(10);
    await subscribers('many', 1000, 100);
    const many = countingStore(cloud.store);
    const wakes = { n: 0 };
    const id = await publish(many.store, '千人订阅的通知', wakes);
    const publishMany = many.counts();

    // O(1): the same writes whatever the subscribers, and none of them per subscriber.
    expect(publishMany.writes).toBe(publishFew.writes);
    expect(publishMany.writes).toBeLessThanOrEqual(8);
    expect(publishMany.byCall).toMatchObject({ 'outbox.insert': 1, 'bulletins.insert': 3 });
    expect(publishMany.byCall['inbox.insert']).toBeUndefined();
    // The publish woke the dispatcher once, after its commit.
    expect(wakes.n).toBe(1);

    // The WeChat side: one delivery row per grant holder (1,010 subscribers, 11 with a grant across both bulletins' audiences).
    many.reset();
    await runJobsUntilIdle({ store: many.store, sender: recordingSender(cloud.store, () => cloud.clock.now), now: () => cloud.clock.now, log: silentLogger }, 60_000, [deliveriesJob]);
    const sending = many.counts();
    expect(await cloud.store.collection(DELIVERIES).count({ subjectId: id })).toBe(11);
    expect(await cloud.store.collection('wechatRecorded').count({ subjectId: id })).toBe(11);
    expect(await cloud.store.collection(INBOX).count({ subjectId: id })).toBe(0);
    // Per send: its row, the claim and the mark (a long-term grant is not spent, so not written); each job's position once.
    // Both bulletins are sent here: the 1,000's 10 grant holders plus the 10's one (11 see the second), and the first's one.
    expect(sending.byCall).toEqual(expect.objectContaining({ 'deliveries.insert': 12, 'deliveries.update': 24, 'outbox.update': 2 }));
    expect(sending.byCall['grants.update']).toBeUndefined();
    expect(sending.writes).toBe(12 * 3 + 2);

    // Every subscriber sees it; all 1,000 read it from the same three rows.
    for (const who of ['many-0', 'many-1', 'many-999']) expect((await inbox(who)).items.map((m: any) => m.title)).toContain('千人订阅的通知');
    expect(await cloud.store.collection(BULLETINS).count({ subjectId: id })).toBe(3);
  });
});

describe('who sees a bulletin, read marks and the unread count', () => {
  let bulletinId: string;
  let noticeId: string;
  beforeAll(async () => {
    later(10);
    for (const who of ['reader', 'left', 'late']) ok(await cloud.call(who, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    ok(await cloud.call('left', 'subscriptions', { action: 'unsubscribe', data: { kind: 'announcement' } }));
    ok(await cloud.call('late', 'subscriptions', { action: 'unsubscribe', data: { kind: 'announcement' } }));
    later(1);
    noticeId = await publish(cloud.store, '关于停水的通知');
    bulletinId = `np-${noticeId}`;
    later(1);
    // Subscribing again after the publication: it is not in their 消息 (they subscribed since).
    ok(await cloud.call('late', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  });

  test('a subscriber sees it, unread; residents unsubscribed before it was published, or subscribed after, do not', async () => {
    const page = await inbox('reader');
    expect(page.items.filter((m: any) => m.id === bulletinId)).toEqual([
      { id: bulletinId, title: '关于停水的通知', body: expect.stringContaining('通知公告'), read: false, createdAt: expect.any(String), link: { type: 'notice', id: noticeId } },
    ]);
    expect((await inbox('left')).items).toEqual([]);
    expect((await inbox('late')).items).toEqual([]);
    expect(await unread('left')).toBe(0);
    expect(await unread('late')).toBe(0);
    // Reading wrote nothing.
    expect(await cloud.store.collection(READ_MARKS).count({ openid: 'reader' })).toBe(0);
  });

  test('marking it read writes one mark, once; someone who cannot see it marks nothing', async () => {
    const before = await unread('reader');
    expect(before).toBeGreaterThanOrEqual(1);
    expect(await markRead('reader', { ids: [bulletinId] })).toEqual({ updated: 1, unread: before - 1 });
    expect(await markRead('reader', { ids: [bulletinId] })).toEqual({ updated: 0, unread: before - 1 });
    expect(await cloud.store.collection(READ_MARKS).count({ openid: 'reader' })).toBe(1);
    expect((await inbox('reader')).items.find((m: any) => m.id === bulletinId).read).toBe(true);
    expect(await markRead('left', { ids: [bulletinId] })).toEqual({ updated: 0, unread: 0 });
    expect(await cloud.store.collection(READ_MARKS).count({ openid: 'left' })).toBe(0);
  });

  test('the unread count adds personal messages and bulletins; 全部已读 clears both and a later bulletin counts again', async () => {
    await cloud.store.transaction((tx) =>
      enqueueForPerson(tx, {
        cause: 'requestReplied', subjectId: 'some-request', openid: 'reader', purpose: null, title: '您的申请已答复', body: '点击查看。',
        link: { type: 'request', id: 'some-request' }, page: 'requests/pages/detail/index?id=some-request', values: { title: '答复', at: cloud.clock.now.toISOString() }, now: cloud.clock.now,
      }),
    );
    await dispatchAll(cloud);
    later(1);
    await publish(cloud.store, '第二份通知');
    const before = await unread('reader');
    expect(before).toBe(2);
    expect(await markRead('reader', { all: true })).toEqual({ updated: 2, unread: 0 });
    expect((await inbox('reader')).items.every((m: any) => m.read)).toBe(true);
    later(1);
    await publish(cloud.store, '第三份通知');
    expect(await unread('reader')).toBe(1);
  });

  test('paging is by time and stable: a page boundary holds while bulletins are published, nothing repeats or goes missing', async () => {
    const openid = 'pager';
    later(1);
    ok(await cloud.call(openid, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    // Also subscribed to the department: the same bulletins reach them twice over, and must show once.
    ok(await cloud.call(openid, 'subscriptions', { action: 'subscribe', data: { departmentId: 'office' } }));
    const titles: string[] = [];
    for (let i = 0; i < 7; i++) {
      later(1);
      if (i % 2) {
        await cloud.store.transaction((tx) =>
          enqueueForPerson(tx, {
            cause: 'requestReplied', subjectId: `req-${i}`, openid, purpose: null, title: `个人消息${i}`, body: '…',
            link: { type: 'request', id: `req-${i}` }, page: 'requests/pages/detail/index', values: { title: '答复', at: cloud.clock.now.toISOString() }, now: cloud.clock.now,
          }),
        );
        await dispatchAll(cloud);
        titles.unshift(`个人消息${i}`);
      } else {
        await publish(cloud.store, `公告${i}`);
        titles.unshift(`公告${i}`);
      }
    }
    const first = await inbox(openid, { limit: 3 });
    expect(first.items.map((m: any) => m.title)).toEqual(titles.slice(0, 3));
    later(1);
    await publish(cloud.store, '翻页时发布的公告');
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await inbox(openid, { limit: 3, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    expect(seen.map((m: any) => m.title)).toEqual(titles);
    // A new first page has the new one on top.
    expect((await inbox(openid, { limit: 1 })).items[0].title).toBe('翻页时发布的公告');
    expect(await cloud.call(openid, 'inbox', { action: 'list', data: { cursor: 'not-a-cursor' } })).toMatchObject({ ok: false });
  });
});

describe('stores from before fan-out on read keep working', () => {
  test('inbox rows of older bulletins are read as they are; a bulletin caught mid-fan-out shows once', async () => {
    later(10);
    const openid = 'old-timer';
    ok(await cloud.call(openid, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    ok(await cloud.call('newcomer', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    later(1);
    // An old-shape job (no inAppOnRead, no bulletin rows) that had already written old-timer's inbox row.
    const at = cloud.clock.now.toISOString();
    const jobId = 'np-legacy-notice';
    await cloud.store.transaction(async (tx) => {
      await tx.collection(OUTBOX).insert({
        id: jobId, cause: 'noticePublished', subjectId: 'legacy-notice', audience: { type: 'topics', topics: [TOPIC] }, purpose: 'bulletin',
        message: { title: '旧版通知', body: '旧版正文', link: { type: 'notice', id: 'legacy-notice' }, page: 'pages/notice-detail/index?id=legacy-notice', values: { title: '旧版通知', at } },
        status: 'pending', progress: { topicIndex: 0, lastId: 'x', recipients: 1 }, createdAt: at, updatedAt: at,
      });
      await tx.collection(INBOX).insert({
        id: inboxIdFor(jobId, openid), openid, notificationId: jobId, subjectId: 'legacy-notice', title: '旧版通知', body: '旧版正文',
        link: { type: 'notice', id: 'legacy-notice' }, read: false, createdAt: at,
      });
    });
    expect((await inbox(openid)).items.map((m: any) => m.title)).toEqual(['旧版通知']);
    await dispatchAll(cloud);
    // The job now reads from bulletin rows: the resident who had a row sees it once, the one who had not yet sees it too.
    expect(await cloud.store.collection(OUTBOX).get(jobId)).toMatchObject({ status: 'done', inAppOnRead: true });
    expect((await inbox(openid)).items.map((m: any) => m.title)).toEqual(['旧版通知']);
    expect(await unread(openid)).toBe(1);
    expect((await inbox('newcomer')).items.map((m: any) => m.title)).toContain('旧版通知');
    await markRead(openid, { all: true });
    expect(await unread(openid)).toBe(0);
  });
});

describe('after a commit that enqueues a message, the deliveries function is asked to run', () => {
  test('a reply wakes it once; a read or a write that enqueues nothing does not', async () => {
    const f = await prepareRequestFixture(cloud);
    const wakes = { n: 0 };
    ok(await callOver(cloud.store, 'demo-clerk', 'requests', { action: 'reply', data: { id: f.registeredId, version: f.registeredVersion, category: 'disclosed', text: '经查，予以公开。', attachments: [] } }, wakes));
    expect(wakes.n).toBe(1);
    ok(await callOver(cloud.store, 'resident-a', 'inbox', { action: 'list', data: {} }, wakes));
    ok(await callOver(cloud.store, 'resident-a', 'subscriptions', { action: 'subscribe', data: { kind: 'policy' } }, wakes));
    expect(wakes.n).toBe(1);
    // A failed write (a stale version) enqueues nothing and wakes nothing.
    expect(await callOver(cloud.store, 'demo-clerk', 'requests', { action: 'reply', data: { id: f.registeredId, version: 1, category: 'disclosed', text: '再次答复。', attachments: [] } }, wakes)).toMatchObject({ ok: false });
    expect(wakes.n).toBe(1);
  });
});

describe("a resident's data: read marks are exported and erased", () => {
  test('me.data lists read marks with the bulletin title; me.erase removes them', async () => {
    later(10);
    const openid = 'exporter';
    ok(await cloud.call(openid, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    later(1);
    const id = await publish(cloud.store, '导出用通知');
    await markRead(openid, { ids: [`np-${id}`] });
    const data = ok(await cloud.call(openid, 'me', { action: 'data', data: {} }));
    expect(data.readMarks).toEqual([{ title: '导出用通知', readAt: expect.any(String) }]);
    const erased = ok(await cloud.call(openid, 'me', { action: 'erase', data: { confirm: true } }));
    expect(erased.removed.inbox).toBe(1);
    expect(await cloud.store.collection(READ_MARKS).count({ openid })).toBe(0);
  });
});
