/** @jest-environment jsdom */
import { resolve } from 'node:path';

/**
 * The WeChat build's own tab bar (miniprogram/custom-tab-bar), run by miniprogram-simulate in WeChat's
 * component model: the four tabs of app.config.ts with their icons, the selected tab a page sets through
 * getTabBar().setData, a tap switching tab, the unread badge on 我的 kept off the label, and 长辈模式
 * (read from storage on attach, or set by the page) growing the bar, icons, labels and badge.
 * test/pages/tab-bar-sync.test.tsx covers the pages' side (what they set on their bar).
 */

// WeChat's API as the component sees it: storage and switchTab, recorded. Set before miniprogram-simulate
// loads, which merges its own stand-ins under these.
const stored: Record<string, unknown> = {};
const switched: string[] = [];
(global as unknown as { wx: object }).wx = {
  getStorageSync: (key: string) => (key in stored ? stored[key] : ''),
  switchTab: ({ url }: { url: string }) => void switched.push(url),
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate');

interface Node {
  dom: HTMLElement;
  dispatchEvent(name: string): void;
}
interface Rendered {
  dom: HTMLElement;
  data: { selected: number; badges: string[]; elder: boolean };
  querySelector(selector: string): Node | null;
  querySelectorAll(selector: string): Node[];
  attach(parent: Element): void;
  instance: { setData(data: Record<string, unknown>): void };
}

const componentId: string = simulate.load(resolve(__dirname, '../../miniprogram/custom-tab-bar/index'));

function render(): Rendered {
  const comp = simulate.render(componentId) as Rendered;
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  comp.attach(parent);
  return comp;
}

/** app.config.ts as Taro reads it for one platform. */
function appConfig(platform: 'weapp' | 'h5') {
  const before = process.env.TARO_ENV;
  process.env.TARO_ENV = platform;
  (global as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (config) => config;
  let config: { tabBar: { custom?: boolean; color: string; selectedColor: string; list: Array<{ pagePath: string; text: string; iconPath: string; selectedIconPath: string }> } } | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    config = require('../../miniprogram/app.config').default;
  });
  process.env.TARO_ENV = before;
  return config!;
}

/** The rendered tree as WeChat's template made it (attributes included: the DOM stand-in keeps only classes). */
interface TreeNode {
  tagName: string;
  attrs: Array<{ name: string; value: unknown }>;
  children: Array<TreeNode | string>;
}
const attr = (node: TreeNode, name: string) => node.attrs.find((a) => a.name === name)?.value;
function find(node: TreeNode | string, className: string): TreeNode[] {
  if (typeof node === 'string') return [];
  const here = String(attr(node, 'class') ?? '').split(/\s+/).includes(className) ? [node] : [];
  return [...here, ...node.children.flatMap((child) => find(child, className))];
}
const textOf = (node: TreeNode | string): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''));
const tree = (comp: Rendered) => (comp as unknown as { toJSON(): TreeNode }).toJSON();
const tabs = (comp: Rendered) => find(tree(comp), 'tab-bar__item');
const labels = (comp: Rendered) => tabs(comp).map((tab) => textOf(find(tab, 'tab-bar__label')[0]).trim());
const icons = (comp: Rendered) => tabs(comp).map((tab) => attr(find(tab, 'tab-bar__icon')[0], 'src'));
/** The tab items as DOM nodes (taps, computed styles). */
const items = (comp: Rendered) => comp.querySelectorAll('.tab-bar__item');
const px = (node: Element | null | undefined, property: string) => parseFloat(getComputedStyle(node as Element).getPropertyValue(property));

beforeEach(() => {
  for (const key of Object.keys(stored)) delete stored[key];
  switched.length = 0;
});

test('WeChat gets the custom bar, H5 keeps Taro\'s own; the custom bar draws the same tabs and icons as app.config.ts', () => {
  expect(appConfig('weapp').tabBar.custom).toBe(true);
  expect(appConfig('h5').tabBar.custom).toBe(false);
  const { list } = appConfig('weapp').tabBar;
  const comp = render();
  expect(labels(comp)).toEqual(list.map((tab) => tab.text));
  expect(labels(comp)).toEqual(['首页', '政务公开', '办事', '我的']);
  // No tab is selected until the page says which it is: every tab shows its plain icon.
  expect(icons(comp)).toEqual(list.map((tab) => `/${tab.iconPath}`));
  expect(comp.querySelectorAll('.tab-bar__item--on')).toHaveLength(0);
});

test('the page selects its tab: selected icon and colour class on that tab only', async () => {
  const { list } = appConfig('weapp').tabBar;
  const comp = render();
  comp.instance.setData({ selected: 1 });
  await simulate.sleep(10);
  expect(icons(comp)).toEqual(list.map((tab, i) => `/${i === 1 ? tab.selectedIconPath : tab.iconPath}`));
  expect(tabs(comp).map((tab) => String(attr(tab, 'class')).includes('tab-bar__item--on'))).toEqual([false, true, false, false]);
});

