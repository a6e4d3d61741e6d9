import type { Page } from 'playwright-core';
import { MAX_PAYLOAD_BYTES } from '../../cloudfunctions/_runtime/invoke';
import type { Notice } from '../../shared/notices/notice-schema';
import { back, byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * End to end, as people use it: Debian's Chromium drives the real H5 build
 * served by the real local cloud, seeded with the demo bureau (see
 * test/support/e2e.ts).
 */
e2eDescribe('the app in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const phone = () => e2e.phone();
  const open = (page: Page, path: string) => e2e.open(page, path);

  const cards = (page: Page) => byTestId(page, 'notice-card');
  const cardTitled = (page: Page, title: string) => cards(page).filter({ hasText: title });
  const titlesOf = async (page: Page) =>
    (await page.locator('[data-testid=notice-card]:visible .notice-card__title').allTextContents()).map((t) => t.trim());

  /** What the store holds, in the order residents should see it: published, newest first; everything else hidden. */
  async function seeded(): Promise<{ published: Notice[]; hidden: Notice[] }> {
    const all = (await e2e.cloud.store.collection('notices').find({ orderBy: [['createdAt', 'desc']], limit: 100 })).items;
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
    await page.goto(`${e2e.base}/#/pages/index/index`);
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
    await back(page);
    await byTestId(page, 'kind-policy').waitFor();
    await byTestId(page, 'kind-policy').click();
    expect(await byTestId(page, 'tab-policy').getAttribute('class')).toContain('tabs__item--active');
    expect(await listLoaded(page)).toBe('end');
    expect(await textOf(byTestId(page, 'list-end'))).toContain('已经到底了');
    const policies = published.filter((n) => n.kind === 'policy').map((n) => n.title);
    expect(policies).toEqual(['云溪区既有住宅加装电梯管理办法', '云溪区物业服务收费管理办法', '云溪区物业服务收费管理暂行办法']);
    expect(await titlesOf(page)).toEqual(policies);
    expect(await cards(page).filter({ hasText: '政策文件' }).count()).toBe(policies.length);
    expect(await textOf(cardTitled(page, '物业服务收费管理暂行办法'))).toContain('已废止');
    expect(await textOf(cardTitled(page, '既有住宅加装电梯管理办法'))).toContain('现行有效');

    // 全部: every published notice and the end of the list; the draft and the withdrawn notice nowhere.
    await byTestId(page, 'tab-all').click();
    await cards(page).nth(policies.length).waitFor(); // more than the policy list had
    // The demo bureau has more published notices than one page (guides included): load them all.
    while ((await listLoaded(page)) === 'more') await byTestId(page, 'list-more').click();
    const allTitles = await titlesOf(page);
    expect(allTitles).toEqual(published.map((n) => n.title));
    for (const title of hiddenTitles) expect(allTitles).not.toContain(title);

    // Their own links do not open them either, nor does a made-up one.
    for (const notice of hidden) {
      await open(page, `/pages/notice-detail/index?id=${encodeURIComponent(notice.id)}`);
      // A withdrawn one says it was withdrawn; a draft, like a made-up link, that there is no such notice.
      expect(await textOf(byTestId(page, 'dead-end-title'))).toBe(notice.status === 'withdrawn' ? '这条信息已撤回' : '没有找到这条信息');
      expect(await page.getByText(notice.title).count()).toBe(0);
    }
    await open(page, '/pages/notice-detail/index?id=does-not-exist');
    expect(await textOf(byTestId(page, 'dead-end-title'))).toBe('没有找到这条信息');
    await context.close();
  }, TEST_TIMEOUT);

  test('staff publish a notice and a resident reads it; staff withdraw it and the resident no longer sees it', async () => {
    const stamp = Date.now().toString().slice(-6);
    const title = `关于青禾路${stamp}号小区停水检修的通知`;
    const body = `因供水管网检修，青禾路${stamp}号小区本周六9:00至17:00停水，请居民提前储水。`;
    const staff = await phone();
    const resident = await phone();

    // Sign in as the demo publisher through the app's own screens: 我的 → 切换身份 → 王芳.
    await staff.page.goto(`${e2e.base}/#/pages/index/index`);
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
    await confirmModal(staff.page, /所有居民/);
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已发布' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'edit-status'))).toBe('状态：已发布');

    // A resident who never signed in: the new notice heads the list and reads in full.
    await resident.page.goto(`${e2e.base}/#/pages/notices/index`);
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
    await confirmModal(staff.page, /撤回后居民不再能看到/);
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已撤回' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'edit-status'))).toBe(`状态：已撤回（${reason}）`);

    // The resident goes back to the list and pulls it afresh: gone. Its link now says so too.
    await back(resident.page);
    await listLoaded(resident.page);
    await resident.page.reload();
    await listLoaded(resident.page);
    expect(await titlesOf(resident.page)).not.toContain(title);
    expect((await titlesOf(resident.page)).length).toBeGreaterThan(0);
    expect(await cardTitled(resident.page, title).count()).toBe(0);
    const notice = (await e2e.cloud.store.collection('notices').find({ where: { title }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
    expect(notice).toMatchObject({ status: 'withdrawn', withdrawReason: reason, body });
    await open(resident.page, `/pages/notice-detail/index?id=${encodeURIComponent(notice.id)}`);
    expect(await textOf(byTestId(resident.page, 'dead-end-title'))).toBe('这条信息已撤回');

    await staff.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT);

  test('staff attach a PDF in the editor (a disguised file is refused); the resident\'s notice links to it and the link gives the same bytes', async () => {
    const stamp = Date.now().toString().slice(-6);
    const title = `关于溪岸小区${stamp}号楼电梯更新改造的公告`;
    const pdf = Buffer.from(`%PDF-1.4\n% 电梯更新改造 ${stamp}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
    const staff = await phone();
    await e2e.signIn(staff.context, 'demo-editor');
    await open(staff.page, '/admin/pages/notice-edit/index');
    await byTestId(staff.page, 'input-title').waitFor();
    await settled(staff.page);
    await byTestId(staff.page, 'input-title').locator('input').fill(title);
    await byTestId(staff.page, 'input-body').locator('textarea').fill('改造方案详见附件，施工期间请注意安全。');

    const picker = byTestId(staff.page, 'attachment-upload').locator('input');
    await picker.setInputFiles({ name: '电梯更新改造方案.pdf', mimeType: 'application/pdf', buffer: pdf });
    await byTestId(staff.page, 'attachment-row').filter({ hasText: '电梯更新改造方案.pdf' }).waitFor();
    // A program renamed to .pdf: the phone lets the name pass, the local cloud reads the bytes and refuses.
    await picker.setInputFiles({ name: '施工图.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62)]) });
    await staff.page.getByText('文件内容与扩展名“.pdf”不符，请上传真实的 PDF 文件').waitFor();
    expect(await byTestId(staff.page, 'attachment-row').count()).toBe(1);
    await byTestId(staff.page, 'publish').click();
    await confirmModal(staff.page);
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已发布' }).waitFor();
    const notice = (await e2e.cloud.store.collection('notices').find({ where: { title }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
    expect(notice.attachments).toEqual([{ name: '电梯更新改造方案.pdf', url: expect.stringMatching(/^\/files\/[A-Za-z0-9_-]{22}$/), sizeBytes: pdf.length }]);

    // A resident who never signed in opens the notice: the attachment is a link, and the link is the file.
    const resident = await phone();
    await open(resident.page, `/pages/notice-detail/index?id=${encodeURIComponent(notice.id)}`);
    const link = byTestId(resident.page, 'attachment-link');
    expect(await textOf(link)).toBe(`电梯更新改造方案.pdf（1 KB）`);
    const href = await link.getAttribute('href');
    expect(href).toBe(notice.attachments[0].url);
    const file = await resident.context.request.get(`${e2e.base}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body())).toEqual(pdf);
    expect(file.headers()).toMatchObject({ 'content-type': 'application/pdf', 'x-content-type-options': 'nosniff' });
    expect(file.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('电梯更新改造方案')}.pdf`);

    await staff.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT);

  test('over HTTP: residents and strangers are refused staff actions, bad calls get 4xx, nothing is written', async () => {
    const counts = async () => ({
      notices: await e2e.cloud.store.collection('notices').count(),
      events: await e2e.cloud.store.collection('events').count(),
    });
    const before = await counts();
    const post = (path: string, body: string, cookie?: string) =>
      fetch(`${e2e.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });
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
    expect(await e2e.cloud.store.collection('notices').get(target.id)).toMatchObject({ status: 'published', version: target.version });
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
