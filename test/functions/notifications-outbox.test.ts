import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../../cloudfunctions/_runtime/store/sqlite-search';
import type { Store, Stored } from '../../cloudfunctions/_runtime/store/port';
import { dispatchOnce } from '../../cloudfunctions/_notifications/dispatch-once';
import { expandNotification } from '../../cloudfunctions/_notifications/expand-notification';
import { BULLETINS, DELIVERIES, GRANTS, grantIdFor, INBOX, OUTBOX, SUBSCRIPTIONS, subscriptionIdFor, type OutboxRecord } from '../../cloudfunctions/_notifications/records';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import { findFunction } from '../../cloudfunctions/registry';
import { topicKey } from '../../shared/notifications/topics';
import { seedDemoData } from '../../server/seed';
import { publishWithoutReview } from '../support/review-off';
import { createCloudHarness, ok, SEED_TIME, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { FaultyStore } from '../support/faulty-store';
import { dispatchAll } from '../support/notifications-fixture';

async function publishDraft(cloud: CloudHarness, content = announcement()) {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: content } }));
  return { draft, result: await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }) };
}

/** What the resident's 消息 shows, through the inbox function. */
const inboxOf = async (cloud: CloudHarness, openid: string) => ok(await cloud.call(openid, 'inbox', { action: 'list', data: { limit: 50 } })).items as any[];

/** Residents subscribed to 通知公告 who each hold the (long-term) bulletin grant. */
async function grantHolders(store: Store, openids: string[]) {
  const topic = topicKey({ kind: 'announcement' });
  const templateId = templateFor('bulletin')!.templateId;
  const at = SEED_TIME.toISOString();
  await store.transaction(async (tx) => {
    for (const openid of openids) {
      await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, topic), openid, topic, kind: 'announcement', departmentId: null, createdAt: at });
      await tx.collection(GRANTS).insert({ id: grantIdFor(openid, templateId), openid, templateId, kind: 'longTerm', remaining: 1, banned: false, updatedAt: at });
    }
  });
}

describe('the outbox row is written with its cause, or neither is', () => {
  let cloud: CloudHarness;
  beforeEach(async () => {
    cloud = await createCloudHarness();
  });
  afterEach(() => cloud.close());

  test('publishing writes exactly one outbox row for the notice, naming its topics', async () => {
    const { draft, result } = await publishDraft(cloud, announcement({ departmentId: 'housing' }));
    expect(result.ok).toBe(true);
    const rows = (await cloud.store.collection(OUTBOX).find({ where: { subjectId: draft.id }, orderBy: [['createdAt', 'asc']], limit: 10 })).items;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      cause: 'noticePublished',
      status: 'pending',
      audience: { type: 'topics', topics: [topicKey({ kind: 'announcement' }), topicKey({ departmentId: 'housing' }), topicKey({ kind: 'announcement', departmentId: 'housing' })] },
      message: { link: { type: 'notice', id: draft.id } },
    });
  });

  test('when the outbox write fails, the publish rolls back: the notice stays a draft, no event, no row', async () => {
    const faulty = new FaultyStore(cloud.store);
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement() } }));
    faulty.insertFault = (collection) => collection === OUTBOX;
    const fn = findFunction('notices')!;
    const caller = await identifyCaller('demo-editor', cloud.store);
    const result = await invoke(fn, { action: 'publish', data: { id: draft.id, version: draft.version } }, {
      caller, store: faulty, now: () => cloud.clock.now, log: silentLogger, platform: 'local', search: cloud.search,
    });
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect((await cloud.store.collection('notices').get(draft.id))).toMatchObject({ status: 'draft', version: draft.version });
    const events = await cloud.store.collection('events').find({ where: { subjectId: draft.id }, orderBy: [['at', 'asc']], limit: 10 });
    expect(events.items.map((e: any) => e.action)).toEqual(['created']);
    expect(await cloud.store.collection(OUTBOX).count({ subjectId: draft.id })).toBe(0);
  });

  test('a refused publish (stale version) writes no outbox row', async () => {
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement() } }));
    const result = await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version + 5 } });
    expect(result).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    expect(await cloud.store.collection(OUTBOX).count({ subjectId: draft.id })).toBe(0);
  });

  test('re-publishing after a withdrawal does not message subscribers again', async () => {
    ok(await cloud.call('resident-a', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    const { result } = await publishDraft(cloud);
    const published = ok(result);
    await dispatchAll(cloud);
    const withdrawn = ok(await cloud.call('demo-editor', 'notices', { action: 'withdraw', data: { id: published.id, version: published.version, reason: '更正后重新发布' } }));
    ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: withdrawn.id, version: withdrawn.version } }));
    await dispatchAll(cloud);
    expect((await inboxOf(cloud, 'resident-a')).filter((m) => m.link.id === published.id)).toHaveLength(1);
    expect(await cloud.store.collection(OUTBOX).count({ subjectId: published.id })).toBe(1);
  });
});

