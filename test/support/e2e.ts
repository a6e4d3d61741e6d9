import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { publishWithoutReview } from './review-off';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../server/local-cloud';

/**
 * What every end-to-end suite shares: Debian's Chromium (never a downloaded
 * browser) over the real H5 build served by a real local cloud with a fresh,
 * seeded SQLite data folder. `npm test` builds dist/h5 first; run alone,
 * `npm run build:h5` once.
 *
 * Use: `const e2e = useE2E();` at the top of a file, then `e2eDescribe('…', () => { … })`;
 * inside tests, `await e2e.phone()` gives a fresh browser context. Uncaught page errors and
 * console errors fail the running test.
 */
export const H5 = resolve('dist/h5');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FOUND = existsSync(CHROMIUM);
export const H5_BUILT = existsSync(join(H5, 'index.html')) && CHROMIUM_FOUND;
const SKIP_REASON = CHROMIUM_FOUND
  ? 'SKIPPED: dist/h5/index.html is missing — run `npm run build:h5` (npm test builds it first)'
  : `SKIPPED: Chromium not found at ${CHROMIUM} — \`sudo apt-get install chromium\`, or set CHROMIUM_PATH= to a Chrome elsewhere`;
if (!H5_BUILT) console.warn(`end-to-end tests ${SKIP_REASON}`);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const PHONE = { width: 390, height: 844 };
export const TEST_TIMEOUT = 60_000;
/** A single wait never needs long on this machine; a missing element should fail fast and say which. */
export const WAIT = { timeout: 15_000 };

/** `describe` when the H5 build exists, otherwise a visibly skipped block saying how to build it. */
export function e2eDescribe(name: string, body: () => void): void {
  (H5_BUILT ? describe : describe.skip)(H5_BUILT ? name : SKIP_REASON, body);
}

export interface E2E {
  cloud: LocalCloud;
  base: string;
  browser: Browser;
  /** A fresh phone-sized browser context, zh-CN, Asia/Shanghai. */
  phone(): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs a browser context in as `openid` through the dev sign-in endpoint (sets the session cookie). */
  signIn(context: BrowserContext, openid: string): Promise<void>;
  /** A fresh load of a page (hash route), as a resident opening a shared link gets. */
  open(page: Page, path: string): Promise<void>;
}

/**
 * Starts the local cloud and Chromium before the file's tests and stops them after.
 * The returned object is filled in by `beforeAll`; read its fields inside tests only.
 */
/** `review`: keep the bureau's default 公开审查 (publishing waits for a reviewer); off otherwise, as an admin would switch it. */
export function useE2E({ review, ...options }: Partial<LocalCloudOptions> & { review?: boolean } = {}): E2E {
  const pageErrors: string[] = [];
  let dataDir = '';
  const e2e = {} as E2E;

  beforeAll(async () => {
    if (!H5_BUILT) return;
    dataDir = mkdtempSync(join(tmpdir(), 'sg-e2e-'));
    e2e.cloud = await startLocalCloud({ dataDir, staticDir: H5, log: silentLogger, ...options });
    if (!review) await publishWithoutReview(e2e.cloud.store, options.now?.() ?? new Date());
    await new Promise<void>((done) => e2e.cloud.server.listen(0, '127.0.0.1', done));
    e2e.base = `http://127.0.0.1:${(e2e.cloud.server.address() as AddressInfo).port}`;
    e2e.browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync('test-results', { recursive: true });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    pageErrors.length = 0;
  });

  // A failure here is reported against the test that was running.
  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  e2e.phone = async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
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
  };

  e2e.signIn = async (context, openid) => {
    const res = await context.request.post(`${e2e.base}/dev/sign-in`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ openid }),
    });
    if (res.status() !== 200) throw new Error(`dev sign-in as ${openid} failed: ${res.status()} ${await res.text()}`);
  };

  e2e.open = async (page, path) => {
    await page.goto(`${e2e.base}/#${path}`);
    await page.reload();
  };

  return e2e;
}

/**
 * Taro's H5 router keeps earlier pages of the stack in the DOM, hidden, so
 * every lookup is limited to what is on screen.
 */
export const byTestId = (page: Page, id: string) => page.locator(`[data-testid=${id}]:visible`);

/**
 * Waits for Taro's page slide-in to finish. Typing into a page that is still
 * sliding in scrolls the document sideways (and a screenshot catches it half-way).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page');
    const top = pages[pages.length - 1];
    return !!top && top.classList.contains('taro_page_stationed') && window.scrollX === 0;
  }, undefined, WAIT);
}

/**
 * The browser's back button, as a person presses it: once the page has finished sliding in. Going back
 * while Taro's router is still animating can leave the old page showing (seen on slow full runs).
 */
export async function back(page: Page): Promise<void> {
  await settled(page);
  await page.goBack();
  await settled(page);
}

/** A paged list has finished loading once it says it has reached the end (or has more). */
export async function listLoaded(page: Page): Promise<'end' | 'more'> {
  const state = page.locator('[data-testid=list-end]:visible, [data-testid=list-more]:visible').first();
  await state.waitFor(WAIT);
  return (await state.getAttribute('data-testid')) === 'list-end' ? 'end' : 'more';
}

export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor(WAIT);
  return ((await locator.first().textContent()) ?? '').trim();
}

/** Waits for something the local cloud does on its own (the dispatcher's interval), checking every 100 ms. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Taro's H5 confirmation (`Taro.showModal`), which every irreversible act shows first: checks what it
 * says when `says` is given, answers 确定, and returns its text.
 */
export async function confirmModal(page: Page, says?: RegExp): Promise<string> {
  const modal = page.locator('.taro__modal').last();
  await modal.locator('.taro-modal__text').waitFor(WAIT);
  const text = (await modal.locator('.taro-modal__text').textContent()) ?? '';
  if (says) expect(text).toMatch(says);
  await modal.locator('.taro-model__confirm').click();
  return text;
}

/**
 * On the staff request page, opens the form of one action (`key`: a `requests` command, askFee, or
 * redirect): the likely next step is open already, every other one is behind 其他操作.
 */
export async function openAction(page: Page, key: string): Promise<void> {
  await byTestId(page, 'request-actions').waitFor(WAIT);
  if ((await byTestId(page, `action-${key}`).count()) > 0) return;
  await byTestId(page, 'more-actions').click();
  await byTestId(page, `open-${key}`).click();
  await byTestId(page, `action-${key}`).waitFor(WAIT);
}
