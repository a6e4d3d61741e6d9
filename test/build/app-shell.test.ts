import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/**
 * The app's shell as WeChat users expect it, read from the real builds (dist/weapp, dist/h5; `npm test`
 * builds them first): sitemap.json, a title on every page, 转发 on the public pages with the path back to
 * them, the tab bar's icons, and in the browser a page that may be pinch-zoomed.
 */
const WEAPP = 'dist/weapp';
const built = existsSync(join(WEAPP, 'app.json'));
if (!built) console.warn('dist/weapp is missing: run `npm run build:weapp` (npm test does this first).');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { drawTabIcons, ICON_DIR, SIZE } = require('../../scripts/draw-tab-icons.cjs') as { drawTabIcons(): Record<string, Buffer>; ICON_DIR: string; SIZE: number };

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  sitemapLocation?: string;
  tabBar: { color: string; selectedColor: string; list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
  window: Record<string, string>;
}
const json = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const app = () => json<AppJson>(join(WEAPP, 'app.json'));
const allPages = (a: AppJson) => [...a.pages, ...(a.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];

/** Pages anyone may open from a link: they offer 转发 (and a notice also 朋友圈); nothing personal or staff-only does. */
const SHARED_PAGES = ['pages/index/index', 'pages/notices/index', 'pages/notice-detail/index', 'pages/search/index', 'pages/guides/index', 'inquiry/pages/faq/index', 'inquiry/pages/guide/index', 'rating/pages/stats/index'];
const TIMELINE_PAGES = ['pages/notices/index', 'pages/notice-detail/index'];

(built ? describe : describe.skip)('the WeChat build', () => {
  test('sitemap.json lets WeChat search index only public pages, each one that exists', () => {
    const a = app();
    expect(a.sitemapLocation).toBe('sitemap.json');
    const sitemap = json<{ rules: Array<{ action: string; page: string }> }>(join(WEAPP, 'sitemap.json'));
    expect(sitemap).toEqual(json(join('miniprogram', 'sitemap.json')));
    const pages = allPages(a);
    const allowed = sitemap.rules.filter((r) => r.action === 'allow').map((r) => r.page);
    for (const page of allowed) expect(pages).toContain(page);
    for (const page of allowed) expect(SHARED_PAGES).toContain(page);
    expect(sitemap.rules.at(-1)).toEqual({ action: 'disallow', page: '*' });
  });

  test('every page has its own navigation bar title', () => {
    const missing = allPages(app()).filter((page) => {
      const file = join(WEAPP, `${page}.json`);
      return !existsSync(file) || !(json<{ navigationBarTitleText?: string }>(file).navigationBarTitleText ?? '').trim();
    });
    expect(missing).toEqual([]);
  });

  test('转发 is on exactly on the public pages; 分享到朋友圈 on the notices', () => {
    const pages = allPages(app());
    // Taro takes the switches out of the page's JSON and hands them to its runtime in the page's code,
    // which then answers WeChat's onShareAppMessage / onShareTimeline with the page's hook.
    const switched = (page: string, flag: string) => new RegExp(`${flag}:(!0|true)`).test(readFileSync(join(WEAPP, `${page}.js`), 'utf8'));
    expect(pages.filter((p) => switched(p, 'enableShareAppMessage'))).toEqual(SHARED_PAGES);
    expect(pages.filter((p) => switched(p, 'enableShareTimeline'))).toEqual(TIMELINE_PAGES);
  });

  test('the tab bar has an icon and a selected icon per tab: 81×81 PNG, at most 40 KB, in the tab bar\'s colours', () => {
    const { tabBar } = app();
    expect(tabBar.list).toHaveLength(4);
    for (const tab of tabBar.list) {
      const pair = [tab.iconPath, tab.selectedIconPath].map((path) => {
        expect(path).toMatch(/\.png$/);
        const file = join(WEAPP, path as string);
        expect(statSync(file).size).toBeLessThanOrEqual(40 * 1024);
        const png = PNG.sync.read(readFileSync(file));
        expect([png.width, png.height]).toEqual([81, 81]);
        // The colour of the drawn (opaque) pixels.
        const at = png.data.findIndex((_, i) => i % 4 === 3 && png.data[i] === 255) - 3;
        return `#${[0, 1, 2].map((c) => png.data[at + c].toString(16).padStart(2, '0')).join('')}`;
      });
      expect(pair).toEqual([tabBar.color, tabBar.selectedColor]);
    }
  });

  test('WeChat draws our own tab bar (it grows in 长辈模式): custom-tab-bar ships, sized in px, its icons present', () => {
    const { tabBar } = app();
    expect((tabBar as { custom?: boolean }).custom).toBe(true);
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(join(WEAPP, `custom-tab-bar/index.${ext}`))).toBe(true);
    expect(json<{ component: boolean }>(join(WEAPP, 'custom-tab-bar/index.json')).component).toBe(true);
    expect(readFileSync(join(WEAPP, 'custom-tab-bar/index.wxml'), 'utf8')).toBe(readFileSync('miniprogram/custom-tab-bar/index.wxml', 'utf8'));
    // Taro's build turns px into rpx (half size on a 375 px phone) unless told not to: the tabs stay 50 / 64 px tall.
    const wxss = readFileSync(join(WEAPP, 'custom-tab-bar/index.wxss'), 'utf8');
    expect(wxss).not.toContain('rpx');
    expect(wxss).toMatch(/min-height:50px/);
    expect(wxss).toMatch(/min-height:64px/);
    // The bar names the same icons as app.json's list, each shipped.
    const script = readFileSync(join(WEAPP, 'custom-tab-bar/index.js'), 'utf8');
    for (const tab of tabBar.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(script).toContain(`"/${icon}"`);
        expect(existsSync(join(WEAPP, icon as string))).toBe(true);
      }
    }
    // The tab pages leave room for it at the foot, in px like the bar.
    expect(readFileSync(join(WEAPP, 'app.wxss'), 'utf8')).toMatch(/\.page\.page--tab-bar\{padding-bottom:calc\(66PX/i);
  });
});

test('the tab icons are the ones scripts/draw-tab-icons.cjs draws, byte for byte', () => {
  const drawn = drawTabIcons();
  expect(Object.keys(drawn).sort()).toEqual(['guides-active.png', 'guides.png', 'home-active.png', 'home.png', 'me-active.png', 'me.png', 'notices-active.png', 'notices.png']);
  expect(SIZE).toBe(81);
  for (const [file, bytes] of Object.entries(drawn)) expect(readFileSync(join(ICON_DIR, file)).equals(bytes)).toBe(true);
});

const h5Built = existsSync('dist/h5/index.html');
(h5Built ? test : test.skip)('the H5 page may be pinch-zoomed (no user-scalable=no, no maximum-scale=1)', () => {
  const viewport = /<meta name="viewport" content="([^"]*)"/.exec(readFileSync('dist/h5/index.html', 'utf8'))?.[1] ?? '';
  expect(viewport).toContain('width=device-width');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/);
  expect(viewport).not.toMatch(/maximum-scale\s*=\s*1(\.0)?(,|$)/);
});
