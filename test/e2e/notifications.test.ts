import type { Page } from 'playwright-core';
import { INBOX } from '../../cloudfunctions/_notifications/records';
import { inboxPage, unreadCount } from '../../cloudfunctions/inbox/resident-inbox';
import { application } from '../support/request-factories';
import { byTestId, confirmModal, e2eDescribe, listLoaded, settled, TEST_TIMEOUT, textOf, useE2E, waitUntil as waitFor } from '../support/e2e';

/**
 * Subscriptions and the message centre, as people use them, in Chromium over
 * the H5 build and the local cloud (its dispatcher running on a short interval):
 * a resident subscribes to 通知公告, staff publish one, and the resident's
 * 消息 shows it with the unread badge on 我的; a request reply likewise.
 */
e2eDescribe('subscriptions and the message centre in Chromium', () => {
  const e2e = useE2E({ dispatchIntervalMs: 200 });

  const openMe = async (page: Page) => {
    await e2e.open(page, '/pages/me/index');
    await byTestId(page, 'me-identity').waitFor();
    await settled(page);
  };

  test('a resident subscribes to 通知公告; staff publish one; 消息 shows it unread, and reading it clears the badge', async () => {
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'resident-e2e');

    // 我的 → 我的订阅: no badge yet; subscribe to 通知公告. In H5 WeChat reminders do not exist, and the page says so.
    await openMe(resident.page);
    expect(await byTestId(resident.page, 'unread-badge').count()).toBe(0);
    await byTestId(resident.page, 'subscriptions-entry').click();
    const announcement = byTestId(resident.page, 'topic-kind-announcement');
    await announcement.waitFor();
    await settled(resident.page);
    expect(await textOf(byTestId(resident.page, 'wechat-unavailable'))).toContain('只能在微信小程序中开启');
    expect(await announcement.getAttribute('data-subscribed')).toBe('no');
    await announcement.click();
    await resident.page.locator('[data-testid=topic-kind-announcement][data-subscribed=yes]:visible').waitFor();
    expect(await textOf(byTestId(resident.page, 'subscriptions-notice'))).toContain('订阅成功');
    await resident.page.screenshot({ path: 'test-results/e2e-subscriptions.png' });

    // Staff publish a 通知公告 through the editor.
    const stamp = Date.now().toString().slice(-6);
    const title = `关于溪岸${stamp}小区电梯维保的通知`;
    const staff = await e2e.phone();
    await e2e.signIn(staff.context, 'demo-editor');
    await e2e.open(staff.page, '/admin/pages/notice-edit/index');
    await byTestId(staff.page, 'input-title').waitFor();
    await settled(staff.page);
    expect(await textOf(byTestId(staff.page, 'pick-kind'))).toBe('通知公告');
    await byTestId(staff.page, 'input-title').locator('input').fill(title);
    await byTestId(staff.page, 'input-body').locator('textarea').fill('本周四上午电梯停运维保，请居民合理安排出行。');
    await settled(staff.page);
    await byTestId(staff.page, 'publish').click();
    await confirmModal(staff.page);
    await byTestId(staff.page, 'edit-status').filter({ hasText: '已发布' }).waitFor();

    // Fan-out on read: the bulletin is in the resident's 消息 as soon as the publication commits.
    await waitFor(async () => (await inboxPage(e2e.cloud.store, 'resident-e2e', null, 20)).items.length === 1);

    // 我的 shows the unread badge; 消息 lists it first, marked unread.
    await openMe(resident.page);
    await byTestId(resident.page, 'unread-badge').waitFor();
    expect(await textOf(byTestId(resident.page, 'unread-badge'))).toBe('1');
    // The tab bar's badge on 我的 sits beside its icon, never over its label.
    const meTab = resident.page.locator('.weui-tabbar__item').nth(3);
    await meTab.locator('.weui-badge:visible').waitFor();
    const [badge, label] = await Promise.all([meTab.locator('.weui-badge').boundingBox(), meTab.locator('.weui-tabbar__label').boundingBox()]);
    expect(badge && label && badge.y + badge.height <= label.y).toBe(true);
    await byTestId(resident.page, 'inbox-entry').click();
    const first = byTestId(resident.page, 'inbox-item').first();
    await first.waitFor();
    expect(await listLoaded(resident.page)).toBe('end');
    expect(await textOf(first)).toContain(title);
    expect(await textOf(first)).toContain('局办公室发布了通知公告');
    expect(await byTestId(resident.page, 'inbox-unread-dot').count()).toBe(1);
    expect(await textOf(byTestId(resident.page, 'inbox-unread'))).toBe('1 条未读');
    await settled(resident.page);
    await resident.page.screenshot({ path: 'test-results/e2e-inbox.png' });

    // Tapping it opens the notice and marks it read; back on 我的 the badge is gone.
    await first.click();
    expect(await textOf(byTestId(resident.page, 'notice-title'))).toBe(title);
    await waitFor(async () => (await unreadCount(e2e.cloud.store, 'resident-e2e')) === 0);
    await openMe(resident.page);
    await byTestId(resident.page, 'inbox-entry').waitFor();
    expect(await byTestId(resident.page, 'unread-badge').count()).toBe(0);

    // Staff see how it went: one in-app message, no WeChat grant in H5.
    const staffReport = await staff.context.request.post(`${e2e.base}/api/deliveries`, {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({ action: 'forSubject', data: { subjectId: (await noticeIdOf(title))! } }),
    });
    expect(await staffReport.json()).toMatchObject({ ok: true, data: { inApp: 1, read: 1, wechat: { noGrant: 1, sent: 0 } } });
    await resident.context.close();
    await staff.context.close();
  }, TEST_TIMEOUT);

  test('a reply to a disclosure request shows up in 消息 with the badge, and opens the request', async () => {
    const resident = await e2e.phone();
    await e2e.signIn(resident.context, 'applicant-e2e');
    const clerk = await e2e.phone();
    await e2e.signIn(clerk.context, 'demo-clerk');
    const api = async (context: typeof resident.context, fn: string, action: string, data: object) => {
      const res = await context.request.post(`${e2e.base}/api/${fn}`, { headers: { 'content-type': 'application/json' }, data: JSON.stringify({ action, data }) });
      const body = await res.json();
      if (!body.ok) throw new Error(`${fn}.${action}: ${body.code} ${body.message}`);
      return body.data;
    };
    // The resident applies; the clerk registers and answers.
    const submitted = await api(resident.context, 'requests', 'submit', application());
    const registered = await api(clerk.context, 'requests', 'register', { id: submitted.id, version: submitted.version });
    await api(clerk.context, 'requests', 'reply', {
      id: registered.id, version: registered.version, category: 'partial', text: '经查，招标文件予以公开，报价明细涉及商业秘密不予公开。', attachments: [],
    });
    await waitFor(async () => (await e2e.cloud.store.collection(INBOX).count({ openid: 'applicant-e2e' })) === 1);

    await openMe(resident.page);
    await byTestId(resident.page, 'unread-badge').waitFor();
    expect(await textOf(byTestId(resident.page, 'unread-badge'))).toBe('1');
    await byTestId(resident.page, 'inbox-entry').click();
    const message = byTestId(resident.page, 'inbox-item').first();
    await message.waitFor();
    expect(await textOf(message)).toContain('您的政府信息公开申请已答复');
    expect(await textOf(message)).toContain(submitted.trackingNumber);
    await message.click();
    expect(await textOf(byTestId(resident.page, 'tracking-number'))).toBe(submitted.trackingNumber);
    await resident.context.close();
    await clerk.context.close();
  }, TEST_TIMEOUT);

  async function noticeIdOf(title: string): Promise<string | undefined> {
    const page = await e2e.cloud.store.collection('notices').find({ orderBy: [['updatedAt', 'desc']], limit: 20 });
    return page.items.find((n) => n.title === title)?.id;
  }
});
