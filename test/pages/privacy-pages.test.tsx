/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RetentionPage from '../../miniprogram/admin/pages/retention/index';
import MyDataPage from '../../miniprogram/pages/my-data/index';
import PrivacyPolicyPage from '../../miniprogram/pages/privacy/index';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application } from '../support/request-factories';
import { recorded, resetTaro } from '../support/taro';

/**
 * 个人信息, 隐私政策 and 个人信息保存期限 over the real functions and SQLite: a resident's data shown whole,
 * an erasure refused while a request is open (saying why), then done; the periods an admin sets are the
 * ones the policy publishes.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const RESIDENT = 'page-resident';

async function openAs(openid: string, page: JSX.Element) {
  setTransport(cloud.transportAs(openid));
  resetTaro({});
  render(page);
}

test('个人信息 shows the applicant details whole; erasure is refused while a request is open, then removes them', async () => {
  const submitted = ok(await cloud.call(RESIDENT, 'requests', { action: 'submit', data: application({ applicant: { type: 'person', name: '宇文清', idType: 'passport', idNumber: 'E99887766', phone: '13722223333' } }) }));
  Taro.setStorageSync('sg-request-draft', { applicant: { name: '宇文清' } });
  const [notice] = (await cloud.store.collection('notices').find({ where: { status: 'published' }, orderBy: [['publishedAt', 'desc']], limit: 1 })).items;
  ok(await cloud.call(RESIDENT, 'notices', { action: 'view', data: { id: notice.id } }));
  await openAs(RESIDENT, <MyDataPage />);
  await waitFor(() => expect(screen.getByTestId('my-data-requests').textContent).toContain('E99887766'));
  // What is kept about them beyond their own records: the notice they read today, the submission's key.
  expect(screen.getByTestId('my-data-other').textContent).toContain(`阅读记录：`);
  expect(screen.getByTestId('my-data-other').textContent).toContain(notice.title);
  expect(screen.getByTestId('my-data-other').textContent).toContain('防止重复提交的记录：1 条');
  expect(screen.getByTestId('my-data-phone').textContent).toContain('填写中的政府信息公开申请');

  fireEvent.click(screen.getByTestId('my-data-erase'));
  expect(screen.getByTestId('my-data-erase-confirm').textContent).toContain('1 件尚未办结');
  fireEvent.click(screen.getByTestId('my-data-erase-confirm-button'));
  await waitFor(() => expect(screen.getByTestId('my-data-erase-refused').textContent).toContain('尚未办结'));
  expect((await cloud.store.collection('requests').get(submitted.id))?.applicant.name).toBe('宇文清');

  ok(await cloud.call(RESIDENT, 'requests', { action: 'withdraw', data: { id: submitted.id, version: submitted.version } }));
  fireEvent.click(screen.getByTestId('my-data-erase-confirm-button'));
  await waitFor(() => expect(screen.getByTestId('my-data-erased').textContent).toContain('申请 1 件'));
  await waitFor(() => expect(screen.getByTestId('my-data-requests').textContent).toContain('没有申请'));
  expect(screen.getByTestId('my-data-other').textContent).toContain('没有');
  expect(Taro.getStorageSync('sg-request-draft')).toBeFalsy();
  expect((await cloud.store.collection('requests').get(submitted.id))?.applicant.name).toBe('（已匿名）');
});

test('the admin sets the periods (a bad one is shown beside its box); the 隐私政策 publishes them', async () => {
  await openAs('demo-admin', <RetentionPage />);
  await waitFor(() => screen.getByTestId('retention-page'));
  fireEvent.change(screen.getByTestId('input-retention-messageDays'), { target: { value: '10' } });
  fireEvent.click(screen.getByTestId('retention-save'));
  await waitFor(() => expect(screen.getByTestId('retention-page').textContent).toContain('不能少于 30 天'));
  fireEvent.change(screen.getByTestId('input-retention-messageDays'), { target: { value: '90' } });
  fireEvent.change(screen.getByTestId('input-retention-requestYears'), { target: { value: '15' } });
  fireEvent.click(screen.getByTestId('retention-save'));
  await waitFor(async () => expect((await cloud.store.collection('meta').get('privacy-settings'))?.retention).toMatchObject({ messageDays: 90, requestYears: 15 }));

  await openAs(RESIDENT, <PrivacyPolicyPage />);
  await waitFor(() => expect(screen.getByTestId('privacy-policy').textContent).toContain('15 年'));
  expect(screen.getByTestId('privacy-policy').textContent).toContain('90 天');
  // Who sees the details whole: each staff role that does, and that each view is on record.
  expect(screen.getByTestId('privacy-policy').textContent).toMatch(/办理人员.*答复您咨询或投诉的人员.*整改人员.*公开审查人员.*每次查看都记入操作记录/);
});

test('补正 and 说明理由 tell the applicant, where they write, what it is for and link the 隐私政策', async () => {
  const submitted = ok(await cloud.call(RESIDENT, 'requests', { action: 'submit', data: application() }));
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
  const asked = ok(await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: registered.id, version: registered.version, items: ['请写明文件名称'], workingDays: 10 } }));
  setTransport(cloud.transportAs(RESIDENT));
  resetTaro({ id: asked.id });
  const supplementPage = render(<MyRequestPage />);
  const supplementForm = await screen.findByTestId('supplement-form');
  expect(within(supplementForm).getByTestId('privacy-notice').textContent).toContain('仅用于办理和答复您的政府信息公开申请');
  fireEvent.click(within(supplementForm).getByTestId('privacy-policy-link'));
  expect(recorded.navigations.at(-1)).toBe('/pages/privacy/index');
  supplementPage.unmount();

  const other = ok(await cloud.call(RESIDENT, 'requests', { action: 'submit', data: application() }));
  const otherRegistered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: other.id, version: other.version } }));
  ok(await cloud.call('demo-clerk', 'requests', { action: 'askReasons', data: { id: otherRegistered.id, version: otherRegistered.version, text: '您本月已提出申请40件，请说明用途。' } }));
  resetTaro({ id: other.id });
  render(<MyRequestPage />);
  const reasonsForm = await screen.findByTestId('reasons-form');
  expect(within(reasonsForm).getByTestId('privacy-notice').textContent).toContain('仅用于办理和答复您的政府信息公开申请');
  expect(within(reasonsForm).getByTestId('privacy-policy-link').textContent).toBe('《隐私政策》');
});
