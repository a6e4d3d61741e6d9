/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffPage from '../../miniprogram/admin/pages/staff/index';
import StaffJoinPage from '../../miniprogram/admin/pages/staff-join/index';
import MePage from '../../miniprogram/pages/me/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';
import { DEMO_STAFF } from '../../server/demo-data';

/** 人员管理 and 加入工作人员 over the real functions and SQLite. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const members = () => screen.queryAllByTestId('staff-member');
const card = (name: string) => members().find((m) => m.textContent?.includes(name))!;
const within = (el: Element, testId: string) => el.querySelector(`[data-testid=${testId}]`) as HTMLElement;

/** The demo bureau's staff, or `count` once others joined. */
async function openAsAdmin(count = DEMO_STAFF.length) {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  const page = render(<StaffPage />);
  await waitFor(() => expect(members()).toHaveLength(count));
  return page;
}

test('the list shows names, roles and departments, and no OPENID, not even masked', async () => {
  await openAsAdmin();
  expect(card('李华').textContent).toContain('申请办理人员');
  expect(card('李华').textContent).toContain('局办公室');
  expect(card('张敏').textContent).toContain('（本人）');
  expect(document.body.textContent).not.toMatch(/demo-(admin|clerk|editor|rater)/);
  expect(document.body.textContent).not.toContain('***');
  expect(document.body.textContent).not.toContain('微信标识');
});

test('invite → the code and its expiry are shown; the clerk types it in 加入工作人员 and appears in the list', async () => {
  const page = await openAsAdmin();
  fireEvent.change(screen.getByTestId('input-invite-name'), { target: { value: '周静' } });
  fireEvent.click(screen.getByTestId('invite-role-handler'));
  // A handler with no department would see no department's requests: the form says so until one is ticked.
  expect(screen.getByTestId('invite-handler-without-department').textContent).toContain('只能看到待受理的网上申请');
  fireEvent.click(screen.getByTestId('invite-role-viewer'));
  fireEvent.click(screen.getByTestId('invite-dept-approval'));
  expect(screen.queryByTestId('invite-handler-without-department')).toBeNull();
  // A rating officer works the ticked departments' windows only; with none ticked, every window (the bureau's desk).
  fireEvent.click(screen.getByTestId('invite-role-ratingOfficer'));
  expect(screen.getByTestId('invite-rating-officer-scope').textContent).toContain('只看到所选部门');
  fireEvent.click(screen.getByTestId('invite-dept-approval'));
  expect(screen.getByTestId('invite-rating-officer-scope').textContent).toContain('全部服务窗口');
  fireEvent.click(screen.getByTestId('invite-dept-approval'));
  fireEvent.click(screen.getByTestId('invite-role-ratingOfficer'));
  // So do an answerer (none ticked: only cases nobody was given) and a reviewer (none ticked: every department).
  fireEvent.click(screen.getByTestId('invite-role-answerer'));
  fireEvent.click(screen.getByTestId('invite-role-reviewer'));
  expect(screen.queryByTestId('invite-answerer-without-department')).toBeNull();
  expect(screen.getByTestId('invite-reviewer-scope').textContent).toContain('只审核所选部门');
  fireEvent.click(screen.getByTestId('invite-dept-approval'));
  expect(screen.getByTestId('invite-answerer-without-department').textContent).toContain('尚未分派部门');
  expect(screen.getByTestId('invite-reviewer-scope').textContent).toContain('各部门');
  fireEvent.click(screen.getByTestId('invite-role-answerer'));
  fireEvent.click(screen.getByTestId('invite-role-reviewer'));
  fireEvent.click(screen.getByTestId('invite-dept-approval'));
  fireEvent.click(screen.getByTestId('invite-submit'));
  await waitFor(() => screen.getByTestId('invite-code'));
  expect(recorded.toasts).toContain('已生成邀请码');
  const shown = screen.getByTestId('invite-code-value').textContent!;
  expect(shown).toMatch(/^[2-9A-Z]{4} [2-9A-Z]{4} [2-9A-Z]{4}$/);
  // 72 hours after the harness clock (2026-11-24 10:00 Beijing).
  expect(screen.getByTestId('invite-code-expiry').textContent).toContain('2026-11-27 10:00');
  page.unmount();

  // The clerk, on their own phone, types the code as shown (spaces and all).
  setTransport(cloud.transportAs('new-clerk'));
  resetTaro();
  const join = render(<StaffJoinPage />);
  fireEvent.change(screen.getByTestId('input-invite-code'), { target: { value: shown.toLowerCase() } });
  fireEvent.click(screen.getByTestId('staff-join-submit'));
  await waitFor(() => expect(screen.getByTestId('staff-joined').textContent).toContain('申请办理人员、统计查看人员'));
  join.unmount();
  expect(ok(await cloud.call('new-clerk', 'session', { action: 'whoami', data: {} }))).toMatchObject({ isStaff: true });

  await openAsAdmin(DEMO_STAFF.length + 1);
  expect(card('周静').textContent).toContain('行政审批科');
});

