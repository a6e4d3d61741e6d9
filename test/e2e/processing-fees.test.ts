import type { BrowserContext, Page } from 'playwright-core';
import { chineseDate } from '../../shared/requests/letter-layout';
import { byTestId, confirmModal, e2eDescribe, openAction, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application } from '../support/request-factories';

/**
 * A processing fee end to end (条例 Art. 42, 国办函〔2020〕109号), in Chromium
 * over the H5 build and the local cloud: the clerk registers a request and
 * issues a fee notice by pages after a confirmation that names the amount and
 * the applicant → the resident reads the fee, the amount and the last day to
 * pay on their request, and the notice letter → the clerk records the payment
 * and the clock runs again → the clerk replies → the resident reads the reply.
 * After each step the store is checked, not only the screen.
 */
e2eDescribe('processing fees in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);
  const record = (id: string) => e2e.cloud.store.collection('requests').get(id);
  const api = async (context: BrowserContext, fn: string, action: string, data: unknown) => {
    const res = await context.request.post(`${e2e.base}/api/${fn}`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; data: any };
  };

  test('a fee notice issued (confirmed with amount and applicant), paid, and the reply sent', async () => {
    const stamp = Date.now().toString().slice(-5);
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    await e2e.signIn(resident.context, `resident-fee-${stamp}`);
    await e2e.signIn(clerk.context, 'demo-clerk');

    const submitted = await api(resident.context, 'requests', 'submit', application({ information: { description: `请提供云溪区${stamp}号地块2020年以来的全部规划审批档案。` } }));
    expect(submitted.ok).toBe(true);
    const id = submitted.data.id as string;

    // ── The clerk registers it, then issues a fee notice by pages: 80 pages → 50 × 10 元 = 500 元. ──
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/admin/pages/request/index?id=${id}`);
    await byTestId(c, 'do-register').click();
    await byTestId(c, 'request-status').filter({ hasText: '办理中' }).waitFor();
    await settled(c);
    await openAction(c, 'askFee');
    await byTestId(c, 'choice-feeMethod-perPage').click();
    await byTestId(c, 'review-askFee').click(); // no count yet
    expect(await textOf(c.locator('[data-testid=action-askFee] .field--invalid .field__error'))).not.toBe('');
    await fill(c, 'feeUnits', '80');
    await byTestId(c, 'review-askFee').click();
    const confirmation = await textOf(byTestId(c, 'fee-confirmation-summary'));
    expect(confirmation).toContain('陈晓明');
    expect(confirmation).toContain('按量计收 80 页');
    expect(confirmation).toContain('应缴 500 元');
    expect(await textOf(byTestId(c, 'fee-confirmation'))).toContain('第 31—80 页：每页 10 元，计 500 元');
    // Nothing is sent until it is confirmed.
    expect((await record(id))!.status).toBe('registered');
    await c.screenshot({ path: 'test-results/e2e-fee-confirmation.png' });
    await byTestId(c, 'do-askFee').click();
    await byTestId(c, 'request-status').filter({ hasText: '待缴费' }).waitFor();
    const asked = (await record(id))!;
    expect(asked).toMatchObject({ status: 'feeRequested', dueOn: null, fee: { method: 'perPage', units: 80, amount: 500, paidOn: null } });
    const noticeOn = asked.fee!.noticeOn;
    expect(await textOf(byTestId(c, 'fee'))).toContain('500 元');
    expect(await byTestId(c, 'action-askFee').count()).toBe(0);

    // ── The resident: the fee, the amount and the last day to pay on their request, and the notice letter. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/requests/pages/detail/index?id=${id}`);
    await byTestId(r, 'request-status').filter({ hasText: '待缴费' }).waitFor();
    const view = (await api(resident.context, 'requests', 'get', { id })).data;
    const due = await textOf(byTestId(r, 'fee-due'));
    expect(due).toContain('500 元');
    expect(due).toContain(view.fee.deadlineOn);
    expect(await textOf(byTestId(r, 'fee-computation'))).toContain('合计 500 元');
    expect(await textOf(byTestId(r, 'due-box'))).toContain('等待缴纳信息处理费期间答复期限暂停计算');
    await settled(r);
    await r.screenshot({ path: 'test-results/e2e-fee-resident.png', fullPage: true });
    await byTestId(r, 'letter-fee').click();
    const letter = await textOf(byTestId(r, 'letter'));
    expect(letter).toContain('收费通知');
    expect(letter).toContain('500');
    expect(letter).toContain(chineseDate(view.fee.deadlineOn)); // the letter writes its dates in Chinese
    expect(letter).toContain('行政复议');
    // …and a message in 消息.
    const inbox = (await api(resident.context, 'inbox', 'list', {})).data;
    expect(inbox.items.map((m: any) => m.title)).toContain('您的政府信息公开申请需缴纳信息处理费');

    // ── The clerk records the payment (today): the clock runs again. ──
    await c.reload();
    await byTestId(c, 'action-recordPayment').waitFor();
    await settled(c);
    await fill(c, 'paidOn', noticeOn);
    await byTestId(c, 'do-recordPayment').click();
    await byTestId(c, 'request-status').filter({ hasText: '办理中' }).waitFor();
    const paid = (await record(id))!;
    expect(paid).toMatchObject({ status: 'registered', fee: { paidOn: noticeOn } });
    expect(paid.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await byTestId(c, 'due-on').filter({ hasText: paid.dueOn! }).waitFor();

    // ── …and replies. ──
    await settled(c);
    const replyText = `经审查，现向您提供${stamp}号地块规划审批档案。`;
    await fill(c, 'replyText', replyText, 'textarea');
    await byTestId(c, 'do-reply').click();
    await confirmModal(c);
    await byTestId(c, 'request-status').filter({ hasText: '已答复' }).waitFor();
    expect((await record(id))!).toMatchObject({ status: 'replied', reply: { category: 'disclosed', text: replyText } });

    // ── The resident reads the reply; the fee shows as paid. ──
    await r.goto(`${e2e.base}/#/requests/pages/detail/index?id=${id}`);
    await r.reload();
    await byTestId(r, 'reply').waitFor();
    expect(await textOf(byTestId(r, 'reply-text'))).toBe(replyText);
    expect(await textOf(byTestId(r, 'fee'))).toContain('已缴费');
    expect(await byTestId(r, 'fee-due').count()).toBe(0);

    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT * 2);
});
