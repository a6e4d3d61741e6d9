import type { Page } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * Inquiries end to end in Chromium over the H5 build and the local cloud: a resident asks, the
 * clerk answers and publishes the answer as FAQ, another resident finds it while typing their own
 * question (and on 常见问题); and a phone call entered and closed on the spot. The store is
 * checked after each step, not only the screen.
 */
e2eDescribe('inquiries, FAQ and calls in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);
  const byNumber = async (caseNumber: string) => (await e2e.cloud.store.collection('inquiries').find({ where: { caseNumber }, orderBy: [['caseNumber', 'asc']], limit: 1 })).items[0];

  test('a resident asks → the clerk answers and publishes it as FAQ → another resident finds it before asking', async () => {
    const stamp = Date.now().toString().slice(-5);
    const topic = `居住证${stamp}`;
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    const other = await e2e.phone();
    await e2e.signIn(resident.context, `resident-inq-${stamp}`);
    await e2e.signIn(clerk.context, 'demo-clerk');
    await e2e.signIn(other.context, `resident-inq2-${stamp}`);

    // ── The resident asks from 我的. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(r, 'ask-entry').click();
    await byTestId(r, 'ask-form').waitFor();
    await settled(r);
    await fill(r, 'topic', topic);
    await byTestId(r, 'submit-ask').click();
    expect(await textOf(r.locator('.field--invalid:visible .field__error'))).toBeTruthy(); // the question itself is missing
    await fill(r, 'text', `办理${topic}需要哪些材料？我住在青禾小区，电话 13800001234。`, 'textarea');
    await byTestId(r, 'submit-ask').click();
    const caseNumber = await textOf(byTestId(r, 'case-number'));
    expect(caseNumber).toMatch(/^咨〔20\d\d〕\d{6}号$/);
    expect(await textOf(byTestId(r, 'case-status'))).toBe('待答复');
    expect(await byNumber(caseNumber)).toMatchObject({ status: 'open', channel: 'online', ownerOpenid: `resident-inq-${stamp}`, topic });

    // ── The clerk answers it from the queue and publishes it as FAQ, personal details removed by hand. ──
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(c, 'staff-inquiries-entry').click();
    const item = byTestId(c, 'case-queue-item').filter({ hasText: caseNumber });
    await item.waitFor();
    expect(await textOf(item)).toContain('还剩');
    await item.click();
    await byTestId(c, 'admin-case').waitFor();
    await settled(c);
    const answer = `携带身份证、租房合同到所在街道办理${topic}。`;
    await fill(c, 'answerText', answer, 'textarea');
    await byTestId(c, 'do-answer').click();
    // Asks first, naming the asker and that an answer cannot be taken back.
    await confirmModal(c, /咨询人.*在小程序中收到消息.*不能修改或撤回/);
    await byTestId(c, 'case-status').filter({ hasText: '已答复' }).waitFor();
    await byTestId(c, 'start-publish-faq').click();
    const question = `办理${topic}需要哪些材料？`;
    await fill(c, 'faqQuestion', question);
    await byTestId(c, 'do-publish-faq').click();
    await confirmModal(c, /向所有人公开/);
    await byTestId(c, 'published-faq').waitFor();
    const answered = await byNumber(caseNumber);
    expect(answered).toMatchObject({ status: 'answered', faqId: expect.any(String) });
    const faq = await e2e.cloud.store.collection('faq').get(answered.faqId as string);
    expect(faq).toMatchObject({ question, answer, status: 'active', sourceCaseId: answered.id });
    expect(JSON.stringify(faq)).not.toContain('13800001234');
    // The resident hears in 消息.
    expect(await e2e.cloud.store.collection('outbox').count({ subjectId: answered.id })).toBe(1);

    // ── The resident reads the answer and rates it. ──
    await r.reload();
    await byTestId(r, 'case-message-answer').filter({ hasText: answer }).waitFor();
    await byTestId(r, 'rate-helpful').click();
    await byTestId(r, 'case-rating').waitFor();
    expect((await byNumber(caseNumber)).rating).toMatchObject({ helpful: true });

    // ── Another resident starts asking the same thing and is shown the answer first. ──
    const o = other.page;
    await o.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(o, 'ask-entry').click();
    await byTestId(o, 'ask-form').waitFor();
    await settled(o);
    await fill(o, 'topic', topic);
    const suggestions = byTestId(o, 'faq-suggestions');
    expect(await textOf(suggestions)).toContain('这些回答也许能帮到您');
    await suggestions.getByText(question).click();
    expect(await textOf(byTestId(o, 'faq-answer'))).toBe(answer);
    // …and on 常见问题 by search.
    await o.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(o, 'faq-entry').click();
    await byTestId(o, 'faq-page').waitFor();
    await settled(o);
    await byTestId(o, 'search-input').locator('input').fill(topic);
    await byTestId(o, 'search-submit').click();
    await byTestId(o, 'faq-item').filter({ hasText: question }).waitFor();
    await o.screenshot({ path: 'test-results/e2e-faq-search.png' });
  }, TEST_TIMEOUT * 2);

  test('a phone call entered and answered on the spot is a case closed at once', async () => {
    const stamp = Date.now().toString().slice(-5);
    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, 'demo-clerk');
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/pages/me/index`);
    await byTestId(c, 'staff-inquiries-entry').click();
    await byTestId(c, 'enter-case').click();
    await byTestId(c, 'enter-case-form').waitFor();
    await settled(c);
    await fill(c, 'enterTopic', `社保卡补办${stamp}`);
    await fill(c, 'enterText', '来电询问社保卡丢失后在哪里补办。', 'textarea');
    await fill(c, 'callerName', '王先生');
    await fill(c, 'callerPhone', '0571-88886666');
    await fill(c, 'spotAnswer', '可到区政务服务中心一楼社保窗口补办，带身份证。', 'textarea');
    await byTestId(c, 'save-case').click();
    await byTestId(c, 'admin-case').waitFor();
    expect(await textOf(byTestId(c, 'case-status'))).toBe('已办结');
    const caseNumber = await textOf(byTestId(c, 'case-number'));
    const stored = await byNumber(caseNumber);
    expect(stored).toMatchObject({ status: 'closed', open: false, channel: 'phone', ownerOpenid: null, contact: { name: '王先生', phone: '0571-88886666' }, topic: `社保卡补办${stamp}` });
    expect(stored.history.map((h) => h.action)).toEqual(['entered', 'answeredOnTheSpot']);
    // Counted under 已办结, not waiting in the queue.
    await c.goBack();
    await settled(c);
    await byTestId(c, 'case-filter-closed').click();
    await byTestId(c, 'case-queue-item').filter({ hasText: caseNumber }).waitFor();
  }, TEST_TIMEOUT);
});
