import type { Page } from 'playwright-core';
import { byTestId, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * Issue 8 end to end in Chromium over the local cloud and the H5 build:
 * search, opinions on a consultation, a service guide, 长辈模式.
 */
e2eDescribe('notices: search, opinions, guides and 长辈模式 in Chromium', () => {
  const e2e = useE2E();

  const search = async (page: Page, q: string) => {
    await byTestId(page, 'search-input').locator('input').fill(q);
    await byTestId(page, 'search-submit').click();
  };

  test('a resident finds a notice by a word from its body, sees the match marked, opens it; the search is remembered', async () => {
    const { context, page } = await e2e.phone();
    await page.goto(`${e2e.base}/#/pages/index/index`);
    await byTestId(page, 'search-box').waitFor();
    await settled(page);

    // "青禾路租赁社区" is only in the body of the 保障性租赁住房 公示.
    await search(page, '青禾路租赁社区');
    await byTestId(page, 'search-result').first().waitFor();
    await settled(page);
    expect(await listLoaded(page)).toBe('end');
    expect(await byTestId(page, 'search-result').count()).toBe(1);
    expect(await textOf(byTestId(page, 'search-result-title'))).toContain('保障性租赁住房项目认定结果公示');
    expect(await textOf(byTestId(page, 'fragment-body'))).toContain('青禾路租赁社区，房源420套');
    expect(await byTestId(page, 'hl').allTextContents()).toEqual(['青禾路租赁社区']);
    await page.screenshot({ path: 'test-results/e2e-search.png' });

    await byTestId(page, 'search-result').first().click();
    await page.getByText('3. 青禾路租赁社区，房源420套，建筑面积2.10万平方米。', { exact: true }).waitFor();

    // A two-character word from the list page's search box, within the kind being viewed.
    await page.goto(`${e2e.base}/#/pages/notices/index?kind=policy`);
    await listLoaded(page);
    await settled(page);
    await search(page, '物业');
    await byTestId(page, 'search-result').first().waitFor();
    await listLoaded(page);
    expect(await byTestId(page, 'search-tab-policy').getAttribute('class')).toContain('tabs__item--active');
    expect(await page.locator('[data-testid=search-result-title]:visible').allTextContents()).toEqual(['云溪区物业服务收费管理暂行办法']);

    // Recent searches are kept on the phone: a fresh results page lists them, newest first.
    await e2e.open(page, '/pages/search/index');
    await byTestId(page, 'recent-searches').waitFor();
    expect(await page.locator('[data-testid=recent-item]:visible').allTextContents()).toEqual(['物业', '青禾路租赁社区']);
    await context.close();
  }, TEST_TIMEOUT);
});
