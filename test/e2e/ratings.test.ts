import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';

/**
 * 好差评 end to end in Chromium over the local cloud: a window clerk issues a
 * visit code, the resident opens its link and rates 不满意 with a comment, the
 * rating officer answers, and the resident reads the outcome and says whether
 * it solved the problem. Each step is checked against the store as well.
 */
e2eDescribe('service ratings (好差评) in Chromium', () => {
  const e2e = useE2E();
  const COMMENT = '下午三点就不取号了，白跑一趟';
  const ANSWER = '经核实，窗口已恢复按公示时间取号至17:00，并对当班人员进行了提醒。';

  test('visit code → resident rates 不满意 → rating officer responds → resident sees the outcome', async () => {
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-rater');
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'resident-e2e-rater');

    // The clerk at 3号窗口 taps 「生成评价码」.
    await e2e.open(staff.page, '/admin/pages/windows/index');
    const windowCard = byTestId(staff.page, 'admin-window').filter({ hasText: '3号窗口' });
    await windowCard.waitFor();
    await windowCard.getByText('生成评价码').click();
    await byTestId(staff.page, 'visit-service').filter({ hasText: '公租房租赁补贴申请' }).click();
    await settled(staff.page);
    await byTestId(staff.page, 'generate-visit').click();
    await confirmModal(staff.page, /为「3号窗口 · 住房保障」生成「公租房租赁补贴申请」的评价码/);
    const code = await textOf(byTestId(staff.page, 'visit-code'));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    expect(await byTestId(staff.page, 'visit-qr').locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // What the QR carries (the card shows no address): the rating page with the code's scene.
    const link = `${e2e.base}/#/rating/pages/rate/index?scene=${encodeURIComponent(`v=${code}`)}`;
    const visit = await e2e.cloud.store.collection('visits').get(code);
    expect(visit).toMatchObject({ windowId: 'win-housing-1', serviceId: 'svc-rent-subsidy', ratingId: null, issuedBy: 'demo-rater' });

    // The resident scans it: the code opens the rating page for that window and service.
    await resident.page.goto(link);
    await resident.page.reload();
    expect(await textOf(byTestId(resident.page, 'rate-target'))).toContain('3号窗口 · 住房保障');
    expect(await textOf(byTestId(resident.page, 'rate-target'))).toContain('公租房租赁补贴申请');
    await settled(resident.page);
    // Tap 1: the level. Tap 2: a tag. Then the comment, and tap 3: submit.
    await byTestId(resident.page, 'level-dissatisfied').click();
    await byTestId(resident.page, 'rate-tag').filter({ hasText: '等候时间长' }).click();
    await byTestId(resident.page, 'input-comment').locator('textarea').fill(COMMENT);
    await byTestId(resident.page, 'input-contactName').locator('input').fill('周女士');
    await settled(resident.page);
    await resident.page.screenshot({ path: 'test-results/e2e-rate.png' });
    await byTestId(resident.page, 'rate-submit').click();
    expect(await textOf(byTestId(resident.page, 'rate-done'))).toContain('感谢您的评价');
    expect(await textOf(byTestId(resident.page, 'rate-done'))).toMatch(/最迟 \d{4}-\d{2}-\d{2} 前答复您/);

    // The rating's id is random; the used-up visit code points to it.
    const ratingId = (await e2e.cloud.store.collection('visits').get(code))!.ratingId!;
    const rating = await e2e.cloud.store.collection('ratings').get(ratingId);
    expect(rating).toMatchObject({ level: 'dissatisfied', tags: ['等候时间长'], comment: COMMENT, commentStatus: 'passed', raterOpenid: 'resident-e2e-rater', contactName: '周女士', windowId: 'win-housing-1' });
    expect(await e2e.cloud.store.collection('followUps').get(ratingId)).toMatchObject({ status: 'open', response: null });

    // Opening the same code again: already rated.
    await resident.page.goto(link);
    await resident.page.reload();
    expect(await textOf(byTestId(resident.page, 'rate-closed'))).toContain('已经评价过');

    // The rating officer finds it in the queue and answers.
    await e2e.open(staff.page, '/admin/pages/follow-ups/index');
    await listLoaded(staff.page);
    const item = byTestId(staff.page, 'follow-up-item').filter({ hasText: COMMENT });
    // The list masks the rater's name; the follow-up's own page shows it whole to the officer who calls back.
    expect(await textOf(item)).toContain('周**');
    expect(await textOf(item)).not.toContain('周女士');
    await item.click();
    // The rater by the name they left, never by their OPENID.
    await byTestId(staff.page, 'follow-up-detail').filter({ hasText: '周女士' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'follow-up-detail'))).not.toContain('resident-e2e-rater');
    expect(await textOf(byTestId(staff.page, 'follow-up-detail'))).toContain('周女士');
    await settled(staff.page);
    await byTestId(staff.page, 'input-contactNote').locator('input').fill('已电话联系周女士，核实当日情况');
    await byTestId(staff.page, 'input-answer').locator('textarea').fill(ANSWER);
    await byTestId(staff.page, 'respond').click();
    await confirmModal(staff.page, /将向评价人/);
    await byTestId(staff.page, 'follow-up-status').filter({ hasText: '已答复' }).waitFor();
    expect(await textOf(byTestId(staff.page, 'follow-up-response'))).toContain(ANSWER);
    expect(await e2e.cloud.store.collection('followUps').get(ratingId)).toMatchObject({
      status: 'answered',
      answeredOnTime: true,
      response: { answer: ANSWER, respondedBy: 'demo-rater', rectification: 'immediate' },
    });

    // The resident reads the outcome under 我的评价 and says it solved the problem.
    await e2e.open(resident.page, '/pages/me/index');
    await byTestId(resident.page, 'my-ratings-entry').click();
    await listLoaded(resident.page);
    const mine = byTestId(resident.page, 'my-rating').filter({ hasText: COMMENT });
    expect(await textOf(mine.locator('[data-testid=my-rating-answer]'))).toBe(ANSWER);
    expect(await textOf(mine.locator('[data-testid=my-rating-outcome]'))).toContain('立行立改');
    await settled(resident.page);
    await resident.page.screenshot({ path: 'test-results/e2e-my-ratings.png' });
    await mine.locator('[data-testid=feedback-solved]').click();
    expect(await textOf(mine.locator('[data-testid=my-rating-feedback]'))).toContain('问题已解决');
    expect((await e2e.cloud.store.collection('followUps').get(ratingId))?.feedback).toMatchObject({ solved: true });

    // The public page: the rater's name and comment text are not part of the figures; the figures count the rating.
    await e2e.open(resident.page, '/rating/pages/stats/index');
    const row = byTestId(resident.page, 'stats-window').filter({ hasText: '3号窗口' });
    await row.waitFor();
    expect(await textOf(byTestId(resident.page, 'stats-rate'))).toMatch(/^\d{2,3}\.\d{2}%$/);
    // The demo's two bare-QR ratings of 1号窗口 are shown apart, outside the figures.
    expect(await textOf(byTestId(resident.page, 'stats-unverified'))).toContain('另有未核验评价 2 条（未计入）');
    expect(await textOf(byTestId(resident.page, 'stats-window').filter({ hasText: '1号窗口' }))).toContain('另有未核验评价 2 条（未计入）');
    await byTestId(resident.page, 'trend-chart').waitFor();
    await settled(resident.page);
    await resident.page.screenshot({ path: 'test-results/e2e-rating-stats.png' });

    await staff.context.close();
    await resident.context.close();
  }, TEST_TIMEOUT * 2);
});
