import { MAX_SUBSCRIPTIONS } from '../../cloudfunctions/subscriptions/subscriptions-function';
import { isTimerEvent, runTimerDispatch } from '../../cloudfunctions/deliveries/dispatch-timer';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { WxOpenApi } from '../../cloudfunctions/_runtime/wx-open-api';
import { DELIVERIES } from '../../cloudfunctions/_notifications/records';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';

let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const as = (openid: string) => ({
  sub: (action: string, data: object = {}) => cloud.call(openid, 'subscriptions', { action, data }),
  inbox: (action: string, data: object = {}) => cloud.call(openid, 'inbox', { action, data }),
});

async function publish(title: string, departmentId = 'office') {
  const d = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title, departmentId }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: d.id, version: d.version } }));
  return d.id as string;
}

describe('subscriptions', () => {
  test('subscribe, list with labels, unsubscribe, subscribe again; a double tap keeps one', async () => {
    const me = as('resident-a');
    ok(await me.sub('subscribe', { kind: 'announcement' }));
    ok(await me.sub('subscribe', { kind: 'announcement' }));
    const view = ok(await me.sub('subscribe', { kind: 'policy', departmentId: 'housing' }));
    expect(view.items.map((t: any) => [t.kind, t.departmentId, t.label])).toEqual([
      ['announcement', null, '通知公告'],
      ['policy', 'housing', '住房保障科 · 政策文件'],
    ]);
    expect(ok(await me.sub('unsubscribe', { kind: 'announcement' })).items).toHaveLength(1);
    expect(ok(await me.sub('subscribe', { kind: 'announcement' })).items).toHaveLength(2);
    // Another resident sees only their own.
    expect(ok(await as('resident-b').sub('topics')).items).toEqual([]);
    // Every change is on record.
    const events = await cloud.store.collection('events').find({ where: { actor: 'resident-a' }, orderBy: [['at', 'asc']], limit: 20 });
    expect(events.items.map((e: any) => e.action)).toEqual(['subscribed', 'subscribed', 'unsubscribed', 'subscribed']);
  });

  test('refused: nothing chosen, an unknown department, past the limit', async () => {
    const me = as('resident-a');
    expect(await me.sub('subscribe', {})).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await me.sub('subscribe', { departmentId: 'no-such-dept' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { departmentId: '请选择有效的部门' } });
    const kinds = ['consultation', 'publicity', 'workReport', 'policy', 'announcement', 'guide'];
    const depts = ['office', 'policy', 'approval', 'housing', 'market', 'construction'];
    let n = 0;
    for (const kind of kinds) for (const departmentId of depts) if (n++ < MAX_SUBSCRIPTIONS) ok(await me.sub('subscribe', { kind, departmentId }));
    expect(await me.sub('subscribe', { kind: 'guide' })).toMatchObject({ ok: false, code: 'SUBSCRIPTION_LIMIT_REACHED', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  test('grants are recorded per template; an unknown template id is refused and writes nothing', async () => {
    const me = as('resident-a');
    const replied = templateFor('requestReplied')!.templateId;
    const view = ok(await me.sub('recordGrants', { grants: [{ templateId: replied, result: 'accept' }, { templateId: templateFor('bulletin')!.templateId, result: 'accept' }] }));
    expect(view.grants.find((g: any) => g.templateId === replied)).toMatchObject({ remaining: 1, kind: 'oneTime', label: '申请答复通知' });
    expect(view.grants.find((g: any) => g.purpose === 'bulletin')).toMatchObject({ remaining: 1, kind: 'longTerm' });
    // One dialog answers each template once: the same acceptance sent three times in one call counts once.
    const thrice = ok(await me.sub('recordGrants', { grants: [1, 2, 3].map(() => ({ templateId: replied, result: 'accept' })) }));
    expect(thrice.grants.find((g: any) => g.templateId === replied)).toMatchObject({ remaining: 2 });
    // Copies that disagree: the more restrictive answer wins.
    const mixed = ok(await me.sub('recordGrants', { grants: [{ templateId: replied, result: 'accept' }, { templateId: replied, result: 'ban' }] }));
    expect(mixed.grants.find((g: any) => g.templateId === replied)).toMatchObject({ remaining: 0, banned: true });
    const before = await cloud.store.collection('grants').count();
    expect(await me.sub('recordGrants', { grants: [{ templateId: 'not-ours', result: 'accept' }] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await cloud.store.collection('grants').count()).toBe(before);
  });
});

describe('inbox', () => {
  test('newest first with cursor paging; unread count; mark one, then all; only my own', async () => {
    ok(await as('resident-a').sub('subscribe', { departmentId: 'office' }));
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      cloud.clock.now = new Date(Date.UTC(2026, 10, 24, 3, i));
      ids.push(await publish(`通知${i}`));
      await dispatchAll(cloud);
    }
    const me = as('resident-a');
    const first = ok(await me.inbox('list', { limit: 3 }));
    expect(first.items.map((m: any) => m.title)).toEqual(['通知5', '通知4', '通知3']);
    expect(first.items[0]).toEqual({ id: expect.any(String), title: '通知5', body: expect.stringContaining('局办公室发布了通知公告'), read: false, createdAt: '2026-11-24T03:05:00.000Z', link: { type: 'notice', id: ids[4] } });
    const second = ok(await me.inbox('list', { limit: 3, cursor: first.nextCursor }));
    expect(second.items.map((m: any) => m.title)).toEqual(['通知2', '通知1']);
    expect(second.nextCursor).toBeNull();
    expect(ok(await me.inbox('unreadCount'))).toEqual({ count: 5 });

    // Someone else cannot read or mark my messages.
    expect(ok(await as('resident-b').inbox('list')).items).toEqual([]);
    expect(ok(await as('resident-b').inbox('markRead', { ids: [first.items[0].id] }))).toEqual({ updated: 0, unread: 0 });
    expect(ok(await me.inbox('unreadCount'))).toEqual({ count: 5 });

    expect(ok(await me.inbox('markRead', { ids: [first.items[0].id, first.items[0].id] }))).toEqual({ updated: 1, unread: 4 });
    expect(ok(await me.inbox('list', { limit: 1 })).items[0].read).toBe(true);
    expect(ok(await me.inbox('markRead', { all: true }))).toEqual({ updated: 4, unread: 0 });
    expect(await me.inbox('markRead', { ids: [], all: true })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

describe('the CloudBase timer entry (over a fake of WeChat)', () => {
  test('only a timer event without a caller runs the dispatcher', () => {
    expect(isTimerEvent({ Type: 'Timer', TriggerName: 'dispatch-notifications' }, null)).toBe(true);
    expect(isTimerEvent({ Type: 'Timer' }, 'resident-a')).toBe(false);
    expect(isTimerEvent({ action: 'forSubject' }, null)).toBe(false);
    expect(isTimerEvent('Timer', null)).toBe(false);
  });

  test('sends through subscribeMessage.send with WeChat field names and records the answer', async () => {
    const calls: Array<{ apiName: string; data: Record<string, unknown> }> = [];
    const fake: WxOpenApi = {
      async call(apiName, data) {
        calls.push({ apiName, data });
        return { errcode: 0, errmsg: 'ok' };
      },
    };
    const bulletin = templateFor('bulletin')!.templateId;
    ok(await as('follower').sub('recordGrants', { grants: [{ templateId: bulletin, result: 'accept' }] }));
    ok(await as('follower').sub('subscribe', { kind: 'announcement' }));
    const id = await publish('关于开展城镇燃气安全检查的通知');
    const result = await runTimerDispatch({ store: cloud.store, wxOpenApi: fake, now: () => cloud.clock.now, log: silentLogger }, 5000);
    expect(result).toMatchObject({ ok: true, data: { sent: 1, moreWork: false } });
    expect(calls).toEqual([
      {
        apiName: 'subscribeMessage.send',
        data: {
          touser: 'follower',
          template_id: bulletin,
          page: `pages/notice-detail/index?id=${id}`,
          data: { thing1: { value: '关于开展城镇燃气安全检查的通知' }, thing2: { value: '局办公室' }, phrase3: { value: '通知公告' }, time4: { value: '2026年11月24日 10:00' } },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
    const [delivery] = (await cloud.store.collection(DELIVERIES).find({ where: { subjectId: id }, orderBy: [['createdAt', 'asc']], limit: 5 })).items;
    expect(delivery.status).toBe('sent');
  });
});
