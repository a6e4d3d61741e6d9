/** @jest-environment jsdom */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import NoticesPage from '../../miniprogram/pages/notices/index';
import SearchPage from '../../miniprogram/pages/search/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { resetTaro } from '../support/taro';

/**
 * 更正 as residents see it, over the real functions and SQLite: the notice's page says when it was
 * corrected and what changed, latest first; lists and search results mark it 更正; a notice never
 * corrected carries no mark.
 */
let cloud: CloudHarness;
let corrected: string;
let untouched: string;

beforeAll(async () => {
  cloud = await createCloudHarness();
  const publish = async (title: string) => {
    const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title, body: '第一段\n第二段\n第三段' }) } }));
    return ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  };
  const notice = await publish('梧桐更正页面测试通知');
  untouched = (await publish('梧桐未更正页面测试通知')).id;
  corrected = notice.id;
  cloud.clock.now = new Date('2026-12-03T02:00:00Z');
  const once = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { id: notice.id, version: notice.version, notice: announcement({ title: '梧桐更正页面测试通知', body: '第一段\n第二段\n第三段（改）' }) } }));
  cloud.clock.now = new Date('2026-12-05T02:00:00Z');
  ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { id: notice.id, version: once.version, notice: announcement({ title: '梧桐更正页面测试通知', summary: '新摘要', body: '第一段\n第二段\n第三段（改）' }) } }));
  forgetWhoami();
});
afterAll(() => cloud.close());
afterEach(() => {
  cleanup();
  setTransport(null);
});

test('the notice page says 更正 with the date and what changed, the latest first', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: corrected });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-title').textContent).toBe('梧桐更正页面测试通知'));
  expect(screen.getAllByTestId('notice-correction').map((c) => c.textContent)).toEqual([
    '更正2026年12月5日更正：修改了摘要',
    '更正2026年12月3日更正：修改了正文第3段',
  ]);
});

test('a notice never corrected shows no 更正', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: untouched });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-title').textContent).toBe('梧桐未更正页面测试通知'));
  expect(screen.queryByTestId('notice-corrections')).toBeNull();
});

test('the list marks the corrected notice 更正 and only it', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ kind: 'announcement' });
  render(<NoticesPage />);
  const card = (title: string) => screen.queryAllByTestId('notice-card').find((c) => c.querySelector('.notice-card__title')?.textContent === title);
  await waitFor(() => expect(card('梧桐更正页面测试通知')).toBeTruthy());
  expect(within(card('梧桐更正页面测试通知')!).getByTestId('correction-mark').textContent).toBe('更正');
  expect(within(card('梧桐未更正页面测试通知')!).queryByTestId('correction-mark')).toBeNull();
});

test('search results mark the corrected notice 更正', async () => {
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ q: encodeURIComponent('梧桐') });
  render(<SearchPage />);
  await waitFor(() => expect(screen.getAllByTestId('search-result')).toHaveLength(2));
  const marks = screen.getAllByTestId('search-result').map((r) => [r.querySelector('[data-testid=search-result-title]')?.textContent, !!within(r).queryByTestId('correction-mark')]);
  expect(marks).toEqual(expect.arrayContaining([['梧桐更正页面测试通知', true], ['梧桐未更正页面测试通知', false]]));
});
