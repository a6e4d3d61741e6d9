import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { MAX_PAYLOAD_BYTES } from '../../cloudfunctions/_runtime/invoke';
import type { Notice } from '../../shared/notices/notice-schema';
import { startLocalCloud, type LocalCloud } from '../../server/local-cloud';

/**
 * End to end, as people use it: Debian's Chromium (never a downloaded
 * browser) drives the real H5 build served by the real local cloud, with a
 * fresh SQLite data folder seeded with the demo bureau. `npm test` builds
 * dist/h5 first; run alone, `npm run build:h5` once.
 */
const H5 = resolve('dist/h5');
const built = existsSync(join(H5, 'index.html'));
const SKIP_REASON = 'SKIPPED: dist/h5/index.html is missing — run `npm run build:h5` (npm test builds it first)';
if (!built) console.warn(`end-to-end tests ${SKIP_REASON}`);

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { width: 390, height: 844 };
const TEST_TIMEOUT = 60_000;
/** A single wait never needs long on this machine; a missing element should fail fast and say which. */
const WAIT = { timeout: 15_000 };

let dataDir: string;
let cloud: LocalCloud;
let browser: Browser;
let base: string;
/** Uncaught exceptions in any page of the current test; any one fails the test. */
const pageErrors: string[] = [];

