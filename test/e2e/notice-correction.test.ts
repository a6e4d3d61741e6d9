import { inboxPage } from '../../cloudfunctions/inbox/resident-inbox';
import { chineseDate } from '../../shared/notices/notice-corrections';
import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E, waitUntil } from '../support/e2e';

/**
 * 更正 in Chromium over the H5 build and the local cloud, with the bureau's default review (a
 * correction waits for a reviewer): a resident subscribed to 通知公告, the editor corrects a published
 * one (asked first), 孙静 approves it, and the resident sees 更正 with the date and what changed on
 * the notice's page and on its card, and finds the correction in 消息.
 */
e2eDescribe('a correction of a published notice in Chromium', () => {
  const e2e = useE2E({ review: true, dispatchIntervalMs: 200 });
  const notices = () => e2e.cloud.store.collection('notices');

  test('editor corrects → reviewer approves → the resident sees 更正 with the date and the sentence, and is told in 消息', async () => {
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'resident-correction-e2e');
    const subscribed = await resident.context.request.post(`${e2e.base}/api/subscriptions`, {
      headers: { 'content-type': 'application/json', origin: e2e.base },
      data: JSON.stringify({ action: 'subscribe', data: { kind: 'announcement' } }),
    });
    expect(subscribed.status()).toBe(200);

    // The newest published 通知公告 of the demo bureau, corrected by a line added at its end.
    const target = (await notices().find({ where: { status: 'published', kind: 'announcement' }, orderBy: [['publishedAt', 'desc']], limit: 1 })).items[0];
    const paragraphs = target.body.split('\n').filter((p) => p.trim()).length;
    const addedLine = '停水时段调整为每日9:00至15:00，如有疑问请致电0571-8800 0000。';
    const editor = await e2e.phone();
    await e2e.signIn(editor.context, 'demo-editor');
    await e2e.open(editor.page, `/admin/pages/notice-edit/index?id=${encodeURIComponent(target.id)}`);
    await byTestId(editor.page, 'input-body').waitFor();
    await settled(editor.page);
    await byTestId(editor.page, 'input-body').locator('textarea').fill(`${target.body}\n${addedLine}`);
    await byTestId(editor.page, 'save').click();
    await confirmModal(editor.page, /保存修改即发布更正.*订阅“通知公告”的居民会收到更正通知/);
    await byTestId(editor.page, 'review-pending').waitFor();

    // 孙静 reads the change and approves it, told first what residents will see.
    const reviewer = await e2e.phone();
    await e2e.signIn(reviewer.context, 'demo-reviewer');
    await e2e.open(reviewer.page, '/admin/pages/reviews/index');
    await listLoaded(reviewer.page);
    const queued = byTestId(reviewer.page, 'review-item').filter({ hasText: target.title });
    expect(await textOf(queued.locator('[data-testid=review-kind]'))).toBe('更正已发布信息');
    await queued.click();
    await settled(reviewer.page);
    await byTestId(reviewer.page, 'review-approve').click();
    await confirmModal(reviewer.page, /更正立即生效：居民看到“更正”标记、日期和改动说明/);
    await byTestId(reviewer.page, 'review-status').filter({ hasText: '已通过' }).waitFor();

    // The resident: the notice's page says when and what; its card in the list says 更正.
    const line = `${chineseDate(new Date().toISOString())}更正：修改了正文第${paragraphs + 1}段`;
    await e2e.open(resident.page, `/pages/notice-detail/index?id=${encodeURIComponent(target.id)}`);
    await byTestId(resident.page, 'notice-correction').waitFor();
    expect(await textOf(byTestId(resident.page, 'notice-correction'))).toBe(`更正${line}`);
    await resident.page.getByText(addedLine, { exact: true }).waitFor();
    await resident.page.screenshot({ path: 'test-results/e2e-notice-correction.png' });
    await e2e.open(resident.page, '/pages/notices/index?kind=announcement');
    await listLoaded(resident.page);
    const card = byTestId(resident.page, 'notice-card').filter({ hasText: target.title }).first();
    expect(await textOf(card.locator('[data-testid=correction-mark]'))).toBe('更正');

    // 消息: the correction, once.
    await waitUntil(async () => (await inboxPage(e2e.cloud.store, 'resident-correction-e2e', null, 20)).items.length === 1);
    await e2e.open(resident.page, '/pages/inbox/index');
    const message = byTestId(resident.page, 'inbox-item').first();
    await message.waitFor();
    expect(await textOf(message)).toContain(`更正：${target.title}`);
    expect(await textOf(message)).toContain(line);
    expect(await byTestId(resident.page, 'inbox-item').count()).toBe(1);
    await Promise.all([resident.context.close(), editor.context.close(), reviewer.context.close()]);
  }, TEST_TIMEOUT);
});
