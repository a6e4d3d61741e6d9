import type { BrowserContext } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application } from '../support/request-factories';

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
  const api = async (context: BrowserContext, fn: string, action: string, data: unknown) => {
    const res = await context.request.post(`${e2e.base}/api/${fn}`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; code?: string; data: any };
  };

  test('an admin invites a clerk into 住房保障科 → the clerk handles a request of that department and cannot see another\'s → the audit page shows both', async () => {
    const stamp = Date.now().toString().slice(-5);
    const admin = await e2e.phone();
    await e2e.signIn(admin.context, 'demo-admin');
    await e2e.open(admin.page, '/admin/pages/staff/index');
    await byTestId(admin.page, 'staff-member').first().waitFor();
    await byTestId(admin.page, 'input-invite-name').locator('input').fill('孙悦');
    await byTestId(admin.page, 'invite-role-handler').click();
    await byTestId(admin.page, 'invite-dept-housing').click();
    await byTestId(admin.page, 'invite-submit').click();
    const code = (await textOf(byTestId(admin.page, 'invite-code-value'))).trim();

    const clerkOpenid = `e2e-housing-clerk-${stamp}`;
    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, clerkOpenid);
    await e2e.open(clerk.page, '/admin/pages/staff-join/index');
    await byTestId(clerk.page, 'input-invite-code').locator('input').fill(code);
    await byTestId(clerk.page, 'staff-join-submit').click();
    expect(await textOf(byTestId(clerk.page, 'staff-joined'))).toContain('申请办理人员');
    expect(await e2e.cloud.store.collection('staff').get(clerkOpenid)).toMatchObject({ name: '孙悦', roles: ['handler'], departmentIds: ['housing'], active: true });

    // Two applications, registered by the admin into two departments: 住房保障科's and 行政审批科's.
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, `e2e-dept-resident-${stamp}`);
    const registerInto = async (departmentId: string, description: string) => {
      const submitted = await api(resident.context, 'requests', 'submit', application({ information: { description } }));
      expect(submitted.ok).toBe(true);
      const registered = await api(admin.context, 'requests', 'register', { id: submitted.data.id, version: submitted.data.version, departmentId });
      expect(registered).toMatchObject({ ok: true, data: { departmentId } });
      return registered.data as { id: string; trackingNumber: string };
    };
    const ours = await registerInto('housing', `请公开${stamp}号公租房小区2026年度租金收缴情况。`);
    const theirs = await registerInto('approval', `请公开${stamp}号地块施工许可证的审批材料目录。`);

    // The clerk's queue holds 住房保障科's request and not 行政审批科's; a link to the other is not found.
    const c = clerk.page;
    await e2e.open(c, '/admin/pages/requests/index');
    const item = byTestId(c, 'queue-item').filter({ hasText: ours.trackingNumber });
    await item.waitFor();
    expect(await textOf(item)).toContain('住房保障科');
    await settled(c);
    expect(await byTestId(c, 'queue-item').filter({ hasText: theirs.trackingNumber }).count()).toBe(0);
    await e2e.open(c, `/admin/pages/request/index?id=${theirs.id}`);
    await byTestId(c, 'staff-not-found').getByText('没有找到这件申请').waitFor();

    // The clerk handles their department's request: opens it (personal data in full, recorded) and replies.
    await e2e.open(c, '/admin/pages/requests/index');
    await byTestId(c, 'queue-item').filter({ hasText: ours.trackingNumber }).click();
    // The department's name once the directory has come (「…」 before it, never the id).
    await byTestId(c, 'request-department').filter({ hasText: '住房保障科' }).waitFor();
    expect(await textOf(byTestId(c, 'request-department'))).not.toContain('housing');
    await byTestId(c, 'choice-replyGroup-disclosed').click();
    await byTestId(c, 'input-replyText').locator('textarea').fill('经查，现向您公开该小区2026年度租金收缴情况统计表。');
    await byTestId(c, 'do-reply').click();
    await confirmModal(c);
    await byTestId(c, 'request-status').filter({ hasText: '已答复' }).waitFor();
    expect(await e2e.cloud.store.collection('requests').get(ours.id)).toMatchObject({ status: 'replied', departmentId: 'housing', reply: { category: 'disclosed' } });
    expect(await e2e.cloud.store.collection('requests').get(theirs.id)).toMatchObject({ status: 'registered', departmentId: 'approval' });

    // 操作记录, narrowed to the clerk: joining the staff, the view of the applicant's data, and the reply.
    await e2e.open(admin.page, `/admin/pages/audit/index?actor=${clerkOpenid}`);
    await byTestId(admin.page, 'audit-entry').first().waitFor();
    await settled(admin.page);
    const entries = (await byTestId(admin.page, 'audit-entry').allTextContents()).join('\n');
    expect(entries).toContain('staff.accept');
    expect(entries).toContain('requests.manageGet');
    expect(entries).toContain('requests.reply');
    // Records are named by what a person reads (the tracking number), never by an internal id.
    expect(entries).toContain(`申请 ${ours.trackingNumber}`);
    expect(entries).not.toContain(theirs.trackingNumber);
    expect(entries).not.toContain(ours.id);
    await admin.page.screenshot({ path: 'test-results/e2e-department-audit.png' });
    await admin.context.close();
    await clerk.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT);
});
