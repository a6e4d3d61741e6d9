import type { Page } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * Search, opinions and guides end to end in Chromium over the local cloud and the H5 build:
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
    expect((await page.locator('[data-testid=search-result-title]:visible').allTextContents()).sort()).toEqual(['云溪区物业服务收费管理办法', '云溪区物业服务收费管理暂行办法']);
    // The repealed one says so in the results; the one in force does not.
    expect(await page.locator('[data-testid=search-result]:visible', { hasText: '暂行办法' }).locator('[data-testid=search-result-validity]').first().textContent()).toBe('已废止');
    expect(await page.locator('[data-testid=search-result-validity]:visible').count()).toBe(1);

    // Recent searches are kept on the phone: a fresh results page lists them, newest first.
    await e2e.open(page, '/pages/search/index');
    await byTestId(page, 'recent-searches').waitFor();
    expect(await page.locator('[data-testid=recent-item]:visible').allTextContents()).toEqual(['物业', '青禾路租赁社区']);
    await context.close();
  }, TEST_TIMEOUT);

  test('a resident leaves an opinion on an open consultation; staff publish it with a reply and everyone reads both', async () => {
    const notices = await e2e.cloud.store.collection('notices').find({ where: { kind: 'consultation', status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 10 });
    const open = notices.items.find((n) => n.title.includes('老旧小区改造三年行动计划'))!;
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'resident-e2e-opinion');
    await e2e.open(page, `/pages/notice-detail/index?id=${encodeURIComponent(open.id)}`);
    await byTestId(page, 'opinion-form').waitFor();
    await settled(page);

    // Too short: refused beside the field, nothing sent.
    await byTestId(page, 'opinion-input').locator('textarea').fill('同意');
    await byTestId(page, 'opinion-submit').click();
    expect(await textOf(byTestId(page, 'opinion-error'))).toBe('意见至少需要5个字');
    expect(await e2e.cloud.store.collection('noticeComments').count({ noticeId: open.id })).toBe(0);

    const text = '建议把加装电梯和管网改造同步施工，减少对居民的反复影响。';
    await byTestId(page, 'opinion-input').locator('textarea').fill(text);
    await byTestId(page, 'opinion-submit').click();
    await byTestId(page, 'my-opinion').waitFor();
    expect(await textOf(byTestId(page, 'my-opinion'))).toContain('待审核');
    expect(await textOf(byTestId(page, 'my-opinion'))).toContain(text);
    expect(await textOf(byTestId(page, 'opinions-empty'))).toBe('暂无公开的意见');
    const [stored] = (await e2e.cloud.store.collection('noticeComments').find({ where: { noticeId: open.id }, orderBy: [['createdAt', 'desc']], limit: 5 })).items;
    expect(stored).toMatchObject({ text, status: 'pending', author: 'resident-e2e-opinion' });

    // Staff publish it with a reply (through the function, as the staff page would); a stranger then reads both.
    const reply = '感谢建议，我们将在实施方案中统筹安排施工时序。';
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-editor');
    const answer = await staff.context.request.post(`${e2e.base}/api/notices`, {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({ action: 'moderateComment', data: { commentId: stored.id, version: stored.version, decision: 'publish', reply } }),
    });
    expect(answer.status()).toBe(200);
    const stranger = await e2e.phone();
    await e2e.open(stranger.page, `/pages/notice-detail/index?id=${encodeURIComponent(open.id)}`);
    await byTestId(stranger.page, 'opinion').waitFor();
    expect(await textOf(byTestId(stranger.page, 'opinion'))).toContain(text);
    expect(await textOf(byTestId(stranger.page, 'opinion-reply'))).toContain(reply);
    expect(await byTestId(stranger.page, 'opinion-form').count()).toBe(0); // not signed in: reads only
    await stranger.page.screenshot({ path: 'test-results/e2e-opinions.png' });

    // A closed consultation: no form, its published opinions, and the way to its result.
    await e2e.open(stranger.page, '/pages/notice-detail/index?id=demo-ev-charging-consultation');
    await byTestId(stranger.page, 'opinions-closed').waitFor();
    expect(await stranger.page.locator('[data-testid=opinion]:visible').count()).toBe(3);
    await byTestId(stranger.page, 'result-link').click();
    await byTestId(stranger.page, 'notice-title').filter({ hasText: '征求意见采纳情况的说明' }).waitFor();
    for (const c of [context, staff.context, stranger.context]) await c.close();
  }, TEST_TIMEOUT);

  test('staff publish a resident\'s opinion with a reply from the 征求意见审核 page; the resident reads both, with the 阅读 count', async () => {
    const [open] = (await e2e.cloud.store.collection('notices').find({ where: { kind: 'consultation', status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 10 })).items
      .filter((n) => n.title.includes('老旧小区改造三年行动计划'));
    const detail = `/pages/notice-detail/index?id=${encodeURIComponent(open.id)}`;
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'resident-e2e-moderated');
    await e2e.open(resident.page, detail);
    await byTestId(resident.page, 'opinion-form').waitFor();
    await settled(resident.page);
    // Opened straight from a link: nothing to go back to, so a 首页 button; the reader is counted once however often they reload.
    await byTestId(resident.page, 'home-button').waitFor();
    const views = Number((await textOf(byTestId(resident.page, 'notice-views').filter({ hasText: '阅读' }))).replace('阅读 ', ''));
    const text = '建议改造期间在小区门口公示每周施工计划，方便老人安排出行。';
    await byTestId(resident.page, 'opinion-input').locator('textarea').fill(text);
    await byTestId(resident.page, 'opinion-submit').click();
    await byTestId(resident.page, 'my-opinion').filter({ hasText: '待审核' }).waitFor();

    // Staff: from the consultation's editor to its opinions awaiting a decision.
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-editor');
    await e2e.open(staff.page, `/admin/pages/notice-edit/index?id=${encodeURIComponent(open.id)}`);
    await byTestId(staff.page, 'edit-opinions').click();
    const item = byTestId(staff.page, 'moderation-item').filter({ hasText: text });
    await item.waitFor();
    await settled(staff.page);
    expect(await textOf(item)).not.toContain('resident-e2e-moderated');
    const reply = '感谢建议，施工单位将每周一在小区公告栏和本小程序公示施工计划。';
    await item.locator('[data-testid=input-reply] textarea').fill(reply);
    await staff.page.screenshot({ path: 'test-results/e2e-moderation.png' });
    await item.locator('[data-testid=moderation-publish]').click();
    await confirmModal(staff.page, /连同您的答复.*向所有人公开/);
    await item.waitFor({ state: 'detached' });

    // The resident reloads: their opinion is public with the bureau's reply.
    await e2e.open(resident.page, detail);
    const published = byTestId(resident.page, 'opinion').filter({ hasText: text });
    await published.waitFor();
    expect(await textOf(published.locator('[data-testid=opinion-reply]'))).toContain(reply);
    expect(await textOf(byTestId(resident.page, 'my-opinion'))).toContain('已公开');
    expect(await textOf(byTestId(resident.page, 'notice-views').filter({ hasText: '阅读' }))).toBe(`阅读 ${views}`);
    for (const c of [resident.context, staff.context]) await c.close();
  }, TEST_TIMEOUT);

  test('a service guide reads as a guide: case type and days up front, all nine items, a materials checklist, call and map', async () => {
    const guides = await e2e.cloud.store.collection('notices').find({ where: { kind: 'guide', status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 20 });
    expect(guides.items.length).toBeGreaterThanOrEqual(5);
    const guide = guides.items.find((n) => n.title === '公共租赁住房申请')!;
    if (guide.kind !== 'guide') throw new Error('not a guide');
    const { context, page } = await e2e.phone();
    await e2e.open(page, `/pages/notice-detail/index?id=${encodeURIComponent(guide.id)}`);
    await byTestId(page, 'guide').waitFor();
    await settled(page);
    expect(await textOf(byTestId(page, 'guide-processing'))).toBe('承诺件');
    expect(await textOf(byTestId(page, 'guide'))).toContain('20个工作日内办结');

    const nine: Array<[string, string, string]> = [
      ['approvalItem', '审批项目', guide.guide.approvalItem],
      ['legalBasis', '法律依据', guide.guide.legalBasis],
      ['conditions', '申办条件', guide.guide.conditions],
      ['procedure', '办理程序', '区住房保障科复核'],
      ['timeLimit', '办理时限', guide.guide.timeLimit],
      ['fees', '收费标准', guide.guide.fees],
      ['materials', '申请材料目录', guide.guide.materials[0]],
      ['sampleForm', '申请书示范文本', guide.guide.sampleForm],
      ['contactPhone', '联系电话', guide.guide.contactPhone],
    ];
    for (const [id, label, content] of nine) {
      const item = byTestId(page, `guide-item-${id}`);
      expect(await textOf(item)).toContain(label);
      expect(await textOf(item)).toContain(content);
    }
    // The procedure as numbered steps, the materials as a checklist the resident ticks.
    expect(await page.locator('[data-testid=guide-item-procedure]:visible .guide__step').count()).toBe(5);
    expect(await page.locator('[data-testid=material]:visible').count()).toBe(guide.guide.materials.length);
    await byTestId(page, 'material').nth(1).click();
    expect(await textOf(byTestId(page, 'materials-count'))).toBe(`已备齐 1 / ${guide.guide.materials.length} 项`);
    expect(await textOf(byTestId(page, 'guide-location'))).toContain('区政务服务中心二楼 B08 住房保障窗口');
    expect(await textOf(byTestId(page, 'guide-location'))).toContain('云溪区人民路88号');
    await byTestId(page, 'guide-call').waitFor();
    await byTestId(page, 'guide-map').waitFor();
    await page.screenshot({ path: 'test-results/e2e-guide.png', fullPage: true });
    await context.close();
  }, TEST_TIMEOUT);

  test('长辈模式 on 我的 enlarges the text across the app and is kept on the phone', async () => {
    const { context, page } = await e2e.phone();
    const titleSize = async () =>
      page.locator('[data-testid=notice-card]:visible .notice-card__title').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await page.goto(`${e2e.base}/#/pages/notices/index`);
    await listLoaded(page);
    const normal = await titleSize();

    await e2e.open(page, '/pages/me/index');
    await byTestId(page, 'elder-mode').waitFor();
    await settled(page);
    const meNormal = await byTestId(page, 'elder-mode').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await byTestId(page, 'elder-mode').click();
    await byTestId(page, 'elder-mode').filter({ hasText: '已开启' }).waitFor();
    const meLarge = await byTestId(page, 'elder-mode').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(meLarge).toBeGreaterThan(meNormal * 1.15);

    // Another page, loaded afresh: still large.
    await e2e.open(page, '/pages/notices/index');
    await listLoaded(page);
    const large = await titleSize();
    expect(large).toBeGreaterThan(normal * 1.2);
    await page.screenshot({ path: 'test-results/e2e-elder.png' });

    // Off again: back to normal.
    await e2e.open(page, '/pages/me/index');
    await byTestId(page, 'elder-mode').filter({ hasText: '已开启' }).click();
    await e2e.open(page, '/pages/notices/index');
    await listLoaded(page);
    expect(await titleSize()).toBeCloseTo(normal, 1);
    await context.close();
  }, TEST_TIMEOUT);

  test('the tab bar: 首页 / 政务公开 / 办事 / 我的, and the kind chosen on 政务公开 is kept while switching', async () => {
    const { context, page } = await e2e.phone();
    const tab = (text: string) => page.locator('.weui-tabbar__item:visible', { hasText: text });
    await page.goto(`${e2e.base}/#/pages/index/index`);
    await byTestId(page, 'kind-policy').waitFor();
    await settled(page);
    expect(await page.locator('.weui-tabbar__item:visible').allTextContents()).toEqual(['首页', '政务公开', '办事', '我的']);

    // The home grid opens 政务公开 on that kind.
    await byTestId(page, 'kind-policy').click();
    await byTestId(page, 'tab-policy').and(page.locator('.tabs__item--active')).waitFor();
    await listLoaded(page);

    // 办事: every service guide.
    await tab('办事').click();
    await byTestId(page, 'guide-card').first().waitFor();
    await listLoaded(page);
    expect(await page.locator('[data-testid=guide-card]:visible').count()).toBeGreaterThanOrEqual(5);

    // Back to 政务公开 through the tab bar: still on 政策文件.
    await tab('政务公开').click();
    await byTestId(page, 'tab-policy').and(page.locator('.tabs__item--active')).waitFor();
    expect(await page.locator('[data-testid=notice-card]:visible .notice-card__title').allTextContents()).toEqual([
      '云溪区既有住宅加装电梯管理办法', '云溪区物业服务收费管理办法', '云溪区物业服务收费管理暂行办法',
    ]);
    await tab('我的').click();
    await byTestId(page, 'elder-mode').waitFor();
    await context.close();
  }, TEST_TIMEOUT);
});