describe('bulletin fan-out', () => {
  let cloud: CloudHarness;
  beforeEach(async () => {
    cloud = await createCloudHarness();
  });
  afterEach(() => cloud.close());

  test('each subscriber of the kind, the department or the pair gets exactly one message; others none', async () => {
    const subscribe = (openid: string, data: object) => cloud.call(openid, 'subscriptions', { action: 'subscribe', data }).then(ok);
    await subscribe('r-kind', { kind: 'announcement' });
    await subscribe('r-dept', { departmentId: 'housing' });
    await subscribe('r-pair', { kind: 'announcement', departmentId: 'housing' });
    await subscribe('r-all-three', { kind: 'announcement' });
    await subscribe('r-all-three', { departmentId: 'housing' });
    await subscribe('r-all-three', { kind: 'announcement', departmentId: 'housing' });
    await subscribe('r-other-kind', { kind: 'policy' });
    await subscribe('r-other-pair', { kind: 'policy', departmentId: 'housing' });
    await subscribe('r-left', { kind: 'announcement' });
    ok(await cloud.call('r-left', 'subscriptions', { action: 'unsubscribe', data: { kind: 'announcement' } }));

    const { draft } = await publishDraft(cloud, announcement({ title: '关于供暖的通知', departmentId: 'housing' }));
    await dispatchAll(cloud);
    for (const who of ['r-kind', 'r-dept', 'r-pair', 'r-all-three']) {
      const inbox = await inboxOf(cloud, who);
      expect(inbox.map((m) => [m.title, m.link, m.read])).toEqual([['关于供暖的通知', { type: 'notice', id: draft.id }, false]]);
    }
    for (const who of ['r-other-kind', 'r-other-pair', 'r-left', 'nobody']) expect(await inboxOf(cloud, who)).toEqual([]);
    // Fan-out on read: no inbox row per subscriber; nobody holds a WeChat grant, so the job sent nothing.
    expect(await cloud.store.collection(INBOX).count({ subjectId: draft.id })).toBe(0);
    const job = (await cloud.store.collection(OUTBOX).get(`np-${draft.id}`))!;
    expect(job).toMatchObject({ status: 'done', inAppOnRead: true, progress: { recipients: 0 } });
  });

  test('the bulletin is in 消息 as soon as the publish commits: one outbox row and one row per topic, whatever the subscribers', async () => {
    const store = cloud.store;
    await store.transaction(async (tx) => {
      for (let i = 0; i < 2000; i++) {
        const openid = `bulk-${i}`;
        const topic = topicKey({ kind: 'announcement' });
        await tx.collection(SUBSCRIPTIONS).insert({ id: subscriptionIdFor(openid, topic), openid, topic, kind: 'announcement', departmentId: null, createdAt: SEED_TIME.toISOString() });
      }
    });
    const { draft, result } = await publishDraft(cloud);
    expect(result.ok).toBe(true);
    expect(await store.collection(OUTBOX).count({ subjectId: draft.id })).toBe(1);
    expect(await store.collection(BULLETINS).count({ subjectId: draft.id })).toBe(3);
    expect((await inboxOf(cloud, 'bulk-1999')).map((m) => m.link.id)).toEqual([draft.id]);
    await dispatchAll(cloud);
    expect(await store.collection(INBOX).count({ subjectId: draft.id })).toBe(0);
  });
});

