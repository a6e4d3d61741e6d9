/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import InboxPage from '../../miniprogram/pages/inbox/index';
import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { recorded, resetTaro } from '../support/taro';

/** 退回修改 in the author's 消息: the reviewer's comment, and a tap opens the review item in the staff area. */
let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await createCloudHarness({ review: true });
});
afterAll(() => {
  setTransport(null);
  cloud.close();
});

test('the editor reads the comment in 消息 and the message opens the item', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: announcement({ title: '退回页面测试通知' }) } }));
  const { reviewId } = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const item = ok(await cloud.call('demo-reviewer', 'reviews', { action: 'get', data: { id: reviewId } }));
  ok(await cloud.call('demo-reviewer', 'reviews', { action: 'sendBack', data: { id: item.id, version: item.version, comment: '请写明停水时段。' } }));
  await dispatchAll(cloud);

  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  render(<InboxPage />);
  const message = await screen.findByText('退回修改：退回页面测试通知');
  expect(screen.getByText('您提交的“发布公开信息”被孙静退回。审核意见：请写明停水时段。')).toBeTruthy();
  fireEvent.click(message);
  await waitFor(() => expect(recorded.navigations).toEqual([`/admin/pages/review/index?id=${encodeURIComponent(reviewId)}`]));
});
