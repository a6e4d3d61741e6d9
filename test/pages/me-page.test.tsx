/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MePage from '../../miniprogram/pages/me/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { recorded, resetTaro } from '../support/taro';

/**
 * 我的 over the real functions: each staff member sees the 工作台 entries their roles may use, and no
 * entry that would only answer 您没有权限执行此操作. The roles come from the server's staff table.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
  resetTaro();
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

const ENTRIES = ['staff-entry', 'staff-requests-entry', 'staff-calendar-entry', 'staff-letter-templates-entry', 'deliveries-entry', 'staff-opinions-entry', 'staff-follow-ups-entry', 'staff-windows-entry', 'staff-inquiries-entry', 'staff-guide-entry', 'staff-reviews-entry', 'staff-review-settings-entry'];

async function entriesFor(openid: string | null): Promise<string[]> {
  setTransport(cloud.transportAs(openid));
  forgetWhoami(); // the page remembers the last answer across renders, as it does across pages in the app
  const page = render(<MePage />);
  const name = openid === null ? '未登录' : openid.startsWith('demo-') ? '' : '居民用户';
  await waitFor(() => expect(screen.getByTestId('me-identity').textContent).toContain(name));
  const shown = ENTRIES.filter((id) => screen.queryByTestId(id) !== null);
  page.unmount();
  return shown;
}

test.each([
  ['resident-a', []],
  ['demo-editor', ['staff-entry', 'deliveries-entry', 'staff-opinions-entry']],
  // A clerk reaches a request's delivery report from the request's page.
  ['demo-clerk', ['staff-requests-entry', 'staff-inquiries-entry']],
  ['demo-rater', ['staff-follow-ups-entry', 'staff-windows-entry']],
  ['demo-reviewer', ['staff-reviews-entry']],
  ['demo-admin', ENTRIES],
] as const)('%s sees exactly the 工作台 entries of their roles', async (openid, expected) => {
  expect(await entriesFor(openid)).toEqual(expected);
});

test('我的待办 heads the staff home with what is theirs: the clerk\'s requests, the reviewer\'s queue, what was sent back to the editor', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '待退回的通知' }) } }));
  const settings = ok(await cloud.call('demo-admin', 'reviews', { action: 'settings', data: {} }));
  ok(await cloud.call('demo-admin', 'reviews', { action: 'saveSettings', data: { version: settings.version, required: ['notice.publish'] } }));
  const { reviewId } = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));

  const todoOf = async (openid: string) => {
    setTransport(cloud.transportAs(openid));
    forgetWhoami();
    const page = render(<MePage />);
    await waitFor(() => expect(screen.getByTestId('staff-todo').textContent).not.toContain('正在加载'));
    return page;
  };

  let page = await todoOf('demo-clerk');
  const todo = ok(await cloud.call('demo-clerk', 'workbench', { action: 'todo', data: {} }));
  expect(within(screen.getByTestId('todo-awaiting-registration')).getByText(String(todo.requests.awaitingRegistration))).toBeTruthy();
  expect(screen.getByTestId('todo-overdue').textContent).toBe(`${todo.requests.overdue}已逾期`);
  expect(screen.queryByTestId('todo-reviews')).toBeNull();
  // The most urgent requests by name, each opening its page.
  const urgent = screen.queryAllByTestId('todo-urgent');
  expect(urgent.map((row) => row.textContent)).toEqual(todo.requests.urgent.map((r: any) => expect.stringContaining(r.trackingNumber)));
  expect(urgent.length).toBeGreaterThan(0); // the demo bureau has one overdue and one due soon
  fireEvent.click(urgent[0]);
  expect(recorded.navigations).toContain(`/admin/pages/request/index?id=${encodeURIComponent(todo.requests.urgent[0].id)}`);
  page.unmount();

  page = await todoOf('demo-reviewer');
  expect(screen.getByTestId('todo-reviews').textContent).toContain('待我审核 1 项');
  expect(screen.queryByTestId('todo-overdue')).toBeNull();
  page.unmount();

  ok(await cloud.call('demo-reviewer', 'reviews', { action: 'sendBack', data: { id: reviewId, version: 1, comment: '请补充联系电话。' } }));
  page = await todoOf('demo-editor');
  expect(screen.getByTestId('todo-sent-back').textContent).toContain('审核退回：待退回的通知');
  expect(screen.getByTestId('todo-sent-back').textContent).toContain('孙静：请补充联系电话。');
  page.unmount();

  setTransport(cloud.transportAs('resident-a'));
  forgetWhoami();
  render(<MePage />);
  await waitFor(() => expect(screen.getByTestId('me-identity').textContent).toContain('居民用户'));
  expect(screen.queryByTestId('staff-todo')).toBeNull();
});
