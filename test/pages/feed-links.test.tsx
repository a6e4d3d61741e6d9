/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticesPage from '../../miniprogram/pages/notices/index';
import { setTransport } from '../../miniprogram/api/transport';
import { answerFeedEvent } from '../../cloudfunctions/feeds/feeds-http';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { recorded, resetTaro } from '../support/taro';

/** The notices list links its open feeds: the address copied is the feed of what the list shows, and it is served. */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs(null));
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

test('订阅本栏目 copies the feed address of the kind and department shown, and that feed answers', async () => {
  resetTaro();
  render(<NoticesPage />);
  await waitFor(() => screen.getByTestId('feed-links'));
  fireEvent.click(screen.getByTestId('feed-json'));
  await waitFor(() => expect(recorded.clipboard).toBe('http://localhost/feeds/notices.json'));
  expect(recorded.toasts.at(-1)).toContain('订阅地址已复制');

  fireEvent.click(screen.getByTestId('tab-policy'));
  const picker = await waitFor(() => {
    const select = screen.getByTestId('department-filter').querySelector('select')!;
    expect(Array.from(select.options, (o) => o.textContent)).toContain('住房保障科');
    return select;
  });
  fireEvent.change(picker, { target: { value: String(Array.from(picker.options, (o) => o.textContent).indexOf('住房保障科')) } });
  fireEvent.click(screen.getByTestId('feed-atom'));
  await waitFor(() => expect(recorded.clipboard).toBe('http://localhost/feeds/notices.atom?kind=policy&department=housing'));

  const copied = new URL(recorded.clipboard as string);
  const served = await answerFeedEvent(
    { path: copied.pathname, httpMethod: 'GET', headers: { host: copied.host }, queryStringParameters: Object.fromEntries(copied.searchParams) },
    { store: () => cloud.store, siteUrl: 'http://localhost', now: cloud.clock.now },
  );
  expect(served.statusCode).toBe(200);
  expect(served.body).toContain('住房保障科 · 政策文件 主动公开信息');
});
