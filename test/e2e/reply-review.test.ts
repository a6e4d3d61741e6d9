import type { Page } from 'playwright-core';
import { byTestId, confirmModal, e2eDescribe, settled, TEST_TIMEOUT, textOf, useE2E } from '../support/e2e';
import { application } from '../support/request-factories';
import { signedInClient } from '../support/signed-in-client';

/**
 * 公开审查 (条例 Art. 17) of a reply letter in Chromium over the H5 build and the local cloud, with the
 * bureau's defaults (a reply waits for a reviewer): the clerk's reply is submitted, not issued — the
 * request stays 办理中 for the applicant and nobody is told — until 孙静 reads the letter and approves;
 * only then is the applicant notified and reads the reply.
 */
e2eDescribe('a reply waits for review in Chromium', () => {
  const e2e = useE2E({ review: true, dispatchIntervalMs: false });
  const client = signedInClient(() => e2e.base);
  const fill = (page: Page, name: string, value: string, tag: 'input' | 'textarea' = 'input') => byTestId(page, `input-${name}`).locator(tag).fill(value);

  test('the clerk replies → nothing reaches the applicant → the reviewer approves the letter → the applicant is told and reads it', async () => {
    const stamp = Date.now().toString().slice(-6);
    const resident = `resident-e2e-${stamp}`;
    const submitted = await client.api(resident, 'requests', 'submit', application());
    const registered = await client.api('demo-clerk', 'requests', 'register', { id: submitted.id, version: submitted.version });
    const news = (cause: string) => e2e.cloud.store.collection('outbox').count({ subjectId: registered.id, cause });

    // The clerk replies from the request's page: submitted for review, the form gone, still 办理中.
    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, 'demo-clerk');
    await e2e.open(clerk.page, `/admin/pages/request/index?id=${encodeURIComponent(registered.id)}`);
    await byTestId(clerk.page, 'request-status').filter({ hasText: '办理中' }).waitFor();
    await settled(clerk.page);
    await byTestId(clerk.page, 'choice-replyGroup-disclosed').click();
    const replyText = `经审查，现向您提供桂园${stamp}小区改造项目招标文件。`;
    await fill(clerk.page, 'replyText', replyText, 'textarea');
    await byTestId(clerk.page, 'do-reply').click();
    // The clerk is told before it goes: to 孙静 for review, the applicant told only after approval.
    await confirmModal(clerk.page, /提交孙静.*审核通过后才向申请人/);
    await clerk.page.getByText('已提交审核').first().waitFor();
    await byTestId(clerk.page, 'do-reply').waitFor({ state: 'detached' });
    expect(await textOf(byTestId(clerk.page, 'request-status'))).toContain('办理中');
    expect((await e2e.cloud.store.collection('requests').get(registered.id))!).toMatchObject({ status: 'registered', version: registered.version });
    expect(await news('requestReplied')).toBe(0);

    // The reviewer reads the letter exactly as it will go out, and approves after being told what follows.
    const reviewer = await e2e.phone();
    await e2e.signIn(reviewer.context, 'demo-reviewer');
    await e2e.open(reviewer.page, '/admin/pages/reviews/index');
    const queued = byTestId(reviewer.page, 'review-item').filter({ hasText: registered.trackingNumber });
    await queued.waitFor();
    expect(await textOf(queued.locator('[data-testid=review-kind]'))).toBe('答复申请');
    expect(await textOf(queued)).toContain('提交人：李华');
    await queued.click();
    await settled(reviewer.page);
    expect(await textOf(byTestId(reviewer.page, 'review-text-body'))).toContain(replyText);
    expect(await textOf(byTestId(reviewer.page, 'review-text-body'))).toContain('行政复议');
    await byTestId(reviewer.page, 'review-approve').click();
    await confirmModal(reviewer.page, /答复书立即送达申请人/);
    await byTestId(reviewer.page, 'review-status').filter({ hasText: '已通过' }).waitFor();

    // Issued now: the applicant is told, and reads the reply without either staff name.
    expect((await e2e.cloud.store.collection('requests').get(registered.id))!.status).toBe('replied');
    expect(await news('requestReplied')).toBe(1);
    const applicant = await e2e.phone();
    await e2e.signIn(applicant.context, resident);
    await e2e.open(applicant.page, `/requests/pages/detail/index?id=${encodeURIComponent(registered.id)}`);
    expect(await textOf(byTestId(applicant.page, 'reply-text'))).toBe(replyText);
    expect(await applicant.page.locator('body').textContent()).not.toMatch(/孙静|李华/);
    await Promise.all([clerk.context.close(), reviewer.context.close(), applicant.context.close()]);
  }, TEST_TIMEOUT);
});
