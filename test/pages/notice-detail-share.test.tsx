/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import type { Notice } from '../../shared/notices/notice-schema';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { recorded, resetTaro, shareMessage, shareTimeline } from '../support/taro';

/** The notice detail page as a shared link opens it: share to a friend, 阅读 count, no back stack. */
let cloud: CloudHarness;
let notice: Notice;
/** The page's config as Taro reads it (definePageConfig is a global of Taro's build). */
function pageConfig(): Record<string, unknown> {
  (globalThis as { definePageConfig?: (c: unknown) => unknown }).definePageConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../miniprogram/pages/notice-detail/index.config').default;
}
beforeEach(async () => {
  cloud = await createCloudHarness();
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '关于云溪区供水管网改造停水的通知' }) } }));
  notice = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  forgetWhoami();
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

test('WeChat\'s share menu is on, and sharing sends the notice\'s title and a deep link to it, to a friend or to 朋友圈', async () => {
  expect(pageConfig()).toMatchObject({ enableShareAppMessage: true, enableShareTimeline: true });
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: notice.id });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-title').textContent).toBe('关于云溪区供水管网改造停水的通知'));
  expect(shareMessage()).toEqual({ title: '关于云溪区供水管网改造停水的通知', path: `/pages/notice-detail/index?id=${notice.id}` });
  // 朋友圈 reopens the page it was shared from, with this query.
  expect(shareTimeline()).toEqual({ title: '关于云溪区供水管网改造停水的通知', query: `id=${notice.id}` });
  // Reached from a list: WeChat's own back button does the job, no 首页 button.
  expect(screen.queryByTestId('home-button')).toBeNull();
});

test('opened directly from a shared link (the first page): the notice, its 阅读 count, a 首页 button; 复制链接 in a browser', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: notice.id }, { stackDepth: 1 });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-views').textContent).toBe('阅读 1'));
  expect(screen.getByTestId('notice-title').textContent).toBe('关于云溪区供水管网改造停水的通知');
  fireEvent.click(screen.getByTestId('home-button'));
  expect(recorded.navigations).toEqual(['/pages/index/index']);
  fireEvent.click(screen.getByTestId('copy-link'));
  await waitFor(() => expect(recorded.toasts).toContain('链接已复制'));
  expect(recorded.clipboard).toBe(`http://localhost/#/pages/notice-detail/index?id=${notice.id}`);
});

test('reopening the page the same day does not count the reader again; another reader does', async () => {
  setTransport(cloud.transportAs('resident-a'));
  for (const expected of ['阅读 1', '阅读 1']) {
    resetTaro({ id: notice.id }, { stackDepth: 1 });
    const page = render(<NoticeDetailPage />);
    await waitFor(() => expect(screen.getByTestId('notice-views').textContent).toBe(expected));
    page.unmount();
  }
  setTransport(cloud.transportAs('resident-b'));
  resetTaro({ id: notice.id });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-views').textContent).toBe('阅读 2'));
});
