import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E, waitUntil } from '../support/e2e';

/**
 * The staff editor in Chromium over the H5 build and the local
 * cloud: a correction of a published notice shows in its history as a diff;
 * a new notice is previewed as residents will see it, then scheduled, and
 * publishes itself once the local cloud's clock (moved forward here) passes
 * the time set — by the dispatcher's own interval, as it runs for real.
 */
e2eDescribe('the staff editor in Chromium', () => {
  let shiftMs = 0;
  const e2e = useE2E({ now: () => new Date(Date.now() + shiftMs), dispatchIntervalMs: 200 });
  const notices = () => e2e.cloud.store.collection('notices');

  test('staff correct a published notice and see the diff in its history; a scheduled notice reaches residents after its time', async () => {
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-editor');
    const page = staff.page;

    // A published notice from the demo bureau, corrected: a word added to the title, a line to the body.
    const target = (await notices().find({ where: { status: 'published', kind: 'announcement' }, orderBy: [['publishedAt', 'desc']], limit: 1 })).items[0];
    const addedLine = '如有疑问，请致电局办公室 0571-8800 0000。';
    await e2e.open(page, `/admin/pages/notice-edit/index?id=${encodeURIComponent(target.id)}`);
    await byTestId(page, 'input-title').waitFor();
    await settled(page);
    await byTestId(page, 'input-title').locator('input').fill(`${target.title}（更正）`);
    await byTestId(page, 'input-body').locator('textarea').fill(`${target.body}\n${addedLine}`);
    await byTestId(page, 'save').click();
    await confirmModal(page, /保存修改即发布更正.*订阅“通知公告”的居民会收到更正通知/);
    await waitUntil(async () => (await notices().get(target.id))!.version > target.version);

    // 历史版本: the correction on top, the published state before it under it.
    await byTestId(page, 'history').click();
    await byTestId(page, 'version-item').nth(1).waitFor();
    expect(await textOf(byTestId(page, 'version-item').first())).toContain(`第 ${target.version + 1} 版 · 保存修改`);
    expect(await textOf(byTestId(page, 'version-item').first())).toContain('王芳');
    expect(await textOf(byTestId(page, 'version-item').nth(1))).toContain(`第 ${target.version} 版 · 发布`);
    await byTestId(page, 'version-item').first().click();
    await byTestId(page, 'version-diff').waitFor();
    expect(await textOf(byTestId(page, 'diff-title').locator('[data-testid=diff-added]'))).toBe('（更正）');
    expect(await textOf(byTestId(page, 'diff-body').locator('.diff__line--added'))).toContain(addedLine);
    expect(await byTestId(page, 'diff-body').locator('.diff__line--removed').count()).toBe(0);
    await settled(page);
    await page.screenshot({ path: 'test-results/e2e-notice-version.png' });

    // A new notice: 预览 shows it as the resident's page will, before anything is saved.
    const stamp = Date.now().toString().slice(-6);
    const title = `关于溪岸${stamp}小区燃气管道改造的通知`;
    const body = `溪岸${stamp}小区燃气管道改造将于下周一开工，工期约两周。`;
    const before = await notices().count();
    await e2e.open(page, '/admin/pages/notice-edit/index');
    await byTestId(page, 'input-title').waitFor();
    await settled(page);
    await byTestId(page, 'input-title').locator('input').fill(title);
    await byTestId(page, 'input-body').locator('textarea').fill(body);
    await byTestId(page, 'preview').click();
    await byTestId(page, 'preview-pane').waitFor();
    expect(await textOf(byTestId(page, 'notice-title'))).toBe(title);
    await page.getByText(body, { exact: true }).waitFor();
    expect(await textOf(byTestId(page, 'preview-pane'))).toContain('尚未发布');
    expect(await notices().count()).toBe(before);
    await byTestId(page, 'preview-close').click();
    expect(await byTestId(page, 'input-title').locator('input').inputValue()).toBe(title);

    // 定时发布 at the time offered (tomorrow 09:00 Beijing time): saved, scheduled, listed as 定时发布.
    await byTestId(page, 'schedule').click();
    await byTestId(page, 'edit-status').filter({ hasText: '定时发布' }).waitFor();
    const scheduled = (await notices().find({ where: { title }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
    expect(scheduled).toMatchObject({ status: 'draft', scheduledBy: 'demo-editor' });
    expect(scheduled.scheduledAt).toMatch(/T01:00:00\.000Z$/); // 09:00 in Beijing
    await e2e.open(page, '/admin/pages/notices/index');
    await listLoaded(page);
    const card = byTestId(page, 'admin-notice').filter({ hasText: title });
    expect(await textOf(card.locator('[data-testid=scheduled-badge]'))).toBe('定时发布');
    expect(await textOf(card.locator('[data-testid=scheduled-at]'))).toContain('09:00 自动发布');
    await staff.context.close(); // its session would expire in the day skipped below

    // A resident does not see it yet.
    const resident = await e2e.phone();
    await e2e.open(resident.page, '/pages/notices/index');
    await listLoaded(resident.page);
    expect(await byTestId(resident.page, 'notice-card').filter({ hasText: title }).count()).toBe(0);

    // The clock passes 09:00; the local cloud's dispatcher publishes it by itself.
    shiftMs = Date.parse(scheduled.scheduledAt!) - Date.now() + 60_000;
    await waitUntil(async () => (await notices().get(scheduled.id))!.status === 'published');
    await resident.page.reload();
    await listLoaded(resident.page);
    const first = byTestId(resident.page, 'notice-card').first();
    expect(await textOf(first)).toContain(title);
    await first.click();
    expect(await textOf(byTestId(resident.page, 'notice-title'))).toBe(title);
    await resident.page.getByText(body, { exact: true }).waitFor();
    await resident.context.close();
  }, TEST_TIMEOUT);
});
