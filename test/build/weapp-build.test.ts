import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN_PACKAGE_BUDGET_BYTES, weappSizes } from '../../bench/package-size';

/**
 * Checks on the real WeChat build in dist/weapp (`npm test` builds it first):
 * the pages and the staff subpackage WeChat will load, the main-package
 * budget, and that nothing meant only for the local cloud ships to WeChat.
 */
const DIST = 'dist/weapp';
const built = existsSync(join(DIST, 'app.json'));
const describeBuilt = built ? describe : describe.skip;
if (!built) console.warn('dist/weapp is missing: run `npm run build:weapp` (npm test does this first).');

describeBuilt('the WeChat build', () => {
  const app = built ? JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) : {};

  test('app.json lists the resident pages in the main package and the staff area as a subpackage', () => {
    expect(app.pages.slice(0, 4)).toEqual(['pages/index/index', 'pages/notices/index', 'pages/notice-detail/index', 'pages/me/index']);
    expect(app.pages).toContain('pages/search/index');
    expect(app.tabBar.list.map((t: { pagePath: string; text: string }) => `${t.text} ${t.pagePath}`)).toEqual([
      '首页 pages/index/index', '政务公开 pages/notices/index', '办事 pages/guides/index', '我的 pages/me/index',
    ]);
    expect(app.pages).toEqual(expect.arrayContaining(['pages/inbox/index', 'pages/subscriptions/index']));
    // Features add pages to the staff area and resident subpackages of their own; the staff area keeps the editor.
    const admin = app.subPackages.find((s: { root: string }) => s.root === 'admin');
    expect(admin.pages).toEqual(expect.arrayContaining(['pages/notices/index', 'pages/notice-edit/index', 'pages/deliveries/index']));
  });

  test("WeChat's privacy consent is on, and 个人信息 and 隐私政策 are main-package pages (every form links to the policy)", () => {
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.pages).toEqual(expect.arrayContaining(['pages/my-data/index', 'pages/privacy/index']));
    // The popup's agree button: open-type agreePrivacyAuthorization, and its event bound in the template.
    expect(readFileSync(join(DIST, 'base.wxml'), 'utf8')).toContain('bindagreeprivacyauthorization');
    expect(readdirSync(DIST).filter((f) => f.endsWith('.js')).some((f) => readFileSync(join(DIST, f), 'utf8').includes('agreePrivacyAuthorization'))).toBe(true);
  });

  test('disclosure requests: the resident pages are a subpackage of their own, the staff pages are in the staff area', () => {
    const requests = app.subPackages.find((s: { root: string }) => s.root === 'requests');
    expect(requests.pages).toEqual(['pages/new/index', 'pages/result/index', 'pages/mine/index', 'pages/detail/index', 'pages/letter/index', 'pages/applicant/index']);
    const admin = app.subPackages.find((s: { root: string }) => s.root === 'admin');
    expect(admin.pages).toEqual(expect.arrayContaining(['pages/requests/index', 'pages/request/index', 'pages/request-enter/index', 'pages/request-letter/index', 'pages/calendar/index']));
  });

  test('every page is compiled: script, template and config exist', () => {
    const pages = [...app.pages, ...app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`))];
    for (const page of pages) {
      for (const ext of ['js', 'json', 'wxml']) expect({ page, ext, exists: existsSync(join(DIST, `${page}.${ext}`)) }).toEqual({ page, ext, exists: true });
    }
  });

  test(`the main package stays within ${MAIN_PACKAGE_BUDGET_BYTES / 1024} KB`, () => {
    const sizes = weappSizes(DIST);
    expect(sizes.mainBytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET_BYTES);
    expect(sizes.subpackages.admin).toBeGreaterThan(0);
    expect(sizes.totalBytes).toBe(sizes.mainBytes + Object.values(sizes.subpackages).reduce((a, b) => a + b, 0));
  });

  test('the dev sign-in of the local cloud is not in the WeChat build', () => {
    const scripts = readdirSync(DIST, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(DIST, f), 'utf8'));
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.some((s) => s.includes('/dev/sign-in'))).toBe(false);
    expect(app.pages).not.toContain('pages/dev-sign-in/index');
  });

  test('the native period-progress component ships and the detail page binds its properties', () => {
    for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(existsSync(join(DIST, `native/period-progress/index.${ext}`))).toBe(true);
    const page = JSON.parse(readFileSync(join(DIST, 'pages/notice-detail/index.json'), 'utf8'));
    expect(page.usingComponents['period-progress']).toBe('../../native/period-progress/index');
    const template = readFileSync(join(DIST, 'base.wxml'), 'utf8').match(/<period-progress [^>]*>/)?.[0] ?? '';
    for (const prop of ['label', 'state', 'percent', 'periodName', 'start', 'end', 'contact']) {
      expect(template).toContain(`${prop}="{{i.${prop}}}"`);
    }
    const wxml = readFileSync(join(DIST, 'native/period-progress/index.wxml'), 'utf8');
    expect(wxml).toBe(readFileSync('miniprogram/native/period-progress/index.wxml', 'utf8'));
  });

  test('the notice detail page offers WeChat\'s 转发: Taro registers onShareAppMessage from its enableShareAppMessage', () => {
    expect(readFileSync(join(DIST, 'pages/notice-detail/index.js'), 'utf8')).toContain('enableShareAppMessage:!0');
  });

  test('the form validation library ships with the staff editor, not in the main package', () => {
    const mainScripts = ['app.js', 'common.js', 'vendors.js', 'taro.js'].filter((f) => existsSync(join(DIST, f)));
    const main = mainScripts.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    // zod's issue code for unknown keys is a fingerprint of the library (minified code keeps string literals).
    expect(main.includes('unrecognized_keys')).toBe(false);
    // Used by two subpackages, zod is copied into each one's sub-common folder (Taro's optimizeMainPackage), never the main package.
    for (const root of ['admin', 'requests']) {
      const scripts = readdirSync(join(DIST, root), { recursive: true }).map(String).filter((f) => f.endsWith('.js'));
      expect({ root, zod: scripts.some((f) => readFileSync(join(DIST, root, f), 'utf8').includes('unrecognized_keys')) }).toEqual({ root, zod: true });
    }
  });
});

const H5 = 'dist/h5/index.html';
(existsSync(H5) ? test : test.skip)('the H5 build has its entry page', () => {
  expect(readFileSync(H5, 'utf8')).toContain('<div id="app">');
});
