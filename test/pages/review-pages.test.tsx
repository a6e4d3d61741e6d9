/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ReviewsPage from '../../miniprogram/admin/pages/reviews/index';
import ReviewPage from '../../miniprogram/admin/pages/review/index';
import ReviewSettingsPage from '../../miniprogram/admin/pages/review-settings/index';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { chineseDate, correctionLine } from '../../shared/notices/notice-corrections';
import { diffChars, diffLines } from '../../shared/notices/text-diff';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** 公开审查's pages over the real functions and SQLite, review on as the bureau's default has it. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c), { review: true });

const call = (as: string, fn: string, action: string, data: unknown) => cloud.call(as, fn, { action, data });

async function submitted(title: string) {
  const draft = ok(await call('demo-editor', 'notices', 'save', { notice: announcement({ title, body: '第一段。\n第二段。' }) }));
  const { reviewId } = ok(await call('demo-editor', 'notices', 'publish', { id: draft.id, version: draft.version }));
  return { draft, reviewId: reviewId as string };
}

function as(openid: string, params: Record<string, string> = {}) {
  setTransport(cloud.transportAs(openid));
  forgetWhoami();
  resetTaro(params);
}

test('the queue shows kind, subject, author and how long each item has waited', async () => {
  // Submitted 26½ hours before now, by the phone's clock (the page counts from it).
  cloud.clock.now = new Date(Date.now() - 26.5 * 3_600_000);
  await submitted('待审核的停水通知');
  as('demo-reviewer');
  render(<ReviewsPage />);
  const item = await waitFor(() => screen.getByTestId('review-item'));
  expect(screen.getByTestId('review-kind').textContent).toBe('发布公开信息');
  expect(screen.getByTestId('review-subject').textContent).toBe('待审核的停水通知');
  expect(item.textContent).toContain('提交人：王芳');
  expect(screen.getByTestId('review-waited').textContent).toBe('已等待 1 天 2 小时');
  expect(screen.getByTestId('review-waited').className).toContain('badge--open'); // over a day: red
  fireEvent.click(item);
  expect(recorded.navigations[0]).toMatch(/^\/admin\/pages\/review\/index\?id=/);
});

test('approving asks first, saying what happens and to whom; 再看看 leaves it pending', async () => {
  const { draft, reviewId } = await submitted('审核页的通知');
  as('demo-reviewer', { id: reviewId });
  render(<ReviewPage />);
  await waitFor(() => expect(screen.getByTestId('review-text-title').textContent).toBe('审核页的通知'));
  expect(screen.getByTestId('review-text-body').textContent).toBe('第一段。\n第二段。');

  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId('review-approve'));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  expect(recorded.modals[0].content).toContain('《审核页的通知》');
  expect(recorded.modals[0].content).toContain('立即公开发布：所有居民可在“政务公开”中看到');
  expect(recorded.modals[0].content).toContain('提交人：王芳');
  expect(ok(await call('demo-reviewer', 'reviews', 'get', { id: reviewId })).status).toBe('pending');

  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId('review-approve'));
  await waitFor(() => expect(screen.getByTestId('review-status').textContent).toBe('已通过'));
  expect(recorded.toasts).toContain('已审核通过');
  expect((await cloud.store.collection('notices').get(draft.id))!.status).toBe('published');
});

test('sending back needs a comment; the author sees it, no decision buttons, and the way back to the editor', async () => {
  const { draft, reviewId } = await submitted('将被退回的通知');
  as('demo-reviewer', { id: reviewId });
  const page = render(<ReviewPage />);
  await waitFor(() => screen.getByTestId('review-send-back'));
  fireEvent.click(screen.getByTestId('review-send-back'));
  await waitFor(() => screen.getByText('请写明退回的理由和需要修改之处'));
  expect(ok(await call('demo-reviewer', 'reviews', 'get', { id: reviewId })).status).toBe('pending');
  fireEvent.change(screen.getByTestId('input-review-comment'), { target: { value: '请注明停水时段。' } });
  fireEvent.click(screen.getByTestId('review-send-back'));
  await waitFor(() => expect(screen.getByTestId('review-status').textContent).toBe('已退回'));
  expect(recorded.modals).toHaveLength(0); // a send-back changes nothing outside: no confirmation needed
  page.unmount();

  as('demo-editor', { id: reviewId });
  render(<ReviewPage />);
  await waitFor(() => expect(screen.getByTestId('review-comment').textContent).toBe('审核意见：请注明停水时段。'));
  expect(screen.queryByTestId('review-approve')).toBeNull();
  fireEvent.click(screen.getByTestId('review-fix'));
  expect(recorded.navigations).toEqual([`/admin/pages/notice-edit/index?id=${encodeURIComponent(draft.id)}`]);
});

test('a reviewer opening their own submission is told someone else must decide', async () => {
  const draft = ok(await call('demo-admin', 'notices', 'save', { notice: announcement({ title: '管理员写的通知' }) }));
  const { reviewId } = ok(await call('demo-admin', 'notices', 'publish', { id: draft.id, version: draft.version }));
  as('demo-admin', { id: reviewId });
  render(<ReviewPage />);
  await waitFor(() => screen.getByTestId('review-own'));
  expect(screen.queryByTestId('review-approve')).toBeNull();
});