(built ? describe : describe.skip)(built ? 'the app in Chromium over the local cloud' : SKIP_REASON, () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sg-e2e-'));
    cloud = await startLocalCloud({ dataDir, staticDir: H5, log: silentLogger });
    await new Promise<void>((done) => cloud.server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(cloud.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync('test-results', { recursive: true });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    pageErrors.length = 0;
  });

  // A failure here is reported against the test that was running.
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT.timeout);
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    // Failed requests (favicon, an intentional 404 for a missing notice) are not page errors; anything else logged as an error is.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(`${page.url()}: console.error ${message.text()}`);
      }
    });
    return { context, page };
  }

  /**
   * Taro's H5 router keeps earlier pages of the stack in the DOM, hidden, so
   * every lookup is limited to what is on screen.
   */
  const byTestId = (page: Page, id: string) => page.locator(`[data-testid=${id}]:visible`);
  const cards = (page: Page) => byTestId(page, 'notice-card');
  const cardTitled = (page: Page, title: string) => cards(page).filter({ hasText: title });
  const titlesOf = async (page: Page) =>
    (await page.locator('[data-testid=notice-card]:visible .notice-card__title').allTextContents()).map((t) => t.trim());

  /** A fresh load of a page, as a resident opening a shared link gets (not a page revived from the router's stack). */
  async function open(page: Page, path: string): Promise<void> {
    await page.goto(`${base}/#${path}`);
    await page.reload();
  }

  /**
   * Waits for Taro's page slide-in to finish. Typing into a page that is still
   * sliding in scrolls the document sideways (and a screenshot catches it half-way).
   */
  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => {
      const pages = document.querySelectorAll('.taro_router > .taro_page');
      const top = pages[pages.length - 1];
      return !!top && top.classList.contains('taro_page_stationed') && window.scrollX === 0;
    }, undefined, WAIT);
  }

  /** A paged list has finished loading once it says it has reached the end (or has more). */
  async function listLoaded(page: Page): Promise<'end' | 'more'> {
    const state = page.locator('[data-testid=list-end]:visible, [data-testid=list-more]:visible').first();
    await state.waitFor(WAIT);
    return (await state.getAttribute('data-testid')) === 'list-end' ? 'end' : 'more';
  }

  async function textOf(locator: Locator): Promise<string> {
    await locator.first().waitFor(WAIT);
    return ((await locator.first().textContent()) ?? '').trim();
  }

  /** What the store holds, in the order residents should see it: published, newest first; everything else hidden. */
  async function seeded(): Promise<{ published: Notice[]; hidden: Notice[] }> {
    const all = (await cloud.store.collection<Notice>('notices').find({ orderBy: [['createdAt', 'desc']], limit: 100 })).items;
    const published = all
      .filter((n) => n.status === 'published')
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    return { published, hidden: all.filter((n) => n.status !== 'published') };
  }

  test('a resident reads the newest notices, a notice in full, the policy list to its end; hidden notices stay hidden', async () => {
    const { published, hidden } = await seeded();
    expect(published.length).toBeGreaterThanOrEqual(6);
    // The demo bureau has one draft and one withdrawn notice; neither may reach a resident.
    expect(hidden.map((n) => n.status).sort()).toEqual(['draft', 'withdrawn']);
    const hiddenTitles = hidden.map((n) => n.title);
    const { context, page } = await phone();

    // Home: the five newest, newest first.
    await page.goto(`${base}/#/pages/index/index`);
    await cardTitled(page, '元旦期间政务服务窗口工作安排').waitFor();
    await byTestId(page, 'kind-policy').waitFor();
    await settled(page);
    await page.screenshot({ path: 'test-results/e2e-home.png' });
    const homeTitles = await titlesOf(page);
    expect(homeTitles).toEqual(published.slice(0, 5).map((n) => n.title));
    expect(homeTitles[0]).toContain('元旦期间政务服务窗口工作安排');
    for (const title of hiddenTitles) expect(homeTitles).not.toContain(title);

    // A notice in full: its whole title, every paragraph, and where its 公示期 stands.
    const housing = published.find((n) => n.title.includes('保障性租赁住房项目认定结果公示'))!;
    await cardTitled(page, '保障性租赁住房项目认定结果公示').click();
    expect(await textOf(byTestId(page, 'notice-title'))).toBe(housing.title);
    await page.getByText('1. 溪岸人才公寓，房源312套，建筑面积1.56万平方米；').waitFor();
    await page.getByText('3. 青禾路租赁社区，房源420套，建筑面积2.10万平方米。').waitFor();
    await page.getByText(/^公示期内，任何单位和个人对公示项目有异议的/).waitFor();
    expect(await textOf(byTestId(page, 'period'))).toContain('公示中');
    expect(await textOf(byTestId(page, 'period'))).toContain('住房保障科 电话 0571-8800 1234');

    // Back home with the browser's back button, then into 政策文件 from the grid.
    await page.goBack();
    await byTestId(page, 'kind-policy').waitFor();
    await byTestId(page, 'kind-policy').click();
    expect(await byTestId(page, 'tab-policy').getAttribute('class')).toContain('tabs__item--active');
    expect(await listLoaded(page)).toBe('end');
    expect(await textOf(byTestId(page, 'list-end'))).toContain('已经到底了');
    const policies = published.filter((n) => n.kind === 'policy').map((n) => n.title);
    expect(policies).toEqual(['云溪区既有住宅加装电梯管理办法', '云溪区物业服务收费管理暂行办法']);
    expect(await titlesOf(page)).toEqual(policies);
    expect(await cards(page).filter({ hasText: '政策文件' }).count()).toBe(policies.length);
    expect(await textOf(cardTitled(page, '物业服务收费管理暂行办法'))).toContain('已废止');
    expect(await textOf(cardTitled(page, '既有住宅加装电梯管理办法'))).toContain('现行有效');

    // 全部: every published notice and the end of the list; the draft and the withdrawn notice nowhere.
    await byTestId(page, 'tab-all').click();
    await cards(page).nth(policies.length).waitFor(); // more than the policy list had
    expect(await listLoaded(page)).toBe('end');
    const allTitles = await titlesOf(page);
    expect(allTitles).toEqual(published.map((n) => n.title));
    for (const title of hiddenTitles) expect(allTitles).not.toContain(title);

    // Their own links do not open them either, nor does a made-up one.
    for (const notice of hidden) {
      await open(page, `/pages/notice-detail/index?id=${encodeURIComponent(notice.id)}`);
      expect(await textOf(byTestId(page, 'detail-error'))).toContain('未找到该公开信息');
      expect(await page.getByText(notice.title).count()).toBe(0);
    }
    await open(page, '/pages/notice-detail/index?id=does-not-exist');
    expect(await textOf(byTestId(page, 'detail-error'))).toBe('未找到该公开信息，可能已被撤回');
    await context.close();
  }, TEST_TIMEOUT);

  test('staff publish a notice and a resident reads it; staff withdraw it and the resident no longer sees it', async () => {
    const stamp = Date.now().toString().slice(-6);
    const title = `关于青禾路${stamp}号小区停水检修的通知`;
    const body = `因供水管网检修，青禾路${stamp}号小区本周六9:00至17:00停水，请居民提前储水。`;
    const staff = await phone();
    const resident = await phone();

    // Sign in as the demo publisher through the app's own screens: 我的 → 切换身份 → 王芳.
    await staff.page.goto(`${base}/#/pages/index/index`);
    await staff.page.locator('.hero').getByText('我的', { exact: true }).click();
    expect(await textOf(byTestId(staff.page, 'me-identity'))).toBe('未登录');
    expect(await textOf(byTestId(staff.page, 'dev-sign-in-entry'))).toContain('切换身份');
    await byTestId(staff.page, 'dev-sign-in-entry').click();
    expect(await textOf(byTestId(staff.page, 'as-demo-editor'))).toBe('王芳 · 信息发布人员');
    await byTestId(staff.page, 'as-demo-editor').click();
    await byTestId(staff.page, 'me-identity').filter({ hasText: '王芳' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'me-identity'))).toContain('信息发布人员');

    // 工作台 → 新建: a notice of the default kind.
    expect(await textOf(byTestId(staff.page, 'staff-entry'))).toContain('工作台');
    await byTestId(staff.page, 'staff-entry').click();
    await byTestId(staff.page, 'admin-notice').first().waitFor();
    await byTestId(staff.page, 'new-notice').click();
    await byTestId(staff.page, 'input-title').waitFor();
    await settled(staff.page);
    expect(await textOf(byTestId(staff.page, 'pick-kind'))).toBe('通知公告');
    await byTestId(staff.page, 'input-title').locator('input').fill(title);
    await byTestId(staff.page, 'input-body').locator('textarea').fill(body);
    await settled(staff.page);
    await staff.page.screenshot({ path: 'test-results/e2e-editor.png' });
    await byTestId(staff.page, 'publish').click();
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已发布' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'edit-status'))).toBe('状态：已发布');

    // A resident who never signed in: the new notice heads the list and reads in full.
    await resident.page.goto(`${base}/#/pages/notices/index`);
    await listLoaded(resident.page);
    expect((await titlesOf(resident.page))[0]).toBe(title);
    expect(await textOf(cards(resident.page).first())).toContain('通知公告');
    await cards(resident.page).first().click();
    expect(await textOf(byTestId(resident.page, 'notice-title'))).toBe(title);
    await resident.page.getByText(body, { exact: true }).waitFor();

    // Staff withdraw it, giving a reason (the button waits for one).
    const reason = '停水时间调整，另行通知';
    expect(await byTestId(staff.page, 'withdraw').getAttribute('disabled')).not.toBeNull();
    await byTestId(staff.page, 'input-reason').locator('input').fill(reason);
    await byTestId(staff.page, 'withdraw').and(staff.page.locator(':not([disabled])')).waitFor();
    await byTestId(staff.page, 'withdraw').click();
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已撤回' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'edit-status'))).toBe(`状态：已撤回（${reason}）`);

    // The resident goes back to the list and pulls it afresh: gone. Its link now says so too.
    await resident.page.goBack();
    await listLoaded(resident.page);
    await resident.page.reload();
    await listLoaded(resident.page);
    expect(await titlesOf(resident.page)).not.toContain(title);
    expect((await titlesOf(resident.page)).length).toBeGreaterThan(0);
    expect(await cardTitled(resident.page, title).count()).toBe(0);
    const notice = (await cloud.store.collection<Notice>('notices').find({ where: { title }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
    expect(notice).toMatchObject({ status: 'withdrawn', withdrawReason: reason, body });
    await open(resident.page, `/pages/notice-detail/index?id=${encodeURIComponent(notice.id)}`);
    expect(await textOf(byTestId(resident.page, 'detail-error'))).toContain('未找到该公开信息');

    await staff.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT);

  test('over HTTP: residents and strangers are refused staff actions, bad calls get 4xx, nothing is written', async () => {
    const counts = async () => ({
      notices: await cloud.store.collection('notices').count(),
      events: await cloud.store.collection('events').count(),
    });
    const before = await counts();
    const post = (path: string, body: string, cookie?: string) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });
    const signIn = async (openid: string) => {
      const res = await post('/dev/sign-in', JSON.stringify({ openid }));
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie');
      expect(cookie).toBeTruthy();
      return cookie!.split(';')[0];
    };
    const content = { kind: 'announcement', title: '越权发布的通知', body: '这条通知不应被保存。', summary: '', departmentId: 'office', attachments: [] };
    const save = JSON.stringify({ action: 'save', data: { notice: content } });
    const CHINESE = /[\u4e00-\u9fff]/;

    // A signed-in resident may read but not write.
    const resident = await signIn('resident-e2e');
    const asResident = await post('/api/notices', save, resident);
    expect(asResident.status).toBe(403);
    const forbidden = await asResident.json();
    expect(forbidden).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '您没有权限执行此操作' });
    const { published } = await seeded();
    const target = published[0];
    const withdraw = await post('/api/notices', JSON.stringify({ action: 'withdraw', data: { id: target.id, version: target.version, reason: '居民越权撤回' } }), resident);
    expect(withdraw.status).toBe(403);
    expect(await withdraw.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await cloud.store.collection<Notice>('notices').get(target.id)).toMatchObject({ status: 'published', version: target.version });
    const read = await post('/api/notices', JSON.stringify({ action: 'list', data: { limit: 1 } }), resident);
    expect(read.status).toBe(200);

    // No session at all.
    const anonymous = await post('/api/notices', save);
    expect(anonymous.status).toBe(401);
    const unauthenticated = await anonymous.json();
    expect(unauthenticated).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(unauthenticated.message).toMatch(CHINESE);

    // Malformed JSON, a function that does not exist.
    const malformed = await post('/api/notices', '{"action": "save", "data": {', resident);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(CHINESE) });
    const unknown = await post('/api/no-such-function', JSON.stringify({ action: 'list' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ ok: false, code: 'UNKNOWN_FUNCTION', message: expect.stringMatching(CHINESE) });

    // Too large, even from a publisher who may save: just over the limit on `data`, and far over it.
    const editor = await signIn('demo-editor');
    const justOver = JSON.stringify({ action: 'save', data: { notice: { ...content, body: 'x'.repeat(MAX_PAYLOAD_BYTES) } } });
    const farOver = JSON.stringify({ action: 'save', data: { notice: { ...content, body: '字'.repeat(400_000) } } });
    for (const oversize of [justOver, farOver]) {
      const res = await post('/api/notices', oversize, editor);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(CHINESE) });
    }

    expect(await counts()).toEqual(before);
  }, TEST_TIMEOUT);
});
