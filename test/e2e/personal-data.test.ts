import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { residentIdCheckChar } from '../../shared/requests/check-digits';
import { application } from '../support/request-factories';
import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * 我的 → 个人信息 in Chromium over the H5 build and the local cloud: a resident with a concluded
 * request and a subscription sees them with their full details, exports them as a JSON file,
 * reads what deletion removes and keeps, deletes, and sees their data gone — while the request's
 * record stays for the bureau, anonymised. The 隐私政策 is one tap from the request form.
 */
const NAME = '欧阳澄明';
const ID_NUMBER = ((first17: string) => first17 + residentIdCheckChar(first17))('33010219850512431');
const PHONE = '13957246810';

e2eDescribe('personal data in Chromium', () => {
  const e2e = useE2E({ dispatchIntervalMs: false });

  const api = async (context: BrowserContext, fn: string, action: string, data: unknown) => {
    const res = await context.request.post(`${e2e.base}/api/${fn}`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; data: any; code?: string };
  };

  test('see → export → delete → gone; the bureau still has the anonymised record', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'e2e-erasee');
    const submitted = await api(context, 'requests', 'submit', application({ applicant: { type: 'person', name: NAME, idType: 'residentId', idNumber: ID_NUMBER, phone: PHONE } }));
    expect(submitted.ok).toBe(true);
    expect((await api(context, 'requests', 'withdraw', { id: submitted.data.id, version: submitted.data.version, reason: '不再需要' })).ok).toBe(true);
    expect((await api(context, 'subscriptions', 'subscribe', { kind: 'announcement' })).ok).toBe(true);
    const notices = await api(context, 'notices', 'list', {});
    const read = notices.data.items[0] as { id: string; title: string };
    expect((await api(context, 'notices', 'view', { id: read.id })).ok).toBe(true);

    await e2e.open(page, '/pages/me/index');
    await byTestId(page, 'my-data-entry').click();
    await settled(page);
    const requests = byTestId(page, 'my-data-requests');
    await requests.getByText(NAME).first().waitFor();
    expect(await textOf(requests)).toContain(ID_NUMBER);
    expect(await textOf(byTestId(page, 'my-data-subscriptions'))).toContain('通知公告');
    // Kept about them beyond their own records: the notice read today, the submission's key.
    const other = await textOf(byTestId(page, 'my-data-other'));
    expect(other).toContain(`阅读记录`);
    expect(other).toContain(read.title);
    expect(other).toContain('防止重复提交的记录：1 条');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'my-data-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^我的个人信息-\d{8}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.data.requests[0].applicant).toMatchObject({ name: NAME, idNumber: ID_NUMBER, phone: PHONE });

    await byTestId(page, 'my-data-erase').click();
    const confirm = byTestId(page, 'my-data-erase-confirm');
    const said = await textOf(confirm);
    expect(said).toContain('将删除');
    expect(said).toContain('姓名、证件号码、电话');
    expect(said).toContain('将匿名保留');
    expect(said).toContain('第四十五条');
    await byTestId(page, 'my-data-erase-confirm-button').click();
    await byTestId(page, 'my-data-erased').waitFor();
    await byTestId(page, 'my-data-requests').getByText('没有申请').waitFor();
    expect(await textOf(byTestId(page, 'my-data'))).not.toContain(NAME);
    expect(await textOf(byTestId(page, 'my-data-subscriptions'))).toContain('没有订阅');
    expect(await textOf(byTestId(page, 'my-data-other'))).not.toContain(read.title);

    const after = await api(context, 'me', 'data', {});
    expect(after.data).toMatchObject({ requests: [], subscriptions: [], noticesRead: [], submissionKeys: 0 });

    const admin = await e2e.phone();
    await e2e.signIn(admin.context, 'demo-admin');
    const record = await api(admin.context, 'requests', 'manageGet', { id: submitted.data.id });
    expect(record.data.applicant.name).toBe('（已匿名）');
    expect(JSON.stringify(record.data)).not.toContain(ID_NUMBER);
    await admin.context.close();
    await context.close();
  }, TEST_TIMEOUT);

  test('the request form links to the 隐私政策, which says what, why, how long, who and how to delete', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'e2e-reader');
    await e2e.open(page, '/requests/pages/new/index');
    await byTestId(page, 'privacy-policy-link').first().click();
    await settled(page);
    const policy = byTestId(page, 'privacy-policy');
    await policy.getByText('二、保存多久').waitFor();
    const text = await textOf(policy);
    for (const part of ['一、我们收集哪些信息', '三、谁能看到', '四、如何查看、导出或删除', '10 年']) expect(text).toContain(part);
    // No WeChat consent popup in the browser.
    expect(await byTestId(page, 'privacy-popup').count()).toBe(0);
    await context.close();
  }, TEST_TIMEOUT);
});