test('a used or wrong code is explained on the join page, and the caller stays a resident', async () => {
  setTransport(cloud.transportAs('someone'));
  resetTaro({ code: 'ABCDEFGHJKMN' });
  render(<StaffJoinPage />);
  // The code from the link is already filled in.
  expect((screen.getByTestId('input-invite-code') as HTMLInputElement).value).toBe('ABCDEFGHJKMN');
  fireEvent.click(screen.getByTestId('staff-join-submit'));
  await waitFor(() => expect(recorded.toasts).toContain('邀请码无效、已使用或已过期，请向管理员重新获取'));
  expect(await cloud.store.collection('staff').get('someone')).toBeNull();
});

test('an invitation without a role is refused beside the roles, and nothing is sent', async () => {
  await openAsAdmin();
  fireEvent.change(screen.getByTestId('input-invite-name'), { target: { value: '周静' } });
  fireEvent.click(screen.getByTestId('invite-submit'));
  await waitFor(() => expect(screen.getByTestId('staff-invite').textContent).toContain('请至少选择一个角色'));
  expect(await cloud.store.collection('staffInvites').count()).toBe(0);
});

test('change a clerk\'s roles and departments', async () => {
  await openAsAdmin();
  fireEvent.click(within(card('李华'), 'staff-edit'));
  fireEvent.click(within(card('李华'), 'edit-role-handler'));
  fireEvent.click(within(card('李华'), 'edit-role-publisher'));
  fireEvent.click(within(card('李华'), 'edit-dept-policy'));
  fireEvent.click(within(card('李华'), 'staff-save'));
  // 李华 also answers inquiries (answerer), which the edit leaves as it was.
  await waitFor(() => expect(within(card('李华'), 'staff-member-roles').textContent).toBe('咨询答复人员、信息发布人员'));
  expect(recorded.toasts).toContain('已保存，对方下一次操作起生效');
  expect(await cloud.store.collection('staff').get('demo-clerk')).toMatchObject({ roles: ['answerer', 'publisher'], departmentIds: ['office', 'policy'] });
});

test('remove asks first, saying what will happen; then the person is 已移除 and their next call is refused', async () => {
  await openAsAdmin();
  fireEvent.click(within(card('赵磊'), 'staff-remove'));
  const confirm = within(card('赵磊'), 'staff-remove-confirm');
  expect(confirm.textContent).toContain('移除后，赵磊从下一次操作起不能再使用工作台（好差评整改人员）');
  expect(confirm.textContent).toContain('须重新邀请');
  expect(await cloud.store.collection('staff').get('demo-rater')).toMatchObject({ active: true });
  fireEvent.click(within(card('赵磊'), 'staff-remove-confirmed'));
  await waitFor(() => expect(card('赵磊').textContent).toContain('已移除'));
  expect(within(card('赵磊'), 'staff-remove')).toBeNull();
  expect(await cloud.call('demo-rater', 'ratings', { action: 'followUps', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('the last admin removing themself is told why not, and stays', async () => {
  await openAsAdmin();
  fireEvent.click(within(card('张敏'), 'staff-remove'));
  expect(within(card('张敏'), 'staff-remove-confirm').textContent).toContain('您将移除自己');
  fireEvent.click(within(card('张敏'), 'staff-remove-confirmed'));
  await waitFor(() => expect(recorded.toasts).toContain('不能移除或降级最后一名管理员，请先为他人设置管理员角色'));
  expect(await cloud.store.collection('staff').get('demo-admin')).toMatchObject({ active: true, roles: ['admin', 'reviewer'] });
});

test('我的: 人员管理 for admins only; 加入工作人员 for residents; the ranking for a viewer', async () => {
  const entriesFor = async (openid: string) => {
    setTransport(cloud.transportAs(openid));
    forgetWhoami();
    resetTaro();
    const page = render(<MePage />);
    await waitFor(() => screen.getByTestId('me-identity'));
    await waitFor(() => expect(screen.getByTestId('me-identity').textContent).not.toBe(''));
    const shown = ['staff-admin-entry', 'staff-join-entry', 'staff-ranking-entry'].filter((id) => screen.queryByTestId(id));
    page.unmount();
    return shown;
  };
  expect(await entriesFor('demo-admin')).toEqual(['staff-admin-entry']);
  expect(await entriesFor('demo-clerk')).toEqual([]);
  expect(await entriesFor('resident-a')).toEqual(['staff-join-entry']);
  ok(await cloud.call('new-viewer', 'staff', { action: 'accept', data: { code: ok(await cloud.call('demo-admin', 'staff', { action: 'invite', data: { roles: ['viewer'], departmentIds: [], name: '督查' } })).code } }));
  expect(await entriesFor('new-viewer')).toEqual(['staff-ranking-entry']);
});
