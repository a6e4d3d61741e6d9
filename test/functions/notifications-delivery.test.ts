import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { dispatchOnce } from '../../cloudfunctions/_notifications/dispatch-once';
import { enqueueRequestNotifications } from '../../cloudfunctions/_notifications/enqueue-notification';
import { DELIVERIES, GRANTS, grantIdFor, WECHAT_RECORDED } from '../../cloudfunctions/_notifications/records';
import { recordingSender } from '../../cloudfunctions/_notifications/recording-sender';
import type { OutgoingMessage, SendAnswer, WechatSender } from '../../cloudfunctions/_notifications/wechat-sender';
import { CLAIM_LEASE_MS, INTERRUPTED_REASON, MAX_ATTEMPTS } from '../../shared/notifications/delivery-rules';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { FaultyStore } from '../support/faulty-store';
import type { Store } from '../../cloudfunctions/_runtime/store/port';

const REPLIED = templateFor('requestReplied')!.templateId;
const BULLETIN = templateFor('bulletin')!.templateId;

/** A sender that answers what the test says and remembers every message it was given. */
function scriptedSender(answer: (m: OutgoingMessage, n: number) => SendAnswer | Error): WechatSender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name: 'wechat',
    sent,
    async send(m) {
      sent.push(m);
      const a = answer(m, sent.length);
      if (a instanceof Error) throw a;
      return a;
    },
  };
}
const OK: SendAnswer = { errcode: 0, errmsg: 'ok' };

