import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * 人员管理 in Chromium over the H5 build and the local cloud: an admin invites
 * a clerk, the clerk types the code on their own phone and reaches the request
 * queue; the admin removes them and the clerk's next call is refused.
 */
e2eDescribe('staff administration in Chromium', () => {
  const e2e = useE2E({ dispatchIntervalMs: false });

  test('invite → accept on another phone → the clerk works the queue → removed, refused on the next call', async () => {
    const admin = await e2e.phone();
    await e2e.signIn(admin.context, 'demo-admin');
    await e2e.open(admin.page, '/pages/me/index');
    await byTestId(admin.page, 'staff-admin-entry').click();
    await settled(admin.page);
    await byTestId(admin.page, 'staff-member').first().waitFor();
    await byTestId(admin.page, 'input-invite-name').locator('input').fill('周静');
    await byTestId(admin.page, 'invite-role-handler').click();
    await byTestId(admin.page, 'invite-dept-office').click();
    await byTestId(admin.page, 'invite-submit').click();
    const code = (await textOf(byTestId(admin.page, 'invite-code-value'))).trim();
    expect(code).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}$/);
    expect(await textOf(byTestId(admin.page, 'invite-code-expiry'))).toContain('有效期至');
    expect(await byTestId(admin.page, 'invite-code-qr').count()).toBe(1);

    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, 'e2e-new-clerk');
    await e2e.open(clerk.page, '/pages/me/index');
    await byTestId(clerk.page, 'staff-join-entry').click();
    await settled(clerk.page);
    await byTestId(clerk.page, 'input-invite-code').locator('input').fill(code);
    await byTestId(clerk.page, 'staff-join-submit').click();
    expect(await textOf(byTestId(clerk.page, 'staff-joined'))).toContain('申请办理人员');
    await e2e.open(clerk.page, '/pages/me/index');
    await byTestId(clerk.page, 'staff-requests-entry').click();
    await settled(clerk.page);
    await clerk.page.locator('[data-testid=queue-item]:visible').first().waitFor();

    await e2e.open(admin.page, '/admin/pages/staff/index');
    const member = admin.page.locator('[data-testid=staff-member]:visible', { hasText: '周静' });
    await member.locator('[data-testid=staff-remove]').click();
    expect(await textOf(member.locator('[data-testid=staff-remove-confirm]'))).toContain('移除后，周静从下一次操作起不能再使用工作台');
    await member.locator('[data-testid=staff-remove-confirmed]').click();
    await member.getByText('已移除').waitFor();

    await e2e.open(clerk.page, '/admin/pages/requests/index');
    await clerk.page.getByText('您没有权限执行此操作').first().waitFor();
    await admin.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT);
});
