/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '../../miniprogram/pages/me/index';
import AdminRequestsPage from '../../miniprogram/admin/pages/requests/index';
import ReviewsPage from '../../miniprogram/admin/pages/reviews/index';
import FollowUpsPage from '../../miniprogram/admin/pages/follow-ups/index';
import AdminNoticesPage from '../../miniprogram/admin/pages/notices/index';
import AdminInquiriesPage from '../../miniprogram/admin/pages/inquiries/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { recorded, resetTaro } from '../support/taro';

/**
 * 我的待办's figures open their lists filtered to exactly what they count: a tap leads to the list
 * with its filter in the route, and that list, opened so, shows the counted rows — as many as the
 * figure says, and its tab marked. As demo-admin, who has every section.
 */
let cloud: CloudHarness;
let todo: any;
beforeAll(async () => {
  cloud = await createCloudHarness();
  // A 定时发布 (review is off here), then review on and a notice of 王芳 waiting, and one of the admin's own.
  const scheduled = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '待办定时通知' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'schedule', data: { id: scheduled.id, version: scheduled.version, publishAt: new Date(cloud.clock.now.getTime() + 86_400_000).toISOString() } }));
  const settings = ok(await cloud.call('demo-admin', 'reviews', { action: 'settings', data: {} }));
  ok(await cloud.call('demo-admin', 'reviews', { action: 'saveSettings', data: { version: settings.version, required: ['notice.publish'] } }));
  for (const [who, title] of [['demo-editor', '他人提交的待审通知'], ['demo-admin', '本人提交的待审通知']] as const) {
    const draft = ok(await cloud.call(who, 'notices', { action: 'save', data: { notice: announcement({ title }) } }));
    ok(await cloud.call(who, 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  }
  // Two cases for 咨询投诉: an inquiry and a complaint (the admin sees both).
  for (const kind of ['inquiry', 'complaint']) ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { idempotencyKey: `key-todo-${kind}`, kind, topic: '物业', text: '物业费怎么收？' } }));
  todo = ok(await cloud.call('demo-admin', 'workbench', { action: 'todo', data: {} }));
  setTransport(cloud.transportAs('demo-admin'));
});
afterAll(() => {
  setTransport(null);
  cloud.close();
});
afterEach(cleanup);

const FIGURES = [
  ['todo-overdue', '/admin/pages/requests/index?filter=overdue'],
  ['todo-due-soon', '/admin/pages/requests/index?filter=dueSoon'],
  ['todo-awaiting-registration', '/admin/pages/requests/index?filter=submitted'],
  ['todo-awaiting-supplement', '/admin/pages/requests/index?filter=supplementRequested'],
  ['todo-reviews', '/admin/pages/reviews/index?filter=toDecide'],
  ['todo-follow-ups', '/admin/pages/follow-ups/index?filter=owed'],
  ['todo-scheduled', '/admin/pages/notices/index?filter=scheduled'],
  ['todo-inquiries', '/admin/pages/inquiries/index'],
] as const;

test.each(FIGURES)('%s opens %s', async (testId, route) => {
  resetTaro();
  forgetWhoami();
  render(<MePage />);
  await waitFor(() => expect(screen.getByTestId('staff-todo').textContent).not.toContain('正在加载'));
  fireEvent.click(screen.getByTestId(testId));
  expect(recorded.navigations).toEqual([route]);
});

/** Waits for the first page of a list, and answers how many rows it shows (each figure here is under a page). */
async function listed(rowTestId: string): Promise<number> {
  await waitFor(() => expect(screen.queryByTestId('list-end') ?? screen.queryByTestId('list-empty')).toBeTruthy());
  return screen.queryAllByTestId(rowTestId).length;
}

test.each([
  ['overdue', () => todo.requests.overdue],
  ['dueSoon', () => todo.requests.dueSoon],
  ['supplementRequested', () => todo.requests.awaitingSupplement],
] as const)('the queue opened on %s lists exactly the requests counted', async (filter, figure) => {
  expect(figure()).toBeGreaterThan(0);
  resetTaro({ filter });
  render(<AdminRequestsPage />);
  expect(await listed('queue-item')).toBe(figure());
  expect(screen.getByTestId(`queue-filter-${filter}`).className).toContain('tabs__item--active');
  // Not headed by the applications waiting for registration: only what was counted.
  expect(screen.queryByTestId('queue-waiting')).toBeNull();
});

test('the queue opened on 待受理 lists the applications waiting for registration', async () => {
  resetTaro({ filter: 'submitted' });
  render(<AdminRequestsPage />);
  expect(await listed('queue-item')).toBe(todo.requests.awaitingRegistration);
});

test('公开审查 opened on 待我审核 leaves out one\'s own submission, as the figure does', async () => {
  expect(todo.reviews.waiting).toBe(1);
  resetTaro({ filter: 'toDecide' });
  render(<ReviewsPage />);
  expect(await listed('review-item')).toBe(1);
  expect(screen.getByTestId('review-item').textContent).toContain('他人提交的待审通知');
  expect(screen.getByTestId('review-filter-toDecide').className).toContain('tabs__item--active');
});

test('差评整改 opened on 未完成 lists the follow-ups still owed', async () => {
  expect(todo.followUps.open).toBeGreaterThan(1);
  resetTaro({ filter: 'owed' });
  render(<FollowUpsPage />);
  expect(await listed('follow-up-item')).toBe(todo.followUps.open);
});

test('信息发布 opened on 定时发布 lists the scheduled notices', async () => {
  resetTaro({ filter: 'scheduled' });
  render(<AdminNoticesPage />);
  expect(await listed('admin-notice')).toBe(todo.scheduledNotices.count);
  expect(screen.getByTestId('admin-notice').textContent).toContain('待办定时通知');
});

test('咨询投诉 opens on 未办结, listing the cases counted', async () => {
  expect(todo.inquiries.open).toBe(2);
  resetTaro();
  render(<AdminInquiriesPage />);
  expect(await listed('case-queue-item')).toBe(todo.inquiries.open);
});