describe('WeChat deliveries', () => {
  let cloud: CloudHarness;
  beforeEach(async () => {
    cloud = await createCloudHarness();
  });
  afterEach(() => cloud.close());

  /** `times` taps on the consent dialog, each accepting (or refusing) the template once. */
  const grant = async (openid: string, templateId: string, result: 'accept' | 'reject' | 'ban', times = 1) => {
    for (let i = 0; i < times; i++) ok(await cloud.call(openid, 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId, result }] } }));
  };
  const replied = (openid: string, requestId: string) =>
    cloud.store.transaction((tx) => enqueueRequestNotifications(tx, [{ kind: 'requestReplied', openid, requestId, trackingNumber: `YX-2026-${requestId}` }], cloud.clock.now));
  const step = (sender: WechatSender, store: Store = cloud.store) => dispatchOnce({ store, sender, now: () => cloud.clock.now, log: silentLogger });
  const deliveriesOf = async (subjectId: string) =>
    (await cloud.store.collection(DELIVERIES).find({ where: { subjectId }, orderBy: [['createdAt', 'asc']], limit: 50 })).items;
  const remaining = async (openid: string, templateId: string) => (await cloud.store.collection(GRANTS).get(grantIdFor(openid, templateId)))?.remaining ?? 0;
  const later = (ms: number) => {
    cloud.clock.now = new Date(cloud.clock.now.getTime() + ms);
  };

  test('one-time grants: each accepted grant pays for one message; without one the message stays in-app only', async () => {
    await grant('applicant', REPLIED, 'accept', 2);
    expect(await remaining('applicant', REPLIED)).toBe(2);
    const sender = scriptedSender(() => OK);
    for (const id of ['R1', 'R2', 'R3']) await replied('applicant', id);
    await step(sender);
    expect(sender.sent.map((m) => m.touser)).toEqual(['applicant', 'applicant']);
    expect(await remaining('applicant', REPLIED)).toBe(0);
    const statuses = [...(await deliveriesOf('R1')), ...(await deliveriesOf('R2')), ...(await deliveriesOf('R3'))].map((d) => d.status);
    expect(statuses.sort()).toEqual(['noGrant', 'sent', 'sent']);
    // Every one of the three is in the message centre regardless.
    expect(ok(await cloud.call('applicant', 'inbox', { action: 'unreadCount', data: {} }))).toEqual({ count: 3 });
    // The resident sees how many are left.
    const view = ok(await cloud.call('applicant', 'subscriptions', { action: 'topics', data: {} }));
    expect(view.grants.find((g: any) => g.templateId === REPLIED)).toMatchObject({ kind: 'oneTime', remaining: 0 });
  });

  test('the message sent carries the fitted template fields and the page to open', async () => {
    await grant('applicant', REPLIED, 'accept');
    await replied('applicant', 'R9');
    const sender = scriptedSender(() => OK);
    await step(sender);
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]).toMatchObject({
      touser: 'applicant',
      templateId: REPLIED,
      page: 'requests/pages/detail/index?id=R9',
      data: { thing1: { value: 'YX-2026-R9' }, phrase2: { value: '已答复' }, time3: { value: '2026年11月24日 10:00' } },
    });
  });

  test('transient errors are retried with growing pauses, then given up with the reason; never before they are due', async () => {
    await grant('applicant', REPLIED, 'accept');
    await replied('applicant', 'R1');
    const sender = scriptedSender(() => ({ errcode: -1, errmsg: 'system error' }));
    await step(sender);
    expect(sender.sent).toHaveLength(1);
    await step(sender); // not due yet
    expect(sender.sent).toHaveLength(1);
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      later(2 * 3600 * 1000);
      await step(sender);
      expect(sender.sent).toHaveLength(i);
    }
    later(24 * 3600 * 1000);
    await step(sender);
    expect(sender.sent).toHaveLength(MAX_ATTEMPTS);
    const [d] = await deliveriesOf('R1');
    expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(d.reason).toContain('多次重试仍失败');
    // The grant was spent once, not once per attempt.
    expect(await remaining('applicant', REPLIED)).toBe(0);
  });

  test('a send that throws or times out (WeChat may have delivered it) is never retried; its one-time grant stays spent', async () => {
    await grant('applicant', REPLIED, 'accept', 2);
    await replied('applicant', 'R1');
    const sender = scriptedSender((_m, n) => (n === 1 ? new Error('ETIMEDOUT') : OK));
    await step(sender);
    const [d] = await deliveriesOf('R1');
    expect(d).toMatchObject({ status: 'failed', attempts: 1, grantSpent: true });
    expect(d.reason).toContain('结果未知，为免重复不再重试');
    expect(d.reason).toContain('ETIMEDOUT');
    for (const wait of [60_000, 2 * 3600 * 1000, 24 * 3600 * 1000]) {
      later(wait);
      await step(sender);
    }
    expect(sender.sent).toHaveLength(1);
    expect(await remaining('applicant', REPLIED)).toBe(1);
  });

  test('only explicit transient codes are retried: a later success after -1 or a rate limit is recorded as sent', async () => {
    await grant('applicant', REPLIED, 'accept');
    await replied('applicant', 'R1');
    const sender = scriptedSender((_m, n) => (n === 1 ? { errcode: 45011, errmsg: 'api minute-quota reach limit' } : OK));
    await step(sender);
    expect((await deliveriesOf('R1'))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    later(60_000);
    await step(sender);
    expect((await deliveriesOf('R1'))[0]).toMatchObject({ status: 'sent', attempts: 2, reason: null });
    expect(sender.sent).toHaveLength(2);
  });

  test('permanent errors are recorded at once and not retried; the unused one-time grant is given back', async () => {
    await grant('applicant', REPLIED, 'accept');
    await replied('applicant', 'R1');
    const sender = scriptedSender(() => ({ errcode: 40003, errmsg: 'invalid openid' }));
    await step(sender);
    later(24 * 3600 * 1000);
    await step(sender);
    expect(sender.sent).toHaveLength(1);
    expect((await deliveriesOf('R1'))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await deliveriesOf('R1'))[0].reason).toContain('openid');
    expect(await remaining('applicant', REPLIED)).toBe(1);
  });

  test('43101 marks the consent gone: no retry, and the next message is not even tried', async () => {
    await grant('follower', BULLETIN, 'accept');
    ok(await cloud.call('follower', 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
    const publish = async (title: string) => {
      const d = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title, body: '正文', departmentId: 'office' } } }));
      ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: d.id, version: d.version } }));
      return d.id as string;
    };
    const first = await publish('第一条');
    const sender = scriptedSender(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    await step(sender);
    await step(sender);
    expect((await deliveriesOf(first))[0]).toMatchObject({ status: 'noGrant' });
    expect((await deliveriesOf(first))[0].reason).toContain('43101');
    expect(await remaining('follower', BULLETIN)).toBe(0);
    const second = await publish('第二条');
    await step(sender);
    await step(sender);
    expect(sender.sent).toHaveLength(1);
    expect(await deliveriesOf(second)).toEqual([]);
    const report = ok(await cloud.call('demo-editor', 'deliveries', { action: 'forSubject', data: { subjectId: second } }));
    expect(report).toMatchObject({ inApp: 1, wechat: { noGrant: 1, sent: 0, pending: 0 } });
    // Both are in the message centre.
    expect(ok(await cloud.call('follower', 'inbox', { action: 'unreadCount', data: {} }))).toEqual({ count: 2 });
  });

  test('a crash between sending and marking never sends twice; the send is recorded as interrupted', async () => {
    await grant('applicant', REPLIED, 'accept');
    await replied('applicant', 'R1');
    const faulty = new FaultyStore(cloud.store);
    let crashed = false;
    const sender = scriptedSender(() => {
      crashed = true; // WeChat delivered it; the process dies before it can write that down
      return OK;
    });
    faulty.transactionFault = () => crashed;
    await step(sender, faulty);
    expect(sender.sent).toHaveLength(1);
    expect((await deliveriesOf('R1'))[0]).toMatchObject({ status: 'sending' });

    // The restarted dispatcher (no more faults) leaves the claimed send alone, within and after the lease.
    for (const wait of [0, 60_000, CLAIM_LEASE_MS]) {
      later(wait);
      await step(sender);
    }
    expect(sender.sent).toHaveLength(1);
    expect((await deliveriesOf('R1'))[0]).toMatchObject({ status: 'failed', reason: INTERRUPTED_REASON });
  });

  test('the local recorder records each delivery once, and staff see it with masked recipients', async () => {
    await grant('resident-long-openid-1234', BULLETIN, 'accept');
    ok(await cloud.call('resident-long-openid-1234', 'subscriptions', { action: 'subscribe', data: { departmentId: 'office' } }));
    ok(await cloud.call('no-grant-resident', 'subscriptions', { action: 'subscribe', data: { departmentId: 'office' } }));
    const d = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title: '记录测试', body: '正文', departmentId: 'office' } } }));
    ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: d.id, version: d.version } }));
    const recorder = recordingSender(cloud.store, () => cloud.clock.now);
    await step(recorder);
    await step(recorder);
    expect(await cloud.store.collection(WECHAT_RECORDED).count({ subjectId: d.id })).toBe(1);
    // Recording the same delivery again (a replay) keeps one record.
    const [delivery] = (await deliveriesOf(d.id)).filter((x) => x.status === 'sent');
    await recorder.send({ deliveryId: delivery.id, subjectId: d.id, touser: delivery.openid, templateId: BULLETIN, page: delivery.page, data: delivery.data! });
    expect(await cloud.store.collection(WECHAT_RECORDED).count({ subjectId: d.id })).toBe(1);

    const report = ok(await cloud.call('demo-editor', 'deliveries', { action: 'forSubject', data: { subjectId: d.id } }));
    expect(report).toMatchObject({ inApp: 2, read: 0, wechat: { sent: 1, noGrant: 1, failed: 0, pending: 0, sending: 0 } });
    expect(report.notifications).toEqual([expect.objectContaining({ cause: 'noticePublished', status: 'done', recipients: 2 })]);
    // A bulletin's recipients without a grant are counted, not listed one by one.
    expect(report.problems).toEqual([]);
    expect(report.recorded).toEqual([expect.objectContaining({ recipient: 'res***34', templateId: BULLETIN, data: expect.objectContaining({ thing1: { value: '记录测试' } }) })]);
    expect(JSON.stringify(report)).not.toContain('resident-long-openid-1234');
  });
});
