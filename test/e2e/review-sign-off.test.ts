import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * 公开审查 (条例 Art. 17) in Chromium over the H5 build and the local cloud, with the bureau's default
 * settings (publishing a notice waits for a reviewer): an editor submits a notice, the reviewer 孙静
 * sends it back with a comment, the editor reads the comment, fixes the notice and resubmits, the
 * reviewer approves after a confirmation that says what will happen, and only then residents see it.
 */
e2eDescribe('review and sign-off in Chromium', () => {
  const e2e = useE2E({ review: true, dispatchIntervalMs: false });
  const notices = () => e2e.cloud.store.collection('notices');

  test('submit → sent back with a comment → fixed and resubmitted → approved → residents see it', async () => {
    const stamp = Date.now().toString().slice(-6);
    const title = `关于桂园${stamp}小区二次供水设施改造的公告`;
    const body = `桂园${stamp}小区二次供水设施将于本月改造，期间分时段停水。`;
    const fixedBody = `${body}\n停水时段：每日9:00至17:00，详见小区公告栏。`;

    // The editor writes the notice and presses 发布: the confirmation says who will see it; it goes to review.
    const editor = await e2e.phone();
    await e2e.signIn(editor.context, 'demo-editor');
    await e2e.open(editor.page, '/admin/pages/notice-edit/index');
    await byTestId(editor.page, 'input-title').waitFor();
    await settled(editor.page);
    await byTestId(editor.page, 'input-title').locator('input').fill(title);
    await byTestId(editor.page, 'input-body').locator('textarea').fill(body);
    await byTestId(editor.page, 'publish').click();
    await confirmModal(editor.page, /所有居民.*订阅“通知公告”的居民会收到通知/);
    await byTestId(editor.page, 'review-pending').waitFor();
    expect(await textOf(byTestId(editor.page, 'edit-status'))).toContain('已提交审核');
    expect(await textOf(byTestId(editor.page, 'edit-status'))).not.toContain('已发布');
    expect(await byTestId(editor.page, 'publish').count()).toBe(0);
    const notice = (await notices().find({ where: { title }, orderBy: [['createdAt', 'desc']], limit: 1 })).items[0];
    expect(notice.status).toBe('draft');

    // The reviewer finds it in 公开审查 (kind, subject, author, how long it has waited) and sends it back.
    const reviewer = await e2e.phone();
    await e2e.signIn(reviewer.context, 'demo-reviewer');
    await e2e.open(reviewer.page, '/pages/me/index');
    await byTestId(reviewer.page, 'staff-reviews-entry').click();
    await settled(reviewer.page);
    const queued = byTestId(reviewer.page, 'review-item').filter({ hasText: title });
    expect(await textOf(queued.locator('[data-testid=review-kind]'))).toBe('发布公开信息');
    expect(await textOf(queued)).toContain('提交人：王芳');
    expect(await textOf(queued.locator('[data-testid=review-waited]'))).toBe('已等待 不到 1 小时');
    await queued.click();
    await settled(reviewer.page);
    expect(await textOf(byTestId(reviewer.page, 'review-text-title'))).toBe(title);
    expect(await textOf(byTestId(reviewer.page, 'review-text-body'))).toBe(body);
    await byTestId(reviewer.page, 'input-review-comment').locator('textarea').fill('请写明每日停水的具体时段。');
    await byTestId(reviewer.page, 'review-send-back').click();
    expect(await textOf(byTestId(reviewer.page, 'review-status').filter({ hasText: '已退回' }))).toBe('已退回');
    expect((await notices().get(notice.id))!.status).toBe('draft');

    // The editor reopens the notice: the comment is there; the fix is resubmitted.
    await e2e.open(editor.page, `/admin/pages/notice-edit/index?id=${encodeURIComponent(notice.id)}`);
    expect(await textOf(byTestId(editor.page, 'review-sent-back-comment'))).toBe('请写明每日停水的具体时段。');
    expect(await textOf(byTestId(editor.page, 'review-sent-back'))).toContain('孙静');
    await settled(editor.page);
    await byTestId(editor.page, 'input-body').locator('textarea').fill(fixedBody);
    expect(await textOf(byTestId(editor.page, 'publish'))).toBe('重新提交审核');
    await byTestId(editor.page, 'publish').click();
    await confirmModal(editor.page, /将提交审核人员审核/);
    await byTestId(editor.page, 'review-pending').waitFor();
    expect(await textOf(byTestId(editor.page, 'edit-status'))).toContain('已提交审核');

    // Still nothing for residents.
    const resident = await e2e.phone();
    await e2e.open(resident.page, '/pages/notices/index');
    await listLoaded(resident.page);
    expect(await byTestId(resident.page, 'notice-card').filter({ hasText: title }).count()).toBe(0);

    // The reviewer reads the corrected text and approves, after being told what will happen.
    await e2e.open(reviewer.page, '/admin/pages/reviews/index');
    await listLoaded(reviewer.page);
    expect(await byTestId(reviewer.page, 'review-item').filter({ hasText: title }).count()).toBe(1);
    await byTestId(reviewer.page, 'review-item').filter({ hasText: title }).click();
    await settled(reviewer.page);
    expect(await textOf(byTestId(reviewer.page, 'review-text-body'))).toContain('停水时段：每日9:00至17:00');
    await byTestId(reviewer.page, 'review-approve').click();
    await confirmModal(reviewer.page, /立即公开发布：所有居民可在“政务公开”中看到/);
    await byTestId(reviewer.page, 'review-status').filter({ hasText: '已通过' }).waitFor();
    expect(await textOf(byTestId(reviewer.page, 'review-decision'))).toContain('审核人：孙静');
    expect((await notices().get(notice.id))!.status).toBe('published');

    // The resident sees it now, with the fixed text and neither staff name.
    await resident.page.reload();
    await listLoaded(resident.page);
    await byTestId(resident.page, 'notice-card').filter({ hasText: title }).click();
    expect(await textOf(byTestId(resident.page, 'notice-title'))).toBe(title);
    await resident.page.getByText('停水时段：每日9:00至17:00，详见小区公告栏。', { exact: true }).waitFor();
    expect(await resident.page.locator('body').textContent()).not.toMatch(/孙静|王芳/);

    await settled(reviewer.page);
    await reviewer.page.screenshot({ path: 'test-results/e2e-review-approved.png' });
    await Promise.all([editor.context.close(), reviewer.context.close(), resident.context.close()]);
  }, TEST_TIMEOUT);
});
