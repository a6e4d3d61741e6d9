/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import AdminInquiryPage from '../../miniprogram/admin/pages/inquiry/index';
import FollowUpPage from '../../miniprogram/admin/pages/follow-up/index';
import ReviewPage from '../../miniprogram/admin/pages/review/index';
import FaqEditPage from '../../miniprogram/admin/pages/faq-edit/index';
import WindowQrPage from '../../miniprogram/admin/pages/window-qr/index';
import NoticeEditPage from '../../miniprogram/admin/pages/notice-edit/index';
import StaffPage from '../../miniprogram/admin/pages/staff/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import type { CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/**
 * Staff pages opened on a record that is not there (erased, retired, a wrong link): each says so in
 * plain words with the way back to its list — never a blank page or the id. And the staff list names
 * people and departments, never their ids.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const MISSING = 'no-such-record-7f3a';

async function open(page: ReactElement, params: Record<string, string>) {
  forgetWhoami();
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro(params);
  render(page);
  return screen.findByTestId('staff-not-found');
}

const PAGES: Array<{ page: () => ReactElement; params?: Record<string, string>; says: string; back: string }> = [
  { page: () => <AdminRequestPage />, says: '没有找到这件申请', back: '/admin/pages/requests/index' },
  { page: () => <AdminInquiryPage />, says: '没有找到这件咨询或投诉', back: '/admin/pages/inquiries/index' },
  { page: () => <FollowUpPage />, says: '没有找到这条差评整改', back: '/admin/pages/follow-ups/index' },
  { page: () => <ReviewPage />, says: '没有找到这个审核事项', back: '/admin/pages/reviews/index' },
  { page: () => <FaqEditPage />, says: '没有找到这条常见问题', back: '/admin/pages/inquiries/index' },
  { page: () => <WindowQrPage />, params: { mode: 'window' }, says: '没有找到这个服务窗口', back: '/admin/pages/windows/index' },
  { page: () => <NoticeEditPage />, says: '没有找到这条公开信息', back: '/admin/pages/notices/index' },
];

test('a link to a record that no longer exists says so, shows no id, and leads back to its list', async () => {
  for (const { page, params, says, back } of PAGES) {
    const dead = await open(page(), { id: MISSING, ...params });
    expect([says, screen.getByTestId('dead-end-title').textContent]).toEqual([says, says]);
    expect(dead.textContent).toContain('已不存在');
    expect(document.body.textContent).not.toContain(MISSING);
    // Nothing to retry: the record is not there.
    expect(screen.queryByTestId('reload')).toBeNull();
    fireEvent.click(screen.getByTestId('go-back'));
    await waitFor(() => expect(recorded.navigations.at(-1)).toBe(back));
    cleanup();
  }
});

test('the staff list names a department without a name, or one no longer on the list — never its id', async () => {
  await cloud.store.collection('departments').insert({ id: 'dept-unnamed-9', name: '', order: 99 } as never);
  await cloud.store.collection('staff').insert({ id: 'o-staff-unnamed-42', name: '周红', roles: ['handler'], departmentIds: ['dept-unnamed-9', 'dept-gone-3'], departmentId: 'dept-unnamed-9', active: true });
  forgetWhoami();
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<StaffPage />);
  const member = await waitFor(() => {
    const found = screen.getAllByTestId('staff-member').find((m) => m.textContent?.includes('周红'));
    expect(found).toBeTruthy();
    return found!;
  });
  expect(member.textContent).toContain('部门：未命名部门、已撤销的部门');
  expect(document.body.textContent).not.toContain('dept-unnamed-9');
  expect(document.body.textContent).not.toContain('dept-gone-3');
  expect(document.body.textContent).not.toContain('o-staff-unnamed-42');
});