test('a tap switches to that tab\'s page; a tap on the tab already shown does nothing', async () => {
  const comp = render();
  comp.instance.setData({ selected: 0 });
  await simulate.sleep(10);
  items(comp)[3].dispatchEvent('tap');
  items(comp)[0].dispatchEvent('tap');
  items(comp)[2].dispatchEvent('tap');
  await simulate.sleep(10);
  expect(switched).toEqual(['/pages/me/index', '/pages/guides/index']);
});

test('the unread badge sits on 我的\'s icon, not in or over its label', async () => {
  const comp = render();
  expect(comp.querySelectorAll('.tab-bar__badge')).toHaveLength(0);
  comp.instance.setData({ selected: 0, badges: ['', '', '', '5'] });
  await simulate.sleep(10);
  const badges = comp.querySelectorAll('.tab-bar__badge');
  expect(badges.map((b) => b.dom.textContent)).toEqual(['5']);
  // In 我的's icon box, beside the icon; the label's text is the tab's name alone.
  const [me] = tabs(comp).slice(3);
  expect(find(find(me, 'tab-bar__icon-box')[0], 'tab-bar__badge').map(textOf)).toEqual(['5']);
  expect(textOf(find(me, 'tab-bar__label')[0]).trim()).toBe('我的');
  // Drawn above the label: its box ends inside the icon's box (top -4 px, 16 px tall, in a 24 px box).
  const badge = badges[0].dom;
  expect(getComputedStyle(badge).position).toBe('absolute');
  expect(px(badge, 'top') + px(badge, 'height')).toBeLessThanOrEqual(px(badge.parentElement, 'height'));

  comp.instance.setData({ badges: ['', '', '', ''] });
  await simulate.sleep(10);
  expect(comp.querySelectorAll('.tab-bar__badge')).toHaveLength(0);
});

test('every tab is a target at least 44 px tall; 长辈模式 makes the bar, icons, labels and badge larger', async () => {
  const comp = render();
  comp.instance.setData({ selected: 3, badges: ['', '', '', '12'] });
  await simulate.sleep(10);
  const sizes = () => {
    const one = (selector: string) => comp.querySelectorAll(selector)[3].dom;
    const badge = comp.querySelector('.tab-bar__badge')!.dom;
    return {
      item: px(one('.tab-bar__item'), 'min-height'),
      icon: px(one('.tab-bar__icon'), 'width'),
      label: px(one('.tab-bar__label'), 'font-size'),
      badge: px(badge, 'font-size'),
      // the badge still ends within the icon's box
      badgeBottom: px(badge, 'top') + px(badge, 'height'),
      iconBox: px(badge.parentElement, 'height'),
    };
  };
  const normal = sizes();
  expect(normal.item).toBeGreaterThanOrEqual(44);
  expect(normal.label).toBeGreaterThanOrEqual(12);
  expect(attr(find(tree(comp), 'tab-bar')[0], 'class')).not.toContain('tab-bar--elder');

  comp.instance.setData({ elder: true });
  await simulate.sleep(10);
  const elder = sizes();
  expect(attr(find(tree(comp), 'tab-bar')[0], 'class')).toContain('tab-bar--elder');
  expect(elder.item).toBeGreaterThan(normal.item);
  expect(elder.icon).toBeGreaterThan(normal.icon);
  // about a third larger, like the rest of 长辈模式's secondary text
  expect(elder.label).toBeGreaterThanOrEqual(normal.label * 1.3);
  expect(elder.badge).toBeGreaterThan(normal.badge);
  expect(elder.badgeBottom).toBeLessThanOrEqual(elder.iconBox);
});

test('长辈模式 kept on the phone is read when the bar attaches, so a tab page\'s bar starts large', () => {
  stored['sg-elder-mode'] = true;
  expect(render().data.elder).toBe(true);
  stored['sg-elder-mode'] = false;
  expect(render().data.elder).toBe(false);
});

test('each tab is a tab for a screen reader: role, selected state, and its name with the unread count', async () => {
  const comp = render();
  comp.instance.setData({ selected: 2, badges: ['', '', '', '3'] });
  await simulate.sleep(10);
  expect(attr(find(tree(comp), 'tab-bar')[0], 'ariaRole')).toBe('tablist');
  expect(tabs(comp).map((tab) => attr(tab, 'ariaRole'))).toEqual(['tab', 'tab', 'tab', 'tab']);
  expect(tabs(comp).map((tab) => attr(tab, 'ariaSelected'))).toEqual([false, false, true, false]);
  expect(tabs(comp).map((tab) => attr(tab, 'ariaLabel'))).toEqual(['首页', '政务公开', '办事', '我的，3条未读']);
  // The icon, badge and label are read as part of the tab's name, not again one by one.
  for (const tab of tabs(comp)) {
    for (const part of ['tab-bar__icon', 'tab-bar__badge', 'tab-bar__label']) for (const node of find(tab, part)) expect(attr(node, 'ariaHidden')).toBe('true');
  }
});
