import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';

/**
 * End to end, as people use it: Debian's Chromium (never a downloaded
 * browser) drives the real H5 build served by the real local cloud, with a
 * fresh SQLite data folder seeded with the demo bureau.
 */
const H5 = resolve('dist/h5');
const built = existsSync(join(H5, 'index.html'));
if (!built) console.warn('dist/h5 is missing: run `npm run build:h5` (npm test does this first).');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dataDir: string;
let cloud: LocalCloud;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];

(built ? describe : describe.skip)('the app in Chromium over the local cloud', () => {
  jest.setTimeout(90_000);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sg-e2e-'));
    cloud = await startLocalCloud({ dataDir, staticDir: H5, log: silentLogger });
    await new Promise<void>((done) => cloud.server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync('test-results', { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { context, page };
  }

  /**
   * Taro's H5 router keeps earlier pages of the stack in the DOM, hidden, so
   * every lookup is limited to what is on screen.
   */
  const byTestId = (page: Page, id: string) => page.locator(`[data-testid=${id}]:visible`);
  const cards = (page: Page) => byTestId(page, 'notice-card');
  /** A fresh load of a page, as a resident opening a link would get (not a page revived from the stack). */
  const open = async (page: Page, path: string) => {
    await page.goto(`${base}/#${path}`);
    await page.reload();
  };
  const cardTitled = (page: Page, title: string) => cards(page).filter({ hasText: title });

  test('a resident reads the newest notices, a notice in full, and the policy list to its end', async () => {
    const { context, page } = await phone();
    await page.goto(`${base}/#/pages/index/index`);
    await cardTitled(page, '元旦期间政务服务窗口工作安排').waitFor();
    await page.screenshot({ path: 'test-results/e2e-home.png' });
    expect(await cards(page).count()).toBe(5);

    await cardTitled(page, '保障性租赁住房项目认定结果公示').click();
    await byTestId(page, 'notice-title').filter({ hasText: '保障性租赁住房项目认定结果公示' }).waitFor();
    await page.getByText('溪岸人才公寓，房源312套').waitFor();
    await byTestId(page, 'period').filter({ hasText: '公示中' }).waitFor();

    await open(page, '/pages/index/index');
    await byTestId(page, 'kind-policy').click();
    await byTestId(page, 'list-end').waitFor();
    expect(await cards(page).allTextContents()).toEqual([
      expect.stringContaining('云溪区既有住宅加装电梯管理办法'),
      expect.stringContaining('云溪区物业服务收费管理暂行办法'),
    ]);
    expect(await cardTitled(page, '已废止').count()).toBe(1);

    await byTestId(page, 'tab-announcement').click();
    await byTestId(page, 'list-end').waitFor();
    await cardTitled(page, '元旦期间').waitFor();
    expect(await cardTitled(page, '物业管理从业人员培训').count()).toBe(0); // withdrawn
    expect(await cardTitled(page, '消防通道专项整治').count()).toBe(0); // draft

    await open(page, '/pages/notice-detail/index?id=does-not-exist');
    await byTestId(page, 'detail-error').filter({ hasText: '未找到该公开信息' }).waitFor();
    await context.close();
  });

  test('staff publish a notice, a resident sees it; staff withdraw it, the resident no longer does', async () => {
    const title = `关于${Date.now() % 100000}号小区停水检修的通知`;
    const staff = await phone();
    const resident = await phone();

    // Sign in as the demo publisher through the app's own screens.
    await staff.page.goto(`${base}/#/pages/index/index`);
    await staff.page.locator('.hero__me').click();
    await byTestId(staff.page, 'dev-sign-in-entry').click();
    await byTestId(staff.page, 'as-demo-editor').click();
    await byTestId(staff.page, 'me-identity').filter({ hasText: '王芳' }).waitFor();
    await byTestId(staff.page, 'staff-entry').click();
    await byTestId(staff.page, 'admin-notice').first().waitFor();
    await byTestId(staff.page, 'new-notice').click();

    await byTestId(staff.page, 'input-title').locator('input').fill(title);
    await byTestId(staff.page, 'input-body').locator('textarea').fill('因管网检修，本周六9:00至17:00停水，请居民提前储水。');
    await staff.page.screenshot({ path: 'test-results/e2e-editor.png' });
    await byTestId(staff.page, 'publish').click();
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已发布' }).waitFor();

    await resident.page.goto(`${base}/#/pages/notices/index`);
    await cards(resident.page).first().waitFor();
    expect(await cards(resident.page).first().textContent()).toContain(title);
    await cards(resident.page).first().click();
    await resident.page.getByText('因管网检修，本周六9:00至17:00停水').waitFor();

    await byTestId(staff.page, 'input-reason').locator('input').fill('停水时间调整，另行通知');
    await byTestId(staff.page, 'withdraw').click();
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已撤回' }).waitFor();

    await open(resident.page, '/pages/notices/index');
    await cards(resident.page).first().waitFor();
    expect(await cardTitled(resident.page, title).count()).toBe(0);
    await staff.context.close();
    await resident.context.close();
  });

  test('over HTTP: residents and strangers are refused staff actions, bad calls get 4xx, nothing is written', async () => {
    const count = () => cloud.store.collection('notices').count();
    const before = await count();
    const post = (path: string, body: string, cookie = '') =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
    const save = JSON.stringify({ action: 'save', data: { notice: { kind: 'announcement', title: '越权', body: '正文', departmentId: 'office' } } });

    const signIn = await post('/dev/sign-in', JSON.stringify({ openid: 'resident-e2e' }));
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const asResident = await post('/api/notices', save, cookie);
    expect(asResident.status).toBe(403);
    expect(await asResident.json()).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您没有权限执行此操作' });
    const anonymous = await post('/api/notices', save);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await post('/api/notices', '{"action": "save", ')).status).toBe(400);
    expect((await post('/api/unknown', '{"action":"list"}')).status).toBe(404);
    const oversize = await post('/api/notices', JSON.stringify({ action: 'save', data: { notice: { body: '字'.repeat(30000) } } }), cookie);
    expect(oversize.status).toBe(413);
    expect(await count()).toBe(before);
  });
});
