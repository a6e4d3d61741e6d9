import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E, waitUntil } from '../support/e2e';

/**
 * A 差评 rectified to the end, in Chromium over the local cloud: the rating
 * officer answers with a 限期整改 plan (the follow-up stays open as 限期整改中),
 * records its completion with what was done, the rater says it did not solve
 * the problem, and the follow-up is reopened and escalated to the admins.
 * Each step is checked against the store as well.
 */
e2eDescribe('差评 rectification in Chromium', () => {
  const e2e = useE2E();
  const COMMENT = '下午三点就不取号了，公示的时间是五点';
  const ANSWER = '经核实情况属实，将统一各窗口取号时间并在大厅公示。';
  const DONE = '已将取号截止时间统一为17:00，并在大厅和网上公示。';

  test('plan → completion → the rater says not solved → reopened and escalated', async () => {
    // The demo's 差评 that came in yesterday, still open.
    const rating = (await e2e.cloud.store.collection('ratings').find({ where: { comment: COMMENT }, orderBy: [['createdAt', 'asc']], limit: 1 })).items[0];
    expect(await e2e.cloud.store.collection('followUps').get(rating.id)).toMatchObject({ status: 'open', response: null });

    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-rater');
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, rating.raterOpenid);

    // The officer answers with a plan: the default date lies within the bureau's 30 working days.
    await e2e.open(staff.page, `/admin/pages/follow-up/index?id=${rating.id}`);
    await byTestId(staff.page, 'follow-up-detail').waitFor();
    await settled(staff.page);
    await byTestId(staff.page, 'input-contactNote').locator('input').fill('已电话联系评价人，核实取号时间不一致');
    await byTestId(staff.page, 'rectification-plan').click();
    const planText = await textOf(byTestId(staff.page, 'plan-due-date'));
    const planDueDate = planText.match(/\d{4}-\d{2}-\d{2}/)![0];
    await byTestId(staff.page, 'input-answer').locator('textarea').fill(ANSWER);
    await byTestId(staff.page, 'respond').click();
    await confirmModal(staff.page, /将向评价人/);
    await byTestId(staff.page, 'follow-up-status').filter({ hasText: '限期整改中' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'follow-up-status'))).toContain(`整改期限 ${planDueDate}`);
    expect(await e2e.cloud.store.collection('followUps').get(rating.id)).toMatchObject({ status: 'rectifying', response: { rectification: 'plan', planDueDate, answer: ANSWER }, completion: null });

    // While the work is under way the rater sees the plan, and is not yet asked whether it is solved.
    await e2e.open(resident.page, '/rating/pages/mine/index');
    await listLoaded(resident.page);
    let mine = byTestId(resident.page, 'my-rating').filter({ hasText: COMMENT });
    expect(await textOf(mine.locator('[data-testid=my-rating-rectifying]'))).toContain('整改完成后');
    expect(await mine.locator('[data-testid=feedback-unsolved]').count()).toBe(0);

    // The officer records the completion with what was done.
    await settled(staff.page);
    await byTestId(staff.page, 'input-done').locator('textarea').fill(DONE);
    await byTestId(staff.page, 'complete').click();
    await confirmModal(staff.page, /请其评价问题是否解决/);
    await byTestId(staff.page, 'follow-up-completion').waitFor();
    expect(await textOf(byTestId(staff.page, 'follow-up-completion'))).toContain(DONE);
    expect(await e2e.cloud.store.collection('followUps').get(rating.id)).toMatchObject({ status: 'answered', completion: { done: DONE, by: 'demo-rater' } });

    // The rater reads it and says it did not solve the problem.
    await e2e.open(resident.page, '/rating/pages/mine/index');
    await listLoaded(resident.page);
    mine = byTestId(resident.page, 'my-rating').filter({ hasText: COMMENT });
    expect(await textOf(mine.locator('[data-testid=my-rating-completion]'))).toContain(DONE);
    await settled(resident.page);
    await mine.locator('[data-testid=feedback-unsolved]').click();
    await mine.locator('[data-testid=my-rating-reopened]').waitFor();
    await resident.page.screenshot({ path: 'test-results/e2e-rating-reopened.png' });

    // Reopened once, with a fresh deadline; every admin is told.
    await waitUntil(async () => (await e2e.cloud.store.collection('followUps').get(rating.id))?.status === 'open');
    const reopened = await e2e.cloud.store.collection('followUps').get(rating.id);
    expect(reopened).toMatchObject({ status: 'open', response: null, reopen: { feedback: { solved: false }, previousResponse: { answer: ANSWER }, previousCompletion: { done: DONE } } });
    expect(await e2e.cloud.store.collection('outbox').get(`ro-${rating.id}-demo-admin`)).toMatchObject({ cause: 'ratingReopened', message: { forStaff: true } });

    // The officer's page shows it open again, with what had been answered.
    await e2e.open(staff.page, `/admin/pages/follow-up/index?id=${rating.id}`);
    await byTestId(staff.page, 'follow-up-reopened').waitFor();
    expect(await textOf(byTestId(staff.page, 'follow-up-reopened'))).toContain(ANSWER);
    expect(await textOf(byTestId(staff.page, 'follow-up-status'))).toContain('待整改回访');
    await settled(staff.page);
    await staff.page.screenshot({ path: 'test-results/e2e-follow-up-reopened.png' });

    await staff.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT * 2);
});
