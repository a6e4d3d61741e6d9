import { byTestId, e2eDescribe, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * Links that lead nowhere, in Chromium over the H5 build and the local cloud, at phone size: a
 * withdrawn notice, a rating code that does not exist and a page the app does not have each say
 * what happened in plain words, and 返回首页 leads home. Also the staff queue's status tabs: nothing
 * covers them.
 */
e2eDescribe('dead ends in Chromium', () => {
  const e2e = useE2E();

  test('a withdrawn notice, a bad rating code and an unknown page each say what happened and lead home', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, `resident-dead-ends-${Date.now()}`);
    const withdrawn = (await e2e.cloud.store.collection('notices').find({ where: { status: 'withdrawn' }, orderBy: [['updatedAt', 'desc']], limit: 1 })).items[0];
    expect(withdrawn).toBeDefined();

    await e2e.open(page, `/pages/notice-detail/index?id=${encodeURIComponent(withdrawn.id)}`);
    expect(await textOf(byTestId(page, 'dead-end-title'))).toBe('这条信息已撤回');
    expect(await textOf(byTestId(page, 'dead-end-text'))).toMatch(/^该信息已于 \d{4}-\d{2}-\d{2} 撤回，不再公开。/);
    expect(await page.getByText(withdrawn.title).count()).toBe(0);
    await page.screenshot({ path: 'test-results/e2e-withdrawn-notice.png' });
    await byTestId(page, 'go-home').click();
    await page.waitForURL(/#\/pages\/index\/index/);

    await e2e.open(page, '/rating/pages/rate/index?visit=ZZZZZZZZZZ');
    expect(await textOf(byTestId(page, 'dead-end-title'))).toBe('评价码无效');
    expect(await textOf(byTestId(page, 'dead-end-text'))).toContain('请向窗口工作人员重新获取评价码');
    expect(await page.getByText('重试').count()).toBe(0);
    await page.screenshot({ path: 'test-results/e2e-bad-rating-code.png' });
    await byTestId(page, 'go-home').click();
    await page.waitForURL(/#\/pages\/index\/index/);

    await e2e.open(page, '/pages/no-such-page/index');
    expect(await textOf(byTestId(page, 'dead-end-title'))).toBe('没有找到这个页面');
    await byTestId(page, 'go-home').click();
    await page.waitForURL(/#\/pages\/index\/index/);
    await context.close();
  }, TEST_TIMEOUT);

  test('on the staff queue nothing covers the status tabs: each tab is what a tap at its centre reaches', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'demo-clerk');
    await e2e.open(page, '/admin/pages/requests/index');
    await byTestId(page, 'queue-filter-all').waitFor();
    const tabs = byTestId(page, 'queue-tabs').locator('[data-testid^=queue-filter-]');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(5);
    let checked = 0;
    for (let i = 0; i < count; i++) {
      const box = await tabs.nth(i).boundingBox();
      if (!box || box.x + box.width / 2 > 390) continue; // scrolled out of view to the right
      const reached = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-testid^=queue-filter-]')?.getAttribute('data-testid') ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
      expect(reached).toBe(await tabs.nth(i).getAttribute('data-testid'));
      checked++;
    }
    expect(checked).toBeGreaterThan(2);
    await context.close();
  }, TEST_TIMEOUT);
});
