import { byTestId, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E, waitUntil } from '../support/e2e';

/**
 * 年度报告 in Chromium over the H5 build and the local cloud with the demo's 2025 made through the
 * functions: the admin sees the reminder on the staff home, opens the 2025 preview (every check
 * passing), opens the printable page and its tables read back the same figures as the wire; the
 * printed PDF is A4 and numbers its pages; a pending lawsuit of Part 4 is decided and linked to its
 * request from the preview.
 */
e2eDescribe('the annual report in Chromium', () => {
  const e2e = useE2E({ dispatchIntervalMs: false, demoYear: true });

  test('reminder → 2025 preview with passing checks → the printable page reads back the tables', async () => {
    const { context, page } = await e2e.phone();
    await e2e.signIn(context, 'demo-admin');
    const wire = await context.request.post(`${e2e.base}/api/reports`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ action: 'annual', data: { year: 2025 } }),
    });
    const report = (await wire.json()).data;
    const rows = report.requests.rows;
    expect(rows.received.total).toBeGreaterThan(100);

    await e2e.open(page, '/pages/me/index');
    // The staff home in December (the clock is today's): the coming report and its deadline.
    const today = new Date();
    if (today.getMonth() === 11 || (today.getMonth() === 0 && today.getDate() <= 31)) {
      expect(await textOf(byTestId(page, 'report-reminder'))).toMatch(/应于 \d{4}-01-31 前发布/);
    }
    await byTestId(page, 'staff-report-entry').click();
    await settled(page);
    await byTestId(page, 'report-year').waitFor();
    while ((await textOf(byTestId(page, 'report-year'))) !== '2025 年度') {
      const shown = Number((await textOf(byTestId(page, 'report-year'))).slice(0, 4));
      await byTestId(page, shown > 2025 ? 'report-prev' : 'report-next').click();
    }
    await byTestId(page, 'cell-received-total').waitFor();
    expect(await textOf(byTestId(page, 'cell-received-total'))).toBe(String(rows.received.total));
    expect(await textOf(byTestId(page, 'cell-concluded-legalService'))).toBe(String(rows.concluded.legalService));
    expect(await textOf(byTestId(page, 'cell-carriedOut-total'))).toBe(String(rows.carriedOut.total));
    const checks = page.locator('[data-testid^=check-]:visible');
    expect(await checks.count()).toBe(7);
    expect(await page.locator('[data-testid^=check-][data-ok=no]:visible').count()).toBe(0);
    await page.screenshot({ path: 'test-results/annual-report-preview.png', fullPage: true });

    const [printable] = await Promise.all([page.waitForEvent('popup'), byTestId(page, 'report-print').click()]);
    await printable.waitForLoadState();
    await printable.locator('table[data-table=requests]').waitFor();
    expect(await printable.title()).toBe('云溪区住房和城乡建设局2025年政府信息公开工作年度报告');
    // The template's Part 3: three header rows, 新收, 上年结转, 22 result rows, 结转下年度.
    expect(await printable.locator('table[data-table=requests] tr').count()).toBe(28);
    const cell = (row: string, col: string) => printable.locator(`table[data-table=requests] td[data-row="${row}"][data-col="${col}"]`).textContent();
    for (const [row, col] of [['received', 'total'], ['carriedIn', 'total'], ['disclosed', 'person'], ['withheld.thirdParty', 'total'], ['other.other', 'total'], ['concluded', 'total'], ['carriedOut', 'total']]) {
      expect([row, col, await cell(row, col)]).toEqual([row, col, String(rows[row][col])]);
    }
    expect(await printable.locator('table[data-table=proactive]').textContent()).toContain('1526');
    expect(await printable.locator('table[data-table=cases] td[data-block=reconsideration][data-col=total]').textContent()).toBe('2');
    // Borders as the template's tables have them.
    expect(await printable.locator('table[data-table=requests] td').first().evaluate((td) => getComputedStyle(td).borderTopStyle)).toBe('solid');
    await printable.setViewportSize({ width: 794, height: 1123 });
    await printable.screenshot({ path: 'test-results/annual-report-printable.png', fullPage: true });

    // Printed to PDF as the browser does it: A4 pages (595 × 842 pt).
    const pdf = (await printable.pdf({ preferCSSPageSize: true })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    await printable.close();

    // Part 4 on the preview: the lawsuit still pending is decided — 修改 opens it in the form, the
    // outcome and the request it concerns (by tracking number) are saved, the table moves a case from
    // 尚未审结 to 结果纠正 and the listed case shows the number, which opens the request.
    const queue = await context.request.post(`${e2e.base}/api/requests`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ action: 'queue', data: { limit: 1 } }),
    });
    const [{ id: requestId, trackingNumber }] = (await queue.json()).data.items as Array<{ id: string; trackingNumber: string }>;
    const cases = report.cases.table.suitAfterReconsideration;
    const lawsuit = page.locator('.report-case:visible', { hasText: '行初88号' });
    await lawsuit.locator('[data-testid^=case-edit-]').click();
    await byTestId(page, 'case-outcome-corrected').click();
    await page.locator('[data-testid=case-form] input[name=case-trackingNumber]').fill(trackingNumber);
    await byTestId(page, 'case-save').click();
    await waitUntil(async () => (await textOf(byTestId(page, 'case-suitAfterReconsideration-corrected'))) === String(cases.corrected + 1));
    expect(await textOf(byTestId(page, 'case-suitAfterReconsideration-pending'))).toBe(String(cases.pending - 1));
    expect(await textOf(byTestId(page, 'case-suitAfterReconsideration-total'))).toBe(String(cases.total));
    expect(await lawsuit.textContent()).toContain('结果纠正');
    await lawsuit.locator('[data-testid^=case-request-]').click();
    await settled(page);
    await page.waitForURL(new RegExp(`id=${requestId}`));
    await context.close();
  }, TEST_TIMEOUT * 2);
});
