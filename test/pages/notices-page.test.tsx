/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticesPage, { PAGE_SIZE } from '../../miniprogram/pages/notices/index';
import { setTransport, NetworkError } from '../../miniprogram/api/transport';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { recorded, resetTaro, shareMessage, shareTimeline, trigger } from '../support/taro';

/**
 * The resident's notice list, rendered with React over the real cloud
 * functions and a real (in-memory) SQLite store: only the transport is
 * in-process instead of HTTP, and Taro's components are host elements.
 */
let cloud: CloudHarness;

async function publishAnnouncements(count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    cloud.clock.now = new Date(cloud.clock.now.getTime() + 60_000);
    const saved = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: `${prefix}第${i + 1}号通知` }) } }));
    ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: saved.id, version: saved.version } }));
  }
}

const titles = () => screen.queryAllByTestId('notice-card').map((card) => card.querySelector('.notice-card__title')?.textContent);

beforeEach(async () => {
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs('resident-page-test'));
});

afterEach(() => {
  setTransport(null);
  cloud.close();
});

test('shows loading, then the newest published notices, never drafts or withdrawn ones', async () => {
  resetTaro();
  render(<NoticesPage />);
  expect(screen.getByTestId('list-loading')).toBeTruthy();
  await waitFor(() => expect(screen.getAllByTestId('notice-card').length).toBeGreaterThan(0));
  const shown = titles();
  expect(shown[0]).toContain('元旦期间政务服务窗口工作安排');
  expect(shown.some((t) => t?.includes('草稿'))).toBe(false);
  expect(shown.some((t) => t?.includes('物业管理从业人员培训'))).toBe(false);
});

test('filters by the kind in the route and pages with the cursor until the end', async () => {
  await publishAnnouncements(PAGE_SIZE + 3, '分页');
  resetTaro({ kind: 'announcement' });
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getAllByTestId('notice-card')).toHaveLength(PAGE_SIZE));
  expect(titles().every((t) => !t?.includes('公示'))).toBe(true);
  expect(titles()[0]).toBe(`分页第${PAGE_SIZE + 3}号通知`);
  expect(screen.getByTestId('list-more')).toBeTruthy();

  act(() => trigger('reachBottom'));
  // 13 new + 1 seeded published announcement = 14 in all.
  await waitFor(() => expect(screen.getAllByTestId('notice-card')).toHaveLength(PAGE_SIZE + 4));
  expect(screen.getByTestId('list-end')).toBeTruthy();
  const all = titles();
  expect(new Set(all).size).toBe(all.length);
});

test('switching tabs reloads the list for that kind', async () => {
  resetTaro();
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getAllByTestId('notice-card').length).toBeGreaterThan(2));
  fireEvent.click(screen.getByTestId('tab-policy'));
  await waitFor(() => expect(titles()).toEqual(['云溪区既有住宅加装电梯管理办法', '云溪区物业服务收费管理办法', '云溪区物业服务收费管理暂行办法']));
  expect(screen.getAllByText('已废止')).toHaveLength(1);
});

test('pull-to-refresh shows what was published meanwhile and stops the spinner', async () => {
  resetTaro({ kind: 'announcement' });
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getAllByTestId('notice-card')).toHaveLength(1));
  await publishAnnouncements(1, '刷新');
  act(() => trigger('pullDownRefresh'));
  await waitFor(() => expect(titles()[0]).toBe('刷新第1号通知'));
  await waitFor(() => expect(recorded.stopPullDownRefresh).toBe(1));
});

test('an empty kind says so instead of showing a blank page', async () => {
  cloud.close();
  cloud = await createCloudHarness({ seed: false });
  setTransport(cloud.transportAs(null));
  resetTaro({ kind: 'guide' });
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toBe('暂无办事指南'));
});

test('a network failure shows a Chinese message and a retry that works', async () => {
  let offline = true;
  const real = cloud.transportAs(null);
  setTransport((fn, event) => (offline ? Promise.reject(new NetworkError()) : real(fn, event)));
  resetTaro();
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getByTestId('list-error').textContent).toContain('网络不给力'));
  offline = false;
  fireEvent.click(screen.getByText('重新加载'));
  await waitFor(() => expect(screen.getAllByTestId('notice-card').length).toBeGreaterThan(0));
});

test('tapping a card opens its detail page', async () => {
  resetTaro();
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getAllByTestId('notice-card').length).toBeGreaterThan(0));
  fireEvent.click(screen.getAllByTestId('notice-card')[0]);
  expect(recorded.navigations[0]).toMatch(/^\/pages\/notice-detail\/index\?id=[A-Za-z0-9_-]+$/);
});

test('the department picker filters the list, and a search from here keeps kind and department', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '住房保障科的通知', departmentId: 'housing' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  resetTaro();
  render(<NoticesPage />);
  await waitFor(() => expect(screen.getAllByTestId('notice-card').length).toBeGreaterThan(1));
  const picker = await waitFor(() => {
    const select = screen.getByTestId('department-filter').querySelector('select')!;
    expect(Array.from(select.options, (o) => o.textContent)).toContain('住房保障科');
    return select;
  });
  fireEvent.change(picker, { target: { value: String(Array.from(picker.options, (o) => o.textContent).indexOf('住房保障科')) } });
  const expected = ok(await cloud.call(null, 'notices', { action: 'list', data: { departmentId: 'housing', limit: PAGE_SIZE } })).items.map((n: { title: string }) => n.title);
  expect(expected).toContain('住房保障科的通知');
  await waitFor(() => expect(titles()).toEqual(expected));
  // The kind tab keeps the department.
  fireEvent.click(screen.getByTestId('tab-policy'));
  await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toBe('该部门暂无政策文件'));
  fireEvent.change(screen.getByTestId('search-input'), { target: { value: '保障' } });
  fireEvent.click(screen.getByTestId('search-submit'));
  expect(recorded.navigations.at(-1)).toBe(`/pages/search/index?q=${encodeURIComponent('保障')}&kind=policy&departmentId=housing`);
});

test('转发 and 朋友圈 reopen the list at the kind being viewed', async () => {
  resetTaro({ kind: 'announcement' });
  const first = render(<NoticesPage />);
  await waitFor(() => expect(screen.queryByTestId('list-loading')).toBeNull());
  expect(shareMessage()).toEqual({ title: '政务公开 · 通知公告', path: '/pages/notices/index?kind=announcement' });
  expect(shareTimeline()).toEqual({ title: '政务公开 · 通知公告', query: 'kind=announcement' });
  first.unmount();
  resetTaro();
  render(<NoticesPage />);
  expect(shareMessage()).toEqual({ title: '政务公开', path: '/pages/notices/index' });
  expect(shareTimeline()).toEqual({ title: '政务公开', query: '' });
});