describe('a bulletin\'s WeChat sends survive a kill mid-way: resume, no duplicates, no gaps', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-fanout-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a crash inside a batch loses that batch whole; a restarted process carries on from the last committed position', async () => {
    const file = join(dir, 'cloud.sqlite');
    let store = new SqliteStore(file, COLLECTIONS);
    await seedDemoData(store, SEED_TIME);
    await publishWithoutReview(store, SEED_TIME);
    const everyone = Array.from({ length: 23 }, (_, i) => `resident-${String(i).padStart(2, '0')}`);
    await grantHolders(store, everyone);
    const call = async (openid: string, fnName: string, event: unknown) =>
      invoke(findFunction(fnName)!, event, { caller: await identifyCaller(openid, store), store, now: () => SEED_TIME, log: silentLogger, platform: 'local', search: new SqliteNoticeSearch(store) });
    const draft = ok<any>(await call('demo-editor', 'notices', { action: 'save', data: { notice: announcement() } }));
    ok(await call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
    const jobId = `np-${draft.id}`;
    const job = async (s: Store) => (await s.collection(OUTBOX).get(jobId)) as Stored<OutboxRecord>;

    // Two batches of 5 WeChat deliveries commit (grant holders of the bulletin template, in grant id order).
    expect(await expandNotification(store, await job(store), SEED_TIME, 5)).toBe(true);
    expect(await expandNotification(store, await job(store), SEED_TIME, 5)).toBe(true);
    expect(await store.collection(DELIVERIES).count({ subjectId: draft.id })).toBe(10);

    // The third dies after writing two of its five deliveries.
    const faulty = new FaultyStore(store);
    let written = 0;
    faulty.insertFault = (collection) => collection === DELIVERIES && ++written > 2;
    await expect(expandNotification(faulty, await job(store), SEED_TIME, 5)).rejects.toThrow(/simulated crash/);
    expect(await store.collection(DELIVERIES).count({ subjectId: draft.id })).toBe(10);
    expect((await job(store)).progress).toMatchObject({ topicIndex: 0, recipients: 10 });

    // The process restarts on the same database file and the dispatcher finishes the job.
    store.close();
    store = new SqliteStore(file, COLLECTIONS);
    const sender = recordingSender(store, () => SEED_TIME);
    for (let i = 0; i < 20 && (await job(store)).status !== 'done'; i++) {
      await dispatchOnce({ store, sender, now: () => SEED_TIME, log: silentLogger, batchSize: 5 });
    }
    const sends = (await store.collection(DELIVERIES).find({ where: { subjectId: draft.id }, orderBy: [['createdAt', 'asc']], limit: 100 })).items;
    expect(sends.map((m) => m.openid).sort()).toEqual(everyone);
    // Each sent exactly once (the recorder keeps one row per send).
    expect(await store.collection('wechatRecorded').count({ subjectId: draft.id })).toBe(everyone.length);
    expect(await job(store)).toMatchObject({ status: 'done', progress: { recipients: everyone.length } });
    store.close();
  });

  test('two dispatchers racing on one job never write a batch twice', async () => {
    const cloud = await createCloudHarness();
    await grantHolders(cloud.store, Array.from({ length: 12 }, (_, i) => `racer-${i}`));
    const { draft } = await publishDraft(cloud);
    const job = (await cloud.store.collection(OUTBOX).get(`np-${draft.id}`))!;
    const results = await Promise.allSettled([expandNotification(cloud.store, job, SEED_TIME, 4), expandNotification(cloud.store, job, SEED_TIME, 4)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await cloud.store.collection(DELIVERIES).count({ subjectId: draft.id })).toBe(4);
    await dispatchAll(cloud);
    expect(await cloud.store.collection(DELIVERIES).count({ subjectId: draft.id })).toBe(12);
    cloud.close();
  });
});
