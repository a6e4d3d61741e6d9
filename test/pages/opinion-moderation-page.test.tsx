/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import OpinionsPage from '../../miniprogram/admin/pages/opinions/index';
import { setTransport } from '../../miniprogram/api/transport';
import type { Notice } from '../../shared/notices/notice-schema';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { consultation } from '../support/factories';
import { recorded, resetTaro, trigger } from '../support/taro';

/** Staff choose which residents' opinions to publish, over the real functions and SQLite. */
let cloud: CloudHarness;
let notice: Notice;
beforeEach(async () => {
  cloud = await createCloudHarness();
  cloud.clock.now = new Date('2026-11-24T02:00:00Z');
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation({ title: '关于小区停车收费调整的征求意见' }) } }));
  notice = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

const comment = async (openid: string, text: string) => ok(await cloud.call(openid, 'notices', { action: 'comment', data: { id: notice.id, text } }));
const stored = (id: string) => cloud.store.collection('noticeComments').get(id);
const items = () => screen.queryAllByTestId('moderation-item');

test('pending opinions with what screening flagged; publish one with a reply, decline another', async () => {
  const fine = await comment('resident-a', '建议夜间临时停车免费，方便探望老人的家属。');
  const flagged = await comment('resident-b', '想办证的加微信联系我，价格优惠。');
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro({ id: notice.id });
  render(<OpinionsPage />);
  await waitFor(() => expect(items()).toHaveLength(2));
  expect(screen.getByTestId('moderation-notice').textContent).toBe('关于小区停车收费调整的征求意见');
  const flaggedItem = items().find((i) => i.textContent?.includes('加微信'))!;
  expect(flaggedItem.querySelector('[data-testid=moderation-flag]')?.textContent).toContain('内容检测提示');
  const fineItem = items().find((i) => i.textContent?.includes('夜间临时停车'))!;
  expect(fineItem.querySelector('[data-testid=moderation-flag]')).toBeNull();
  // Staff see a masked author, never the OPENID.
  expect(document.body.textContent).not.toContain('resident-a');

  const reply = '感谢建议，我们将研究设置夜间临时停车时段。';
  fireEvent.change(fineItem.querySelector('[data-testid=input-reply]')!, { target: { value: reply } });
  fireEvent.click(fineItem.querySelector('[data-testid=moderation-publish]')!);
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(recorded.toasts).toContain('已公开并答复');
  expect(await stored(fine.id)).toMatchObject({ status: 'published', reply: { text: reply } });

  fireEvent.click(items()[0].querySelector('[data-testid=moderation-hide]')!);
  await waitFor(() => expect(screen.getByTestId('list-empty').textContent).toContain('没有待审核的意见'));
  expect(await stored(flagged.id)).toMatchObject({ status: 'hidden', reply: null });

  // Residents now read the one published, with its reply; the declined one nowhere.
  const published = ok(await cloud.call(null, 'notices', { action: 'comments', data: { id: notice.id } }));
  expect(published.items).toEqual([expect.objectContaining({ text: fine.text, reply: expect.objectContaining({ text: reply }) })]);

  fireEvent.click(screen.getByTestId('moderation-tab-published'));
  await waitFor(() => expect(items()).toHaveLength(1));
  expect(items()[0].textContent).toContain(`已答复：${reply}`);
});

test('a reply too short is refused beside the field and nothing changes; a stale decision says someone else acted', async () => {
  const first = await comment('resident-a', '建议保留每户一个免费车位。');
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro({ id: notice.id });
  render(<OpinionsPage />);
  await waitFor(() => expect(items()).toHaveLength(1));
  fireEvent.change(items()[0].querySelector('[data-testid=input-reply]')!, { target: { value: '好' } });
  fireEvent.click(items()[0].querySelector('[data-testid=moderation-publish]')!);
  await waitFor(() => expect(items()[0].querySelector('.field__error')?.textContent).toBe('回复至少需要2个字'));
  expect(await stored(first.id)).toMatchObject({ status: 'pending' });

  // Another editor publishes it while this page still shows version 1.
  const version = (await cloud.store.collection('noticeComments').get(first.id))!.version;
  ok(await cloud.call('demo-admin', 'notices', { action: 'moderateComment', data: { commentId: first.id, version, decision: 'publish' } }));
  fireEvent.click(items()[0].querySelector('[data-testid=moderation-hide]')!);
  await waitFor(() => expect(recorded.toasts).toContain('内容已被他人修改，请刷新后重试'));
  await waitFor(() => expect(screen.getByTestId('list-empty')).toBeTruthy());
  expect(await stored(first.id)).toMatchObject({ status: 'published' });
});

test('pages ten at a time: reaching the bottom loads the rest', async () => {
  for (let i = 1; i <= 12; i++) {
    cloud.clock.now = new Date(Date.UTC(2026, 10, 24, 2, i));
    await comment(`resident-${i}`, `第${i}条意见：建议增加充电车位。`);
  }
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro({ id: notice.id });
  render(<OpinionsPage />);
  await waitFor(() => expect(items()).toHaveLength(10));
  act(() => trigger('reachBottom'));
  await waitFor(() => expect(items()).toHaveLength(12));
  expect(screen.getByTestId('list-end')).toBeTruthy();
});

test('without a notice: the published consultations to choose from', async () => {
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  render(<OpinionsPage />);
  await waitFor(() => expect(screen.getAllByTestId('opinions-notice').length).toBeGreaterThan(0));
  const ours = screen.getAllByTestId('opinions-notice').find((c) => c.textContent?.includes('关于小区停车收费调整的征求意见'))!;
  fireEvent.click(ours);
  expect(recorded.navigations).toEqual([`/admin/pages/opinions/index?id=${notice.id}`]);
});
