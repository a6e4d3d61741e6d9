/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import InboxPage, { INBOX_PAGE_SIZE } from '../../miniprogram/pages/inbox/index';
import { enqueueRequestNotifications } from '../../cloudfunctions/_notifications/enqueue-notification';
import SubscriptionsPage from '../../miniprogram/pages/subscriptions/index';
import { InboxEntries } from '../../miniprogram/components/inbox-entries';
import HomePage from '../../miniprogram/pages/index/index';
import { ME_TAB_INDEX } from '../../miniprogram/tab-pages';
import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { recorded, resetTaro, trigger } from '../support/taro';

/** 消息 and 我的订阅 rendered with React over the real functions and SQLite (in-process transport). */
let cloud: CloudHarness;
const ME = 'resident-page-test';

beforeEach(async () => {
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs(ME));
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

async function publish(title: string) {
  cloud.clock.now = new Date(cloud.clock.now.getTime() + 60_000);
  const d = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: d.id, version: d.version } }));
  await dispatchAll(cloud);
  return d.id as string;
}

const titles = () => screen.queryAllByTestId('inbox-item').map((el) => el.querySelector('.inbox-item__title')?.textContent);

test('an empty inbox says how messages arrive', async () => {
  resetTaro();
  render(<InboxPage />);
  await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toContain('订阅关注的信息后'));
  expect(screen.queryByTestId('inbox-mark-all')).toBeNull();
});

test('newest first with unread marks; tapping one opens the notice and marks it read; 全部已读 clears the rest', async () => {
  ok(await cloud.call(ME, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  const first = await publish('第一条通知');
  await publish('第二条通知');
  await publish('第三条通知');
  resetTaro();
  render(<InboxPage />);
  await waitFor(() => expect(titles()).toEqual(['第三条通知', '第二条通知', '第一条通知']));
  expect(screen.getAllByTestId('inbox-unread-dot')).toHaveLength(3);
  expect(screen.getByTestId('inbox-unread').textContent).toBe('3 条未读');

  fireEvent.click(screen.getAllByTestId('inbox-item')[2]);
  expect(recorded.navigations).toEqual([`/pages/notice-detail/index?id=${first}`]);
  await waitFor(() => expect(screen.getByTestId('inbox-unread').textContent).toBe('2 条未读'));
  await waitFor(async () => expect(ok(await cloud.call(ME, 'inbox', { action: 'unreadCount', data: {} }))).toEqual({ count: 2 }));

  fireEvent.click(screen.getByTestId('inbox-mark-all'));
  await waitFor(() => expect(screen.getByTestId('inbox-unread').textContent).toBe('没有未读消息'));
  expect(recorded.toasts).toContain('已全部标为已读');
  expect(ok(await cloud.call(ME, 'inbox', { action: 'unreadCount', data: {} }))).toEqual({ count: 0 });

  // A message that arrives later shows after pull-to-refresh.
  await publish('第四条通知');
  act(() => trigger('pullDownRefresh'));
  await waitFor(() => expect(titles()[0]).toBe('第四条通知'));
});

test('我的订阅: subscribing and leaving a kind; outside WeChat the page says reminders come through 消息', async () => {
  resetTaro();
  render(<SubscriptionsPage />);
  const button = await screen.findByTestId('topic-kind-policy');
  expect(screen.getByTestId('wechat-unavailable').textContent).toContain('只能在微信小程序中开启');
  expect(button.getAttribute('data-subscribed')).toBe('no');
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId('topic-kind-policy').getAttribute('data-subscribed')).toBe('yes'));
  expect(screen.getByTestId('subscriptions-notice').textContent).toContain('订阅成功');
  expect(ok(await cloud.call(ME, 'subscriptions', { action: 'topics', data: {} })).items.map((t: any) => t.kind)).toEqual(['policy']);
  await screen.findByTestId('topic-dept-housing');
  fireEvent.click(screen.getByTestId('topic-kind-policy'));
  await waitFor(() => expect(screen.getByTestId('topic-kind-policy').getAttribute('data-subscribed')).toBe('no'));
  expect(ok(await cloud.call(ME, 'subscriptions', { action: 'topics', data: {} })).items).toEqual([]);
});

