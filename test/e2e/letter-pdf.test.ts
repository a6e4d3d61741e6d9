import { writeFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { chineseDate } from '../../shared/requests/letter-layout';
import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { readPdf } from '../support/pdf-text';
import { application } from '../support/request-factories';
import { sealPngBase64 } from '../support/seal-png';

/**
 * A resident saves the bureau's letter as a PDF, in Chromium over the H5 build and the local
 * cloud: 首页 → 我的申请 → the answered request → its 答复告知书, laid out as the bureau's document
 * (文号, the applicant addressed by name, the date in Chinese, the seal the admin uploaded) →
 * 保存为PDF / 打印 opens the browser's print dialog, and the printed page (Chromium's own PDF of
 * it, as 另存为 PDF writes it) is the letter alone on A4. The WeChat road (requests.letterPdf) is
 * called from the same signed-in browser and read back.
 */
e2eDescribe('a resident saves the letter as PDF', () => {
  const e2e = useE2E();
  const api = async (context: BrowserContext, fn: string, action: string, data: unknown) => {
    const res = await context.request.post(`${e2e.base}/api/${fn}`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; data: any; code?: string };
  };

  test('the answered request\'s letter opens as the bureau\'s document and is saved as PDF', async () => {
    const stamp = Date.now().toString().slice(-5);
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    const admin = await e2e.phone();
    await e2e.signIn(resident.context, `resident-letter-${stamp}`);
    await e2e.signIn(clerk.context, 'demo-clerk');
    await e2e.signIn(admin.context, 'demo-admin');

    // The request, registered and answered; the admin has uploaded the bureau's seal.
    const submitted = await api(resident.context, 'requests', 'submit', application({ information: { title: `云溪区${stamp}号地块规划许可`, description: `请提供云溪区${stamp}号地块的建设工程规划许可证。` } }));
    expect(submitted.ok).toBe(true);
    const registered = await api(clerk.context, 'requests', 'register', { id: submitted.data.id, version: submitted.data.version });
    const replied = await api(clerk.context, 'requests', 'reply', { id: registered.data.id, version: registered.data.version, category: 'disclosed', text: '所申请的规划许可证复印件随本告知书提供。' });
    expect(replied.ok).toBe(true);

    // ── The admin uploads the bureau's seal on 告知书模板: picked, shown, saved. ──
    const a = admin.page;
    await a.goto(`${e2e.base}/#/admin/pages/letter-templates/index`);
    await byTestId(a, 'seal-none').waitFor();
    await a.locator('[data-testid=seal-file]').setInputFiles({ name: '公章.png', mimeType: 'image/png', buffer: Buffer.from(sealPngBase64(160), 'base64') });
    await byTestId(a, 'seal-image').waitFor();
    await byTestId(a, 'save-seal').click();
    await byTestId(a, 'remove-seal').waitFor();
    expect((await e2e.cloud.store.collection('meta').get('seal'))?.sealPng).toBe(sealPngBase64(160));
    // The placeholders are listed in Chinese.
    expect(await textOf(byTestId(a, 'template-slots'))).toContain('{申请人}');
    const trackingNumber = replied.data.trackingNumber as string;
    const number = trackingNumber.replace(/〔(\d{4})〕(\d+)号$/, '〔$1〕第$2号');

    // ── 首页 → 我的申请 → the request → its letter. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/pages/index/index`);
    await byTestId(r, 'home-my-requests').click();
    await byTestId(r, 'request-card').filter({ hasText: trackingNumber }).click();
    await byTestId(r, 'letter-reply').click();
    await byTestId(r, 'letter-seal').waitFor();
    await settled(r);
    expect(await textOf(byTestId(r, 'letter-number'))).toBe(number);
    expect(await textOf(byTestId(r, 'letter-salutation'))).toBe('陈晓明：');
    expect(await textOf(byTestId(r, 'letter-date'))).toBe(chineseDate(replied.data.reply.on));
    const letter = await textOf(byTestId(r, 'letter'));
    expect(letter).toContain(`申请获取“云溪区${stamp}号地块规划许可”`);
    expect(letter).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await r.screenshot({ path: 'test-results/e2e-letter-document.png', fullPage: true });

    // ── 保存为PDF / 打印: the button opens the browser's print dialog. ──
    await r.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await byTestId(r, 'print-letter').click();
    expect(await r.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // ── What the dialog saves: the page printed on A4 — the letter alone, no bar, no button. ──
    await r.emulateMedia({ media: 'print' });
    expect(await r.locator('[data-testid=print-letter]').first().isVisible()).toBe(false);
    expect(await r.locator('#taro-navigation-bar').first().isVisible().catch(() => false)).toBe(false);
    expect(await byTestId(r, 'letter').count()).toBe(1);
    const pdf = await r.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync('test-results/e2e-letter.pdf', pdf); // what 另存为 PDF writes, to look at
    await r.screenshot({ path: 'test-results/e2e-letter-print.png', fullPage: true });
    expect(pdf.length).toBeGreaterThan(0);
    const printed = readPdf(pdf);
    // One A4 sheet with the letter and its seal. This machine's Chromium has no Chinese font (its
    // Chinese prints as empty boxes), so the PDF is read for what any font writes: the 文号's and the
    // dates' digits, in reading order; the Chinese text itself is checked on the page above.
    expect(printed.pages).toHaveLength(1);
    const digits = printed.pages.flat().join('').replace(/[^0-9]+/g, ' ').trim().split(' ');
    const [, year, sequence] = /〔(\d{4})〕(\d+)号$/.exec(trackingNumber)!;
    expect(digits.slice(0, 2)).toEqual([year, sequence]);
    expect(digits).toContain(stamp);
    const [y, m, d] = replied.data.reply.on.split('-').map(Number);
    expect(digits.slice(-3)).toEqual([String(y), String(m), String(d)]);
    expect(printed.images[0]).toBeGreaterThanOrEqual(1); // the seal
    await r.emulateMedia({ media: 'screen' });

    // ── The WeChat road: the same letter drawn as a PDF file by the requests function. ──
    const file = await api(resident.context, 'requests', 'letterPdf', { id: submitted.data.id, letter: 0 });
    expect(file.ok).toBe(true);
    const drawn = readPdf(Buffer.from(file.data.pdfBase64, 'base64'));
    expect(drawn.pages.flat().slice(0, 3)).toEqual(['政府信息公开申请答复告知书', number, '陈晓明：']);
    expect(drawn.images.at(-1)).toBe(1);
    // Another resident cannot have it.
    const other = await e2e.phone();
    await e2e.signIn(other.context, `resident-other-${stamp}`);
    expect(await api(other.context, 'requests', 'letterPdf', { id: submitted.data.id, letter: 0 })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });

    await Promise.all([resident, clerk, admin, other].map((p) => p.context.close()));
  }, TEST_TIMEOUT * 2);
});
