/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import NotFoundPage from '../../miniprogram/pages/not-found/index';
import RatePage from '../../miniprogram/rating/pages/rate/index';
import SearchPage from '../../miniprogram/pages/search/index';
import { PROPERTY_FEE_MEASURES_ID } from '../../server/demo-data';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/**
 * Links that lead nowhere: each says what happened in plain words and offers 返回首页 (and no retry,
 * which cannot help). Over the real functions and SQLite.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

/** The dead end's title, after the page has loaded; and its 返回首页 leads home. */
async function deadEnd(): Promise<{ title: string; text: string }> {
  const title = await waitFor(() => screen.getByTestId('dead-end-title').textContent ?? '');
  const text = screen.getByTestId('dead-end-text').textContent ?? '';
  expect(screen.queryByText('重新加载')).toBeNull();
  expect(screen.queryByText('重试')).toBeNull();
  fireEvent.click(screen.getByTestId('go-home'));
  expect(recorded.navigations).toContain('/pages/index/index');
  return { title, text };
}

test('a notice link with an id that does not exist: 没有找到这条信息', async () => {
  setTransport(cloud.transportAs(null));
  resetTaro({ id: 'no-such-notice' });
  render(<NoticeDetailPage />);
  expect(await deadEnd()).toMatchObject({ title: '没有找到这条信息', text: expect.stringContaining('链接可能有误') });
});

test('a rating code that does not exist: 评价码无效, said plainly, the way home and no retry', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ visit: 'ZZZZZZZZZZ' });
  render(<RatePage />);
  const { title, text } = await deadEnd();
  expect(title).toBe('评价码无效');
  expect(text).toContain('请向窗口工作人员重新获取评价码');
});

test('an expired rating code: 评价码已过期, until when it was valid, and the way home', async () => {
  const windows = ok(await cloud.call(null, 'windows', { action: 'list', data: {} })) as Array<{ id: string }>;
  const visit = ok(await cloud.call('demo-rater', 'windows', { action: 'issueVisit', data: { windowId: windows[0].id } }));
  cloud.clock.now = new Date(Date.parse(visit.expiresAt) + 60_000);
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ visit: visit.visitCode });
  render(<RatePage />);
  const { title, text } = await deadEnd();
  expect(title).toBe('评价码已过期');
  expect(text).toMatch(/有效期到 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 为止/);
  screen.getByText('我的评价');
});

test('the rate page opened without any code says how to get one', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({});
  render(<RatePage />);
  expect((await deadEnd()).title).toBe('没有评价码');
});

test('a request link that is not the resident\'s (or does not exist): 没有找到这件申请', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: 'no-such-request' });
  render(<MyRequestPage />);
  const { title, text } = await deadEnd();
  expect(title).toBe('没有找到这件申请');
  expect(text).toContain('我的申请');
});

test('a link to a page the app does not have lands on 没有找到这个页面', async () => {
  resetTaro({});
  render(<NotFoundPage />);
  expect((await deadEnd()).title).toBe('没有找到这个页面');
});

test('a repealed policy: search marks it 已废止, and its page links to the policy that replaced it', async () => {
  setTransport(cloud.transportAs(null));
  resetTaro({ q: encodeURIComponent('物业服务收费') });
  const search = render(<SearchPage />);
  const cards = await waitFor(() => {
    const found = screen.getAllByTestId('search-result');
    expect(found.length).toBeGreaterThanOrEqual(2);
    return found;
  });
  const titled = (title: string) => cards.find((c) => c.querySelector('[data-testid=search-result-title]')?.textContent === title)!;
  const old = titled('云溪区物业服务收费管理暂行办法');
  const current = titled('云溪区物业服务收费管理办法');
  expect(old.querySelector('[data-testid=search-result-validity]')?.textContent).toBe('已废止');
  expect(current.querySelector('[data-testid=search-result-validity]')).toBeNull();
  const repealedId = (await cloud.store.collection('notices').find({ where: { kind: 'policy' }, orderBy: [['updatedAt', 'desc']], limit: 50 })).items.find((n) => n.title.includes('暂行办法'))!.id;
  search.unmount();

  resetTaro({ id: repealedId });
  render(<NoticeDetailPage />);
  const link = await waitFor(() => screen.getByTestId('replacement-link'));
  expect(link.textContent).toContain('查看替代文件');
  fireEvent.click(link);
  expect(recorded.navigations.at(-1)).toContain(encodeURIComponent(PROPERTY_FEE_MEASURES_ID));
});
