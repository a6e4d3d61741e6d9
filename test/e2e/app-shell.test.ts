import type { Page } from 'playwright-core';
import { byTestId, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, useE2E } from '../support/e2e';

/**
 * The H5 app's shell in Chromium: a navigation bar with the page's title on every page, 返回 on an inner
 * page reached from another, 首页 on one opened from a link, no button on a tab page; the tab bar's drawn
 * icons; and a page that may be pinch-zoomed.
 */
e2eDescribe('the H5 shell: navigation bar, tab icons, zoom', () => {
  const e2e = useE2E();
  const bar = (page: Page) => page.locator('#taro-navigation-bar');
  const title = async (page: Page) => (await bar(page).locator('.taro-navigation-bar-title').textContent())?.trim();

  test('a title on each page; 返回 on an inner page goes back; 首页 on a page opened from a link', async () => {
    const { context, page } = await e2e.phone();
    await page.goto(`${e2e.base}/#/pages/notices/index`);
    await listLoaded(page);
    await settled(page);
    await bar(page).waitFor();
    expect(await title(page)).toBe('政务公开');
    // A tab page: nothing to go back to.
    expect(await page.getByRole('button', { name: '返回' }).isVisible()).toBe(false);

    // The tab bar shows the drawn icons, each loaded (naturalWidth > 0).
    const icons = await page.locator('.weui-tabbar__icon').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(icons).toEqual([81, 81, 81, 81]);
    // Each tab is a target taller than 44 px, its label readable.
    const tabs = await page.locator('.weui-tabbar__item').evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().height)));
    for (const height of tabs) expect(height).toBeGreaterThanOrEqual(44);
    const labelPx = await page.locator('.weui-tabbar__label').first().evaluate((label) => parseFloat(getComputedStyle(label).fontSize));
    expect(labelPx).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: 'test-results/e2e-tab-bar.png' });

    await byTestId(page, 'notice-card').first().click();
    await byTestId(page, 'notice-title').waitFor();
    await settled(page);
    expect(await title(page)).toBe('公开信息');
    const backButton = page.getByRole('button', { name: '返回' });
    expect(await backButton.isVisible()).toBe(true);
    // A tap target of at least 44 × 44 px.
    const box = await backButton.boundingBox();
    expect(box && box.width >= 44 && box.height >= 44).toBe(true);
    await page.screenshot({ path: 'test-results/e2e-navigation-bar.png' });
    await backButton.click();
    await byTestId(page, 'notice-card').first().waitFor();
    await settled(page);
    expect(await title(page)).toBe('政务公开');

    // Opened straight from a shared link: 首页 instead of 返回.
    await e2e.open(page, `/pages/search/index?q=${encodeURIComponent('通知')}`);
    await settled(page);
    expect(await title(page)).toBe('搜索');
    const home = page.getByRole('button', { name: '首页' });
    expect(await home.isVisible()).toBe(true);
    await home.click();
    // The search page has a search box too: wait for the home page's title, not for a box both pages show.
    await bar(page).locator('.taro-navigation-bar-title', { hasText: '阳光政务' }).waitFor();
    await byTestId(page, 'search-box').waitFor();
    await settled(page);
    expect(await title(page)).toBe('阳光政务');
    await context.close();
  }, TEST_TIMEOUT);

  test('the page may be pinch-zoomed: the viewport does not forbid it', async () => {
    const { context, page } = await e2e.phone();
    await page.goto(`${e2e.base}/#/pages/index/index`);
    const viewport = await page.locator('meta[name=viewport]').getAttribute('content');
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0)?\b/);
    await context.close();
  }, TEST_TIMEOUT);
});
