import type { Page } from 'playwright-core';
import { chineseDate } from '../../shared/requests/letter-layout';
import { back, byTestId, confirmModal, e2eDescribe, openAction, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application, VALID_CREDIT_CODE, VALID_RESIDENT_ID } from '../support/request-factories';

/**
 * A disclosure request end to end, as people do it, in Chromium over the H5
 * build and the local cloud: a resident applies → the clerk registers it and
 * asks for a supplement → the resident supplements → the clerk replies with
 * 部分公开 → the resident reads the reply, the timeline and the explained due
 * date. After each step the store is checked, not only the screen.
 */
e2eDescribe('disclosure requests in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);
  const requests = () => e2e.cloud.store.collection('requests');
  const byNumber = async (trackingNumber: string) => (await requests().find({ where: { trackingNumber }, orderBy: [['submittedAt', 'desc']], limit: 1 })).items[0];

  test('apply → register → supplement asked and given → 部分公开 reply → the resident reads it all', async () => {
    const stamp = Date.now().toString().slice(-5);
    const description = `请公开青禾路${stamp}号地块2025年旧城改造项目的征收补偿方案。`;
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    await e2e.signIn(resident.context, `resident-e2e-${stamp}`);
    await e2e.signIn(clerk.context, 'demo-clerk');

    // ── The resident applies from 我的, in four steps. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(r, 'new-request-entry').click();
    await byTestId(r, 'section-applicant').waitFor();
    await settled(r);
    await fill(r, 'name', '陈晓明');
    await fill(r, 'idNumber', '330106199003071235'); // a wrong check digit first
    await byTestId(r, 'next-step').click();
    expect(await textOf(r.locator('.field--invalid:visible .field__error'))).toBe('身份证号码校验位不正确，请核对');
    await fill(r, 'idNumber', VALID_RESIDENT_ID);
    await byTestId(r, 'next-step').click();
    await byTestId(r, 'section-contact').waitFor();
    await fill(r, 'phone', '13812345678');
    await byTestId(r, 'next-step').click();
    await byTestId(r, 'section-information').waitFor();
    await fill(r, 'description', description, 'textarea');
    await fill(r, 'title', '征收补偿方案');
    await byTestId(r, 'next-step').click();
    await byTestId(r, 'section-review').getByText(description).waitFor();
    await r.screenshot({ path: 'test-results/e2e-request-review.png' });
    await byTestId(r, 'submit-request').click();

    const trackingNumber = await textOf(byTestId(r, 'tracking-number'));
    expect(trackingNumber).toMatch(/^依申〔20\d\d〕\d{6}号$/);
    expect(await textOf(byTestId(r, 'request-status'))).toBe('待受理');
    // No WeChat in a browser: the prompt says so instead of failing.
    expect(await textOf(byTestId(r, 'consent-unsupported'))).toContain('不支持微信订阅消息');
    const submitted = await byNumber(trackingNumber);
    expect(submitted).toMatchObject({
      status: 'submitted',
      channel: 'online',
      ownerOpenid: `resident-e2e-${stamp}`,
      applicant: { type: 'person', name: '陈晓明', idType: 'residentId', idNumber: VALID_RESIDENT_ID, phone: '13812345678' },
      information: { description, title: '征收补偿方案' },
      receivedOn: null,
    });

    // ── The clerk finds it in the queue (personal data masked) and registers it. ──
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(c, 'staff-requests-entry').click();
    const item = byTestId(c, 'queue-item').filter({ hasText: trackingNumber });
    await item.waitFor();
    const line = await textOf(item);
    expect(line).toContain('待受理');
    expect(line).not.toContain('陈晓明');
    expect(line).not.toContain('13812345678');
    expect(line).not.toContain(VALID_RESIDENT_ID);
    await item.click();
    expect(await textOf(byTestId(c, 'applicant'))).toContain(VALID_RESIDENT_ID); // in full on the detail
    await byTestId(c, 'do-register').click();
    await byTestId(c, 'request-status').filter({ hasText: '办理中' }).waitFor();
    const registered = await byNumber(trackingNumber);
    expect(registered.status).toBe('registered');
    expect(registered.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(registered.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // ── …and asks for a supplement, listing what to fix. ──
    await settled(c);
    await openAction(c, 'askSupplement');
    await fill(c, 'supplementItems', '请说明所需方案的具体地块编号\n请说明所需信息的时间范围', 'textarea');
    await fill(c, 'supplementDays', '10');
    await byTestId(c, 'do-askSupplement').click();
    await confirmModal(c, /《政府信息公开申请补正告知书》.*2 项补正事项/);
    await byTestId(c, 'request-status').filter({ hasText: '待补正' }).waitFor();
    const asked = await byNumber(trackingNumber);
    expect(asked.status).toBe('supplementRequested');
    expect(asked.supplement).toMatchObject({ items: ['请说明所需方案的具体地块编号', '请说明所需信息的时间范围'], workingDays: 10, answer: null });

    // ── The resident sees it in 我的申请 and supplements. ──
    await r.goto(`${e2e.base}/#/requests/pages/mine/index`);
    const mine = byTestId(r, 'request-card').filter({ hasText: trackingNumber });
    await mine.waitFor();
    expect(await textOf(mine)).toContain('待补正');
    await mine.click();
    await byTestId(r, 'supplement-form').waitFor();
    expect(await r.locator('[data-testid=supplement-item]:visible').allTextContents()).toEqual(['1. 请说明所需方案的具体地块编号', '2. 请说明所需信息的时间范围']);
    await settled(r);
    const answer = '地块编号为QH-07；时间范围为2025年1月至12月。';
    await fill(r, 'supplementText', answer, 'textarea');
    await byTestId(r, 'send-supplement').click();
    await byTestId(r, 'request-status').filter({ hasText: '办理中' }).waitFor();
    expect(await byTestId(r, 'supplement-form').count()).toBe(0);
    const supplemented = await byNumber(trackingNumber);
    expect(supplemented.status).toBe('registered');
    expect(supplemented.supplement?.answer).toMatchObject({ text: answer });

    // ── The clerk reloads and replies: 部分公开, with an attachment. ──
    await c.reload();
    await byTestId(c, 'request-status').filter({ hasText: '办理中' }).waitFor();
    await byTestId(c, 'choice-replyGroup-partial').click();
    expect(await textOf(byTestId(c, 'reply-basis'))).toContain('第三十七条');
    const replyText = '经审查，现向您公开QH-07地块征收补偿方案正文；方案附件中涉及被征收人个人信息的部分不予公开。';
    await fill(c, 'replyText', replyText, 'textarea');
    const plan = Buffer.from(`%PDF-1.4\n% QH-07 ${stamp}\n%%EOF\n`);
    await byTestId(c, 'attachment-upload').locator('input').setInputFiles({ name: 'QH-07地块征收补偿方案.pdf', mimeType: 'application/pdf', buffer: plan });
    await byTestId(c, 'attachment-row').filter({ hasText: 'QH-07地块征收补偿方案.pdf' }).waitFor();
    await byTestId(c, 'do-reply').click();
    await confirmModal(c, /陈晓明/);
    await byTestId(c, 'request-status').filter({ hasText: '已答复' }).waitFor();
    const replied = await byNumber(trackingNumber);
    expect(replied.status).toBe('replied');
    expect(replied.reply).toMatchObject({ category: 'partial', text: replyText, attachments: [{ name: 'QH-07地块征收补偿方案.pdf', url: expect.stringMatching(/^\/files\/[A-Za-z0-9_-]{22}$/), sizeBytes: plan.length }] });
    expect(await textOf(byTestId(c, 'letters'))).toContain('答复');

    // ── The resident reads the reply, the remedies, the timeline and why the due date is what it is. ──
    await r.reload();
    await byTestId(r, 'reply').waitFor();
    expect(await textOf(byTestId(r, 'request-status'))).toBe('已答复');
    expect(await textOf(byTestId(r, 'reply-category'))).toContain('部分公开');
    expect(await textOf(byTestId(r, 'reply-text'))).toBe(replyText);
    expect(await textOf(byTestId(r, 'reply-attachments'))).toContain('QH-07地块征收补偿方案.pdf');
    const planLink = await byTestId(r, 'attachment-link').getAttribute('href');
    expect(planLink).toBe(replied.reply!.attachments[0].url);
    expect(Buffer.from(await (await resident.context.request.get(`${e2e.base}${planLink}`)).body())).toEqual(plan);
    expect(await textOf(byTestId(r, 'remedies'))).toMatch(/行政复议.*行政诉讼/);
    expect(await byTestId(r, 'withdraw-request').count()).toBe(0); // no withdrawing after a reply

    const timeline = await r.locator('[data-testid=timeline-entry]:visible .timeline__what').allTextContents();
    expect(timeline).toHaveLength(replied.history.length);
    expect(timeline.length).toBeGreaterThanOrEqual(5); // submitted, registered, supplement asked, supplemented, replied
    // Residents never see which clerk acted.
    expect(await textOf(byTestId(r, 'timeline'))).not.toContain('李华');

    expect(await textOf(byTestId(r, 'due-box'))).toContain(`受理日期${replied.receivedOn}`);
    const summary = await textOf(byTestId(r, 'due-summary'));
    expect(summary.length).toBeGreaterThan(10);
    await byTestId(r, 'due-days-toggle').click();
    const days = await r.locator('[data-testid=due-day]:visible').allTextContents();
    expect(days.length).toBeGreaterThan(0);
    expect(days.some((d) => /第1个工作日/.test(d))).toBe(true);
    await settled(r);
    await r.screenshot({ path: 'test-results/e2e-request-replied.png', fullPage: true });

    // The formal reply letter, readable in the app.
    await byTestId(r, 'letter-reply').click();
    const letter = await textOf(byTestId(r, 'letter'));
    expect(letter).toContain(trackingNumber);
    expect(letter).toContain('行政复议');

    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT * 2);

  test('a clerk enters a letter and extends it, the letter prints; an admin enters next year\'s holidays; a resident withdraws', async () => {
    const stamp = Date.now().toString().slice(-5);
    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, 'demo-clerk');
    const c = clerk.page;

    // ── A letter from a law firm, received days before it is typed in. ──
    await c.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(c, 'staff-requests-entry').click();
    await byTestId(c, 'enter-request').click();
    await byTestId(c, 'enter-form').waitFor();
    await settled(c);
    const received = '2026-11-20';
    const firm = `云溪明理${stamp}律师事务所`;
    await byTestId(c, 'choice-channel-letter').click();
    await fill(c, 'receivedOn', received);
    await byTestId(c, 'choice-applicantType-organization').click();
    await byTestId(c, 'choice-orgKind-legalService').click();
    await fill(c, 'name', firm);
    await fill(c, 'creditCode', VALID_CREDIT_CODE);
    await fill(c, 'phone', '13900001111');
    await byTestId(c, 'choice-form-paper').click();
    await byTestId(c, 'choice-delivery-post').click();
    await byTestId(c, 'save-entered').click(); // no address for the post yet
    expect(await textOf(c.locator('.field--invalid:visible .field__error'))).toBe('选择邮寄时请填写通讯地址');
    await fill(c, 'address', '云溪区文三路12号');
    await fill(c, 'description', '请提供2025年度本区物业服务企业信用评价结果。', 'textarea');
    await byTestId(c, 'save-entered').click();
    await byTestId(c, 'admin-request').waitFor();
    const trackingNumber = await textOf(byTestId(c, 'tracking-number'));
    expect(await textOf(byTestId(c, 'request-status'))).toBe('办理中');
    const entered = await byNumber(trackingNumber);
    expect(entered).toMatchObject({ channel: 'letter', status: 'registered', receivedOn: received, ownerOpenid: null, applicant: { type: 'organization', orgKind: 'legalService', name: firm, creditCode: VALID_CREDIT_CODE } });
    expect(await textOf(byTestId(c, 'due-box'))).toContain(`受理日期${received}`);
    expect(await textOf(byTestId(c, 'due-on'))).toContain(entered.dueOn!);

    // ── Extended once, with the approver: the due date moves and an extension letter is issued. ──
    await settled(c);
    await openAction(c, 'extend');
    await fill(c, 'extendDays', '10');
    await fill(c, 'approver', '张敏');
    await fill(c, 'extendReason', '需调取多个科室的档案，无法在期限内答复。', 'textarea');
    await byTestId(c, 'do-extend').click();
    await confirmModal(c, /延长 10 个工作日（批准人：张敏）/);
    await byTestId(c, 'extension').waitFor();
    const extended = await byNumber(trackingNumber);
    expect(extended.extension).toMatchObject({ workingDays: 10, approver: '张敏' });
    expect(extended.dueOn! > entered.dueOn!).toBe(true);
    await byTestId(c, 'due-on').filter({ hasText: extended.dueOn! }).waitFor();
    expect(await byTestId(c, 'action-extend').count()).toBe(0); // only once
    await byTestId(c, 'letter-extension').click();
    const letter = await textOf(byTestId(c, 'letter'));
    expect(letter).toContain(trackingNumber);
    expect(letter).toContain(firm);
    expect(letter).toContain(chineseDate(extended.dueOn!)); // the letter writes its dates in Chinese
    expect(await textOf(byTestId(c, 'print-letter'))).toBe('保存为PDF / 打印');
    await settled(c);
    await c.screenshot({ path: 'test-results/e2e-request-letter.png' });

    // ── The queue, soonest due first, with the entered letter in it. ──
    await c.goto(`${e2e.base}/#/admin/pages/requests/index`);
    await byTestId(c, 'queue-item').filter({ hasText: trackingNumber }).waitFor();
    // First the applications waiting for registration, longest waiting first; then 局办公室's (李华's) open requests, soonest due first.
    const waiting = (await requests().find({ where: { status: 'submitted' }, orderBy: [['submittedAt', 'asc']], limit: 50 })).items;
    const open = (await requests().find({ where: { open: true, status: { ne: 'submitted' }, departmentId: { in: ['office'] } }, orderBy: [['dueSort', 'asc']], limit: 50 })).items;
    const shown = (await c.locator('[data-testid=queue-item]:visible .request-card__number').allTextContents()).map((t) => t.trim());
    expect(shown).toEqual([...waiting, ...open.slice(0, 20)].map((r) => r.trackingNumber)); // the first page
    await settled(c);
    await c.screenshot({ path: 'test-results/e2e-request-queue.png' });
    await clerk.context.close();

    // ── The admin sees next year is missing and enters it; the warning goes. ──
    const admin = await e2e.phone();
    await e2e.signIn(admin.context, 'demo-admin');
    const a = admin.page;
    const nextYear = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) + 1;
    await a.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(a, 'staff-calendar-entry').click();
    expect(await textOf(byTestId(a, 'coverage-warning'))).toContain(`${nextYear} 年的节假日安排尚未录入`);
    await byTestId(a, `choice-year-${nextYear}`).click();
    await byTestId(a, 'calendar-source').filter({ hasText: '未录入' }).waitFor();
    await settled(a);
    // What the built-in data knows of the year opens as items; this bureau enters its own from nothing.
    while ((await byTestId(a, 'year-day').count()) > 0) await byTestId(a, 'remove-year-day-0').click();
    await byTestId(a, 'add-year-day').click();
    // Every day picked from the calendar: 元旦 one day, 春节 a run of seven (从 … 至 …), one row each.
    await fill(a, 'yearDayFrom-0', `${nextYear}-01-01`);
    await fill(a, 'yearDayName-0', '元旦');
    await byTestId(a, 'add-year-day').click();
    await fill(a, 'yearDayFrom-1', `${nextYear}-02-06`);
    await fill(a, 'yearDayTo-1', `${nextYear}-02-12`);
    await fill(a, 'yearDayName-1', '春节');
    await byTestId(a, 'save-year').click();
    await confirmModal(a, /重新计算/);
    await byTestId(a, 'calendar-outcome').waitFor();
    await byTestId(a, 'calendar-source').filter({ hasText: '已录入' }).waitFor();
    expect(await byTestId(a, 'coverage-warning').count()).toBe(0);
    const doc = await e2e.cloud.store.collection('calendar').get(String(nextYear));
    expect(doc).toMatchObject({ year: nextYear, complete: true, updatedBy: 'demo-admin' });
    expect(doc!.holidays.map((d) => d.date)).toEqual([`${nextYear}-01-01`, ...[6, 7, 8, 9, 10, 11, 12].map((d) => `${nextYear}-02-${String(d).padStart(2, '0')}`)]);
    await admin.context.close();

    // ── A resident withdraws a request before any reply. ──
    const resident = await e2e.phone();
    const openid = `resident-w-${stamp}`;
    await e2e.signIn(resident.context, openid);
    const res = await resident.context.request.post(`${e2e.base}/api/requests`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ action: 'submit', data: application() }),
    });
    const mine = (await res.json()).data as { id: string; trackingNumber: string };
    const r = resident.page;
    await r.goto(`${e2e.base}/#/requests/pages/detail/index?id=${encodeURIComponent(mine.id)}`);
    await byTestId(r, 'withdraw-request').click();
    await byTestId(r, 'confirm-withdraw').click();
    await byTestId(r, 'request-status').filter({ hasText: '已撤回' }).waitFor();
    expect(await byTestId(r, 'withdraw-request').count()).toBe(0);
    expect((await byNumber(mine.trackingNumber)).status).toBe('withdrawn');
    await resident.context.close();
  }, TEST_TIMEOUT * 2);

  test('an admin rewords the 不予公开 reply template: the next letter shows it, the earlier one is unchanged; residents get there from 首页', async () => {
    const stamp = Date.now().toString().slice(-5);
    const openid = `resident-t-${stamp}`;
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    await e2e.signIn(resident.context, openid);
    await e2e.signIn(clerk.context, 'demo-clerk');
    const api = async (context: typeof resident.context, action: string, data: unknown) =>
      (await (await context.request.post(`${e2e.base}/api/requests`, { headers: { 'content-type': 'application/json', origin: e2e.base }, data: JSON.stringify({ action, data }) })).json()).data;
    const registered = async () => {
      const submitted = await api(resident.context, 'submit', application());
      return api(clerk.context, 'register', { id: submitted.id, version: submitted.version });
    };
    const withhold = (r: { id: string; version: number }) =>
      api(clerk.context, 'reply', { id: r.id, version: r.version, category: 'withheld.thirdParty', text: '所申请的报价明细属于第三方商业秘密，经征求意见第三方不同意公开。' });
    const first = await withhold(await registered());
    const second = await registered();
    const firstLetter = (await byNumber(first.trackingNumber)).letters!;

    // ── The admin opens 告知书模板 from 工作台, adds a paragraph, previews, and cannot drop the remedies sentence. ──
    const admin = await e2e.phone();
    await e2e.signIn(admin.context, 'demo-admin');
    const a = admin.page;
    await a.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(a, 'staff-letter-templates-entry').click();
    await byTestId(a, 'choice-template-withhold').click();
    await byTestId(a, 'template-status').filter({ hasText: '内置默认文本' }).waitFor();
    await settled(a);
    const added = `如需了解第三方意见的详细情况，请致电本机关政务公开办公室（${stamp}）。`;
    await byTestId(a, 'add-paragraph').click();
    await fill(a, 'paragraph-4', added, 'textarea');
    await byTestId(a, 'preview-template').click();
    expect(await textOf(byTestId(a, 'template-preview'))).toContain(added);
    await byTestId(a, 'remove-paragraph-3').click(); // the {救济途径} paragraph
    await byTestId(a, 'save-template').click();
    expect(await textOf(byTestId(a, 'paragraphs-error'))).toContain('{救济途径}');
    await byTestId(a, 'slot-remedies').click(); // back, at the end of the last paragraph
    await byTestId(a, 'save-template').click();
    await byTestId(a, 'template-status').filter({ hasText: '第 1 版' }).waitFor();
    await settled(a);
    await a.screenshot({ path: 'test-results/e2e-letter-template.png', fullPage: true });
    await admin.context.close();

    // ── The next reply's letter carries the edit; the earlier letter is as it was sent. ──
    await withhold(second);
    expect((await byNumber(first.trackingNumber)).letters).toEqual(firstLetter);
    expect((await byNumber(second.trackingNumber)).letters!.map((l) => [l.templateKey, l.templateRevision])).toEqual([['withhold', 1]]);

    // ── The resident goes 首页 → 我的申请 → the request → its letter. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/pages/index/index`);
    await byTestId(r, 'home-request-entry').waitFor();
    await byTestId(r, 'home-my-requests').click();
    await byTestId(r, 'request-card').filter({ hasText: second.trackingNumber }).click();
    await byTestId(r, 'letter-reply').click();
    const letter = await textOf(byTestId(r, 'letter'));
    expect(letter).toContain(added);
    expect(letter).toContain('行政复议');
    await back(r);
    await back(r);
    await byTestId(r, 'request-card').filter({ hasText: first.trackingNumber }).click();
    await byTestId(r, 'letter-reply').click();
    expect(await textOf(byTestId(r, 'letter'))).not.toContain(added);
    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT * 2);
});