test('a request message opens the applicant\'s page; a reminder to staff opens the staff page (a follow-up\'s, the follow-up)', async () => {
  const { enqueueForPerson } = await import('../../cloudfunctions/_notifications/enqueue-notification');
  const base = { cause: 'requestReplied' as const, subjectId: 'REQ1', openid: ME, purpose: null, body: '正文', page: 'p', values: { title: 't', at: cloud.clock.now.toISOString() }, now: cloud.clock.now };
  await cloud.store.transaction(async (tx) => {
    await enqueueForPerson(tx, { ...base, title: '给申请人', link: { type: 'request', id: 'REQ1' } });
    await enqueueForPerson(tx, { ...base, cause: 'dueSoon', title: '给工作人员', link: { type: 'request', id: 'REQ2' }, forStaff: true });
    await enqueueForPerson(tx, { ...base, cause: 'overdue', title: '差评整改已超过期限', link: { type: 'rating', id: 'FU1' }, forStaff: true });
  });
  await dispatchAll(cloud);
  resetTaro();
  render(<InboxPage />);
  await waitFor(() => expect(titles()).toHaveLength(3));
  for (const item of screen.getAllByTestId('inbox-item')) fireEvent.click(item);
  expect(recorded.navigations.sort()).toEqual(['/admin/pages/follow-up/index?id=FU1', '/admin/pages/request/index?id=REQ2', '/requests/pages/detail/index?id=REQ1']);
});

test('the unread count is a badge on the 我的 tab too, removed once everything is read', async () => {
  ok(await cloud.call(ME, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  await publish('第一条通知');
  await publish('第二条通知');
  resetTaro();
  render(<InboxEntries />);
  await waitFor(() => expect(screen.getByTestId('unread-badge').textContent).toBe('2'));
  expect(ME_TAB_INDEX).toBe(3);
  expect(recorded.tabBadges).toEqual({ [ME_TAB_INDEX]: '2' });
  ok(await cloud.call(ME, 'inbox', { action: 'markRead', data: { all: true } }));
  act(() => trigger('didShow'));
  await waitFor(() => expect(screen.queryByTestId('unread-badge')).toBeNull());
  expect(recorded.tabBadges).toEqual({});
});

test('the 我的 tab shows its badge as soon as the app opens on 首页, before 我的 is visited', async () => {
  ok(await cloud.call(ME, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  await publish('第一条通知');
  resetTaro();
  render(<HomePage />);
  act(() => trigger('didShow'));
  await waitFor(() => expect(recorded.tabBadges).toEqual({ [ME_TAB_INDEX]: '1' }));
});

test('the unread figure and 全部已读 count every unread message, not only the loaded page', async () => {
  const n = INBOX_PAGE_SIZE + 1;
  const intents = Array.from({ length: n }, (_, i) => ({ kind: 'requestReplied' as const, openid: ME, requestId: `R${i}`, trackingNumber: `YX-2026-R${i}` }));
  await cloud.store.transaction((tx) => enqueueRequestNotifications(tx, intents, cloud.clock.now));
  await dispatchAll(cloud);
  resetTaro();
  render(<InboxPage />);
  await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(INBOX_PAGE_SIZE));
  await waitFor(() => expect(screen.getByTestId('inbox-unread').textContent).toBe(`${n} 条未读`));
  fireEvent.click(screen.getByTestId('inbox-mark-all'));
  await waitFor(() => expect(screen.getByTestId('inbox-unread').textContent).toBe('没有未读消息'));
  expect(screen.queryByTestId('inbox-mark-all')).toBeNull();
});
