import { addDays } from '../../shared/calendar/dates';
import { chineseDate } from '../../shared/requests/letter-layout';
import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { addWorkingDays, buildCalendar } from '../../shared/calendar/working-calendar';
import type { Page } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, openAction, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application } from '../support/request-factories';

/**
 * 条例 Art. 35 end to end, in Chromium over the H5 build and the local cloud: the clerk asks the
 * applicant for reasons → the resident answers on their request's page → the clerk fixes a later
 * due date (延迟答复) → the resident sees the new date, why, and the letter. The store is checked
 * after each step, not only the screen.
 */
e2eDescribe('unreasonable volume (Art. 35) in Chromium over the local cloud', () => {
  const e2e = useE2E();
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);
  const stored = async (id: string) => (await e2e.cloud.store.collection('requests').get(id))!;

  test('clerk asks reasons → resident answers in the app → clerk sets a delayed due date → resident sees it', async () => {
    const stamp = Date.now().toString().slice(-5);
    const openid = `resident-r-${stamp}`;
    const resident = await e2e.phone();
    const clerk = await e2e.phone();
    await e2e.signIn(resident.context, openid);
    await e2e.signIn(clerk.context, 'demo-clerk');

    // The resident's application (the form itself is the requests suite's).
    const res = await resident.context.request.post(`${e2e.base}/api/requests`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ action: 'submit', data: application() }),
    });
    const { id } = (await res.json()).data as { id: string };

    // ── The clerk registers it and asks for reasons. ──
    const c = clerk.page;
    await c.goto(`${e2e.base}/#/admin/pages/request/index?id=${encodeURIComponent(id)}`);
    await byTestId(c, 'do-register').click();
    await byTestId(c, 'request-status').filter({ hasText: '办理中' }).waitFor();
    const dueBefore = (await stored(id)).dueOn as string;
    await settled(c);
    const asked = `您自本月1日起已提出申请40件（${stamp}），请说明申请用途。`;
    await openAction(c, 'askReasons');
    await fill(c, 'reasonsText', asked, 'textarea');
    await byTestId(c, 'do-askReasons').click();
    await confirmModal(c, /《政府信息公开申请说明理由告知书》/);
    await byTestId(c, 'request-status').filter({ hasText: '待说明理由' }).waitFor();
    expect(await stored(id)).toMatchObject({ status: 'reasonsRequested', reasons: { text: asked, answer: null }, dueOn: dueBefore });
    expect(await textOf(byTestId(c, 'letters'))).toContain('说明理由');

    // ── The resident answers on the request's page. ──
    const r = resident.page;
    await r.goto(`${e2e.base}/#/requests/pages/detail/index?id=${encodeURIComponent(id)}`);
    await byTestId(r, 'reasons-form').waitFor();
    expect(await textOf(byTestId(r, 'reasons-asked'))).toBe(asked);
    await settled(r);
    const answer = '业主委员会需逐栋核对40栋楼各自的加装电梯批复。';
    await fill(r, 'reasonsAnswer', answer, 'textarea');
    await byTestId(r, 'send-reasons').click();
    await byTestId(r, 'request-status').filter({ hasText: '办理中' }).waitFor();
    expect(await byTestId(r, 'reasons-form').count()).toBe(0);
    expect(await stored(id)).toMatchObject({ status: 'registered', reasons: { answer: { text: answer } } });

    // ── The clerk reads the answer and fixes a later due date. ──
    await c.reload();
    await byTestId(c, 'reasons').getByText(answer, { exact: false }).waitFor();
    await settled(c);
    // A day the office is open (a weekend is refused, Art. 33 counts in working days): 20 working days on.
    const calendar = buildCalendar([], builtinArrangement);
    const later = addWorkingDays(calendar, dueBefore, 20);
    let weekend = addDays(later, 1);
    while (calendar.day(weekend).work) weekend = addDays(weekend, 1);
    await openAction(c, 'setDelayedDue');
    await fill(c, 'delayedDueOn', dueBefore); // not later than the due date in force: refused, said beside nothing is lost
    await fill(c, 'delayedReason', '所申请的40份批复需逐份调取档案并审查', 'textarea');
    await byTestId(c, 'do-setDelayedDue').click();
    await confirmModal(c);
    await c.getByText(`延迟答复的期限应晚于现行答复期限（${dueBefore}）`).first().waitFor();
    expect((await stored(id)).delayedDue ?? null).toBeNull();
    await fill(c, 'delayedDueOn', weekend);
    await byTestId(c, 'do-setDelayedDue').click();
    await confirmModal(c);
    await c.getByText(`${weekend} 是`).first().waitFor();
    expect((await stored(id)).delayedDue ?? null).toBeNull();
    await fill(c, 'delayedDueOn', later);
    await byTestId(c, 'do-setDelayedDue').click();
    await confirmModal(c);
    await byTestId(c, 'delayed-due').waitFor();
    expect(await stored(id)).toMatchObject({ status: 'registered', dueOn: later, delayedDue: { dueOn: later } });

    // ── The resident sees the new date, why, and the letter. ──
    await r.reload();
    await byTestId(r, 'delayed-due').waitFor();
    expect(await textOf(byTestId(r, 'due-on'))).toContain(later);
    expect(await textOf(byTestId(r, 'delayed-due'))).toContain('所申请的40份批复需逐份调取档案并审查');
    expect(await textOf(byTestId(r, 'due-summary'))).toContain(`经确定延迟答复，答复期限为 ${later}`);
    await settled(r);
    await r.screenshot({ path: 'test-results/e2e-request-delayed.png', fullPage: true });
    await byTestId(r, 'letter-delayedDue').click();
    const letter = await textOf(byTestId(r, 'letter'));
    expect(letter).toContain('延迟答复告知书');
    expect(letter).toContain(`${chineseDate(later)}前作出答复`); // the letter writes its dates in Chinese
    expect(letter).toContain('第三十五条');

    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT * 2);
});
