/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import NoticeEditPage from '../../miniprogram/admin/pages/notice-edit/index';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { consultation, policy } from '../support/factories';
import { recorded, resetTaro } from '../support/taro';

/** The staff editor and the resident detail page over the real functions and SQLite. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });

test('the editor shows the schema\'s errors next to the fields and writes nothing', async () => {
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  render(<NoticeEditPage />);
  await waitFor(() => screen.getByTestId('input-title'));
  const before = await cloud.store.collection('notices').count();
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(recorded.toasts).toContain('请检查标红的内容'));
  expect(screen.getAllByText('此项必填')).toHaveLength(2); // title and body
  expect(await cloud.store.collection('notices').count()).toBe(before);
});

test('staff write and publish; the resident then reads it', async () => {
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  const editor = render(<NoticeEditPage />);
  await waitFor(() => screen.getByTestId('input-title'));
  type('title', '关于冬季供暖服务热线的通知');
  type('body', '供暖期间服务热线24小时值守。');
  // Publishing asks first, saying what will happen and to whom; 再看看 sends nothing.
  recorded.modalAnswer = false;
  const before = await cloud.store.collection('notices').count();
  fireEvent.click(screen.getByTestId('publish'));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  expect(recorded.modals[0].content).toContain('《关于冬季供暖服务热线的通知》');
  expect(recorded.modals[0].content).toMatch(/所有居民.*订阅“通知公告”的居民会收到通知/);
  expect(await cloud.store.collection('notices').count()).toBe(before);
  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId('publish'));
  await waitFor(() => expect(recorded.toasts).toContain('已发布'));
  expect(screen.getByTestId('edit-status').textContent).toContain('已发布');

  const list = ok(await cloud.call('resident-a', 'notices', { action: 'list', data: { limit: 1 } }));
  expect(list.items[0].title).toBe('关于冬季供暖服务热线的通知');

  editor.unmount();
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: list.items[0].id });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('notice-title').textContent).toBe('关于冬季供暖服务热线的通知'));
  expect(screen.getByText('供暖期间服务热线24小时值守。')).toBeTruthy();
});

test('a resident who reaches the editor is refused by the server', async () => {
  setTransport(cloud.transportAs('resident-a'));
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title: '草稿', body: '正文', departmentId: 'office' } } }));
  resetTaro({ id: draft.id });
  render(<NoticeEditPage />);
  await waitFor(() => expect(screen.getByText('您没有权限执行此操作')).toBeTruthy());
});

test('a withdrawn notice opened from an old link says it was withdrawn and when, offers the way home, and no retry', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title: '将撤回', body: '正文', departmentId: 'office' } } }));
  const published = ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: 1 } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'withdraw', data: { id: draft.id, version: published.version, reason: '内容有误' } }));
  setTransport(cloud.transportAs(null));
  resetTaro({ id: draft.id });
  render(<NoticeDetailPage />);
  await waitFor(() => expect(screen.getByTestId('dead-end-title').textContent).toBe('这条信息已撤回'));
  // What happened, with the day, in plain words; never the reason or the content; and the way home.
  expect(screen.getByTestId('dead-end-text').textContent).toMatch(/^该信息已于 \d{4}-\d{2}-\d{2} 撤回，不再公开。/);
  expect(screen.getByTestId('detail-error').textContent).not.toContain('内容有误');
  expect(screen.getByTestId('detail-error').textContent).not.toContain('将撤回');
  expect(screen.queryByText('重新加载')).toBeNull();
  fireEvent.click(screen.getByTestId('go-home'));
  expect(recorded.navigations).toEqual(['/pages/index/index']);
});

const labels = (select: HTMLSelectElement) => Array.from(select.options, (o) => o.textContent);

test('a repealed policy picks its replacement, and a consultation its result, from the published notices', async () => {
  const replacement = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: policy({ title: '新版管理办法' }) } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: replacement.id, version: replacement.version } }));
  const old = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: policy({ title: '旧版管理办法', validity: 'repealed' }) } }));
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro({ id: old.id });
  const editor = render(<NoticeEditPage />);
  const picker = await waitFor(() => {
    const select = screen.getByTestId('pick-replacement').querySelector('select')!;
    expect(labels(select)).toContain('新版管理办法');
    return select;
  });
  // Only published policies are offered: not announcements, not the draft itself.
  expect(labels(picker)).not.toContain('旧版管理办法');
  fireEvent.change(picker, { target: { value: String(labels(picker).indexOf('新版管理办法')) } });
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(recorded.toasts).toContain('已保存草稿'));
  expect(ok(await cloud.call('demo-editor', 'notices', { action: 'manageGet', data: { id: old.id } })).replacedById).toBe(replacement.id);
  editor.unmount();

  const open = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: consultation({ title: '征求意见稿' }) } }));
  resetTaro({ id: open.id });
  render(<NoticeEditPage />);
  const results = await waitFor(() => {
    const select = screen.getByTestId('pick-result').querySelector('select')!;
    expect(labels(select)).toContain('新版管理办法');
    return select;
  });
  fireEvent.change(results, { target: { value: String(labels(results).indexOf('新版管理办法')) } });
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(recorded.toasts).toContain('已保存草稿'));
  expect(ok(await cloud.call('demo-editor', 'notices', { action: 'manageGet', data: { id: open.id } })).resultNoticeId).toBe(replacement.id);
});

test('公开审查: saving a correction of a published notice says it waits for review, and residents keep the published text', async () => {
  const draft = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: { kind: 'announcement', title: '停水通知', body: '正文', departmentId: 'office' } } }));
  ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: draft.id, version: draft.version } }));
  const settings = ok(await cloud.call('demo-admin', 'reviews', { action: 'settings', data: {} }));
  ok(await cloud.call('demo-admin', 'reviews', { action: 'saveSettings', data: { version: settings.version, required: ['notice.correct'] } }));
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro({ id: draft.id });
  render(<NoticeEditPage />);
  await waitFor(() => expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe('停水通知'));
  type('title', '停水通知（更正）');
  // Saving a published notice publishes a correction subscribers hear of: asked first, and nothing is sent when declined.
  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(recorded.modals).toEqual([expect.objectContaining({ title: '确认发布更正', content: expect.stringContaining('订阅“通知公告”的居民会收到更正通知') })]));
  expect(await cloud.store.collection('reviews').count({ subjectId: draft.id, kind: 'notice.correct' })).toBe(0);
  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId('save'));
  await waitFor(() => expect(recorded.toasts).toContain('更正已提交审核，审核通过后生效'));
  expect(ok(await cloud.call('resident-a', 'notices', { action: 'get', data: { id: draft.id } })).title).toBe('停水通知');
  expect(await cloud.store.collection('reviews').count({ subjectId: draft.id, kind: 'notice.correct', status: 'pending' })).toBe(1);
});
