import { OutboundTimeoutError, timedWxOpenApi, withTimeout } from '../../cloudfunctions/_runtime/outbound-timeout';
import { sendDelivery } from '../../cloudfunctions/_notifications/send-delivery';
import { wechatSender } from '../../cloudfunctions/_notifications/wechat-sender';
import type { WxOpenApi } from '../../cloudfunctions/_runtime/wx-open-api';

/** Every outbound call has a deadline: a silent WeChat fails the call instead of holding it. */
const silent: WxOpenApi = { call: () => new Promise(() => undefined) };

test('a WeChat open-API call with no answer fails with OutboundTimeoutError at its deadline', async () => {
  jest.useFakeTimers();
  try {
    const call = timedWxOpenApi(silent, 5000).call('security.msgSecCheck', { content: '你好' });
    const outcome = expect(call).rejects.toThrow(new OutboundTimeoutError('WeChat security.msgSecCheck', 5000));
    await jest.advanceTimersByTimeAsync(4999);
    let settled = false;
    void call.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await outcome;
  } finally {
    jest.useRealTimers();
  }
});

test('an answer in time passes through, and the timer is cleared', async () => {
  const answer = await timedWxOpenApi({ call: async () => ({ errcode: 0, errmsg: 'ok' }) }, 1000).call('subscribeMessage.send', {});
  expect(answer).toEqual({ errcode: 0, errmsg: 'ok' });
  await expect(withTimeout(Promise.reject(new Error('refused')), 1000, 'x')).rejects.toThrow('refused');
});

test('a subscribe message that times out is failed as "no answer", never retried', async () => {
  const { createCloudHarness } = await import('../support/cloud-harness');
  const cloud = await createCloudHarness();
  const now = new Date('2026-11-24T02:00:00Z');
  await cloud.store.collection('grants').insert({ id: 'g-1', openid: 'resident-a', templateId: 'tpl', kind: 'longTerm', remaining: 1, banned: false, updatedAt: now.toISOString() } as never);
  const { grantIdFor } = await import('../../cloudfunctions/_notifications/records');
  await cloud.store.collection('grants').insert({ id: grantIdFor('resident-a', 'tpl'), openid: 'resident-a', templateId: 'tpl', kind: 'longTerm', remaining: 1, banned: false, updatedAt: now.toISOString() } as never);
  await cloud.store.collection('deliveries').insert({
    id: 'd-1', notificationId: 'n-1', subjectId: 's-1', openid: 'resident-a', purpose: 'bulletin', templateId: 'tpl', status: 'pending', attempts: 0,
    nextAttemptAt: now.toISOString(), claimedAt: null, grantSpent: false, reason: null, page: 'pages/index/index', data: {}, createdAt: now.toISOString(), updatedAt: now.toISOString(), sentAt: null,
  } as never);
  expect(await sendDelivery(cloud.store, wechatSender(timedWxOpenApi(silent, 20)), 'd-1', now)).toBe('failed');
  const delivery = await cloud.store.collection('deliveries').get('d-1');
  expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
  expect(delivery!.reason).toContain('结果未知');
  cloud.close();
});
