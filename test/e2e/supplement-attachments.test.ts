import type { Page } from 'playwright-core';
import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application } from '../support/request-factories';

/**
 * Files with a supplement (条例 Art. 30), in Chromium over the H5 build and the local cloud: the
 * resident picks a file on their request's page while a supplement is asked (uploaded through the
 * app, the only way a resident may attach one), sends the supplement, and both the resident and the
 * clerk see the file listed with it and can open it.
 */
e2eDescribe('supplement attachments in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);

  test('the resident attaches a file to the supplement; the clerk and the resident see it', async () => {
    const stamp = Date.now().toString().slice(-5);
    const openid = `resident-s-${stamp}`;
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    await e2e.signIn(resident.context, openid);
    await e2e.signIn(clerk.context, 'demo-clerk');
    const call = async (context: typeof resident.context, action: string, data: object) =>
      (await (await context.request.post(`${e2e.base}/api/requests`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) })).json()).data;

    const submitted = await call(resident.context, 'submit', application());
    const registered = await call(clerk.context, 'register', { id: submitted.id, version: submitted.version });
    await call(clerk.context, 'askSupplement', { id: registered.id, version: registered.version, items: ['请附上所涉地块的位置图'], workingDays: 10 });

    // ── The resident picks the file on the supplement form: it goes up at once and is listed. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/requests/pages/detail/index?id=${encodeURIComponent(submitted.id)}`);
    await byTestId(r, 'supplement-form').waitFor();
    await settled(r);
    await fill(r, 'supplementText', '位置图见附件。', 'textarea');
    const map = Buffer.from(`%PDF-1.4\n% map ${stamp}\n%%EOF\n`);
    await byTestId(r, 'attachment-upload').locator('input').setInputFiles({ name: `地块位置图${stamp}.pdf`, mimeType: 'application/pdf', buffer: map });
    await byTestId(r, 'attachment-row').filter({ hasText: `地块位置图${stamp}.pdf` }).waitFor();
    await byTestId(r, 'send-supplement').click();
    await byTestId(r, 'request-status').filter({ hasText: '办理中' }).waitFor();
    expect(await textOf(byTestId(r, 'supplement-attachments'))).toContain(`地块位置图${stamp}.pdf`);
    const stored = (await e2e.cloud.store.collection('requests').get(submitted.id))!;
    const url = stored.supplement!.answer!.attachments[0].url;
    expect(url).toMatch(/^\/files\/[A-Za-z0-9_-]{22}$/);

    // ── The clerk sees it with the supplement and can open it. ──
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/admin/pages/request/index?id=${encodeURIComponent(submitted.id)}`);
    await byTestId(c, 'supplement-attachments').waitFor();
    expect(await textOf(byTestId(c, 'supplement'))).toContain('位置图见附件。');
    expect(await byTestId(c, 'supplement-attachments').locator('[data-testid=attachment-link]').getAttribute('href')).toBe(url);
    expect(Buffer.from(await (await clerk.context.request.get(`${e2e.base}${url}`)).body())).toEqual(map);

    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT * 2);
});