test('an item that carries a diff (a correction) shows the change above the text', async () => {
  const { reviewId } = await submitted('带改动的事项');
  // The shape a correction carries (notice-versions.ts NoticeDiff), written as the server would.
  const diff = {
    title: diffChars('带改动的事项', '带改动的事项'), summary: [], body: diffLines('第一段。\n第二段。', '第一段。\n第二段（更正）。'), otherFields: [], status: null,
    attachments: { added: [{ name: '更正说明.pdf', url: '/files/abc', sizeBytes: 10 }], removed: [] },
  };
  await cloud.store.collection('reviews').update(reviewId, 1, { diff } as never);
  as('demo-reviewer', { id: reviewId });
  render(<ReviewPage />);
  await waitFor(() => screen.getByTestId('version-diff'));
  expect(screen.getByTestId('diff-body').textContent).toContain('（更正）');
  expect(screen.getByTestId('review-attachments').textContent).toBe('＋ 附件：更正说明.pdf');
});

test('a correction shows the 更正 sentence residents will read beside the diff; approved, residents read exactly it', async () => {
  // The phone's clock and the cloud's agree: the line is dated the day it is approved.
  cloud.clock.now = new Date();
  const { draft, reviewId: first } = await submitted('将被更正的通知');
  ok(await call('demo-reviewer', 'reviews', 'approve', { id: first, version: 1 }));
  const published = ok(await call('demo-editor', 'notices', 'manageGet', { id: draft.id }));
  const pending = ok(await call('demo-editor', 'notices', 'save', { id: draft.id, version: published.version, notice: announcement({ title: '将被更正的通知', body: '第一段。\n第二段（更正）。' }) }));
  expect(pending).toMatchObject({ pendingReview: true });
  as('demo-reviewer', { id: pending.reviewId });
  render(<ReviewPage />);
  const line = await screen.findByTestId('review-correction-line');
  const expected = `${chineseDate(new Date().toISOString())}更正：修改了正文第2段`;
  expect(line.textContent).toBe(expected);
  screen.getByTestId('version-diff');
  fireEvent.click(screen.getByTestId('review-approve'));
  await waitFor(() => expect(screen.getByTestId('review-status').textContent).toBe('已通过'));
  expect(recorded.modals[0].content).toContain(`居民将看到：“${expected}”`);
  // What went out is the sentence approved.
  const resident = ok(await call('resident-a', 'notices', 'get', { id: draft.id }));
  expect(resident.corrections?.map((c: { at: string; note: string }) => correctionLine(c))).toEqual([expected]);
  expect(screen.getByTestId('review-correction-line').textContent).toBe(expected);
});

test('审核设置: switching a kind off asks first and names whom it reaches', async () => {
  as('demo-admin');
  render(<ReviewSettingsPage />);
  await waitFor(() => screen.getByTestId('review-setting-request.reply'));
  const replySwitch = screen.getByTestId('review-setting-request.reply').querySelector('input') as HTMLInputElement;
  fireEvent.click(replySwitch);
  fireEvent.click(screen.getByTestId('review-settings-save'));
  await waitFor(() => expect(recorded.toasts).toContain('已保存'));
  expect(recorded.modals[0].content).toContain('答复申请（送达申请人）将由经办人直接发出');
  expect(ok(await call('demo-admin', 'reviews', 'settings', {})).required).toEqual(['notice.publish', 'notice.correct']);
});

test('the clerk\'s request page shows the letter sent back with its comment while the step can still be taken, and opens the item', async () => {
  const submittedRequest = ok(await call('resident-a', 'requests', 'submit', application()));
  const request = ok(await call('demo-clerk', 'requests', 'register', { id: submittedRequest.id, version: submittedRequest.version }));
  const at = cloud.clock.now.toISOString();
  // A reply letter the clerk submitted and 孙静 sent back, as the reviews collection holds one.
  await cloud.store.collection('reviews').insert({
    id: `${request.id}-reply`, kind: 'request.reply', subjectId: request.id, subjectVersion: request.version, status: 'sentBack',
    authorOpenid: 'demo-clerk', authorName: '李华', submittedAt: at, text: { title: '政府信息公开申请答复书', body: '经查，……' },
    reviewerOpenid: 'demo-reviewer', reviewerName: '孙静', decidedAt: at, comment: '请写明获取信息的方式和地点。',
  });
  as('demo-clerk', { id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => expect(screen.getByTestId('review-sent-back-comment').textContent).toBe('请写明获取信息的方式和地点。'));
  expect(screen.getByTestId('review-sent-back').textContent).toContain('孙静');
  fireEvent.click(screen.getByTestId('request-review'));
  expect(recorded.navigations).toEqual([`/admin/pages/review/index?id=${encodeURIComponent(`${request.id}-reply`)}`]);
});
