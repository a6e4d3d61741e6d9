/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { setTransport } from '../../miniprogram/api/transport';
import { setElderMode } from '../../miniprogram/elder-mode';
import { TAB_PAGES } from '../../miniprogram/tab-pages';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { recorded, resetTaro, setCurrentPage, trigger } from '../support/taro';

/**
 * The pages' side of the WeChat tab bar (miniprogram/tab-bar.ts): WeChat puts one custom-tab-bar instance
 * under each tab page and only the page can reach it (getTabBar()). Each tab page, when shown, tells its bar
 * which tab it is, the unread badge on 我的 and 长辈模式; a badge or 长辈模式 changed later reaches every
 * tab page's bar. Rendered with React over the real functions and SQLite; the bar itself is
 * test/native/custom-tab-bar.test.ts.
 */
const ME = 'resident-tab-bar';
type BarData = { selected: number; badges: string[]; elder: boolean };

let cloud: CloudHarness;
let platform: string | undefined;
beforeAll(async () => {
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  // A WeChat build pointed at a local cloud (the build defines this constant); the pages' calls go to the harness.
  (global as { LOCAL_CLOUD_URL?: string }).LOCAL_CLOUD_URL = 'http://127.0.0.1:8787';
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs(ME));
  // One unread message for ME: the 我的 tab's badge.
  ok(await cloud.call(ME, 'subscriptions', { action: 'subscribe', data: { kind: 'announcement' } }));
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '停水通知' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  await dispatchAll(cloud);
});
afterAll(() => {
  if (platform === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV');
  else process.env.TARO_ENV = platform;
  delete (global as { LOCAL_CLOUD_URL?: string }).LOCAL_CLOUD_URL;
  setTransport(null);
  cloud.close();
});
afterEach(() => {
  cleanup();
  setElderMode(false);
});

/** A WeChat tab page object whose getTabBar() records what the page set on its bar. */
function wechatPage(path: string) {
  const bar = { data: null as BarData | null, setData: (data: BarData) => void (bar.data = data) };
  return { bar, page: { route: path.replace(/^\//, ''), getTabBar: () => bar } };
}

/** A tab page rendered as WeChat would load it: Taro's current page is its page object while it first renders. */
function open(path: string) {
  const tab = wechatPage(path);
  setCurrentPage(tab.page);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Page: ComponentType = require(`../../miniprogram${path}`).default;
  const { container } = render(<Page />);
  return Object.assign(tab.bar, { root: () => container.firstElementChild });
}

test.each(TAB_PAGES.map((path, index) => [path, index] as const))('%s selects tab %i on its bar when shown', async (path, index) => {
  resetTaro();
  const bar = open(path);
  act(() => trigger('didShow'));
  await waitFor(() => expect(bar.data?.selected).toBe(index));
  expect(bar.data?.elder).toBe(false);
  expect(bar.data?.badges).toHaveLength(4);
  // Room for the bar at the page's foot (app.css: .page--tab-bar).
  expect(bar.root()?.classList.contains('page--tab-bar')).toBe(true);
});

test('the unread count reaches 我的 on the bar of the page shown, not through WeChat\'s setTabBarBadge', async () => {
  resetTaro();
  const bar = open('/pages/index/index');
  act(() => trigger('didShow'));
  await waitFor(() => expect(bar.data?.badges).toEqual(['', '', '', '1']));
  expect(bar.data?.selected).toBe(0);
  // WeChat's own badge API does not reach a custom bar: it is not used there.
  expect(recorded.tabBadges).toEqual({});
});

test('长辈模式 switched on 我的 grows every tab page\'s bar at once, and a bar shown later starts large', async () => {
  resetTaro();
  const home = open('/pages/index/index');
  act(() => trigger('didShow'));
  await waitFor(() => expect(home.data?.selected).toBe(0));
  const me = open('/pages/me/index');
  act(() => trigger('didShow'));
  await waitFor(() => expect(me.data?.selected).toBe(3));
  expect(me.data?.elder).toBe(false);

  fireEvent.click(screen.getByTestId('elder-mode'));
  expect(me.data?.elder).toBe(true);
  expect(home.data).toMatchObject({ selected: 0, elder: true });

  cleanup();
  resetTaro();
  const guides = open('/pages/guides/index');
  act(() => trigger('didShow'));
  await waitFor(() => expect(guides.data).toMatchObject({ selected: 2, elder: true }));
});

test('outside WeChat (H5) the pages leave the bar to Taro: no getTabBar, the badge through setTabBarBadge', async () => {
  process.env.TARO_ENV = 'h5';
  try {
    resetTaro();
    const bar = open('/pages/index/index');
    act(() => trigger('didShow'));
    await waitFor(() => expect(recorded.tabBadges).toEqual({ 3: '1' }));
    expect(bar.data).toBeNull();
    expect(bar.root()?.classList.contains('page--tab-bar')).toBe(false);
  } finally {
    process.env.TARO_ENV = 'weapp';
  }
});
