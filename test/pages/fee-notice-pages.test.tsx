/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application } from '../support/request-factories';
import { recorded, resetTaro } from '../support/taro';
import { openAction } from '../support/request-page-actions';

/** 收费通知 from the clerk's request page (one form, then a confirmation), and the fee on the resident's page. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

async function registered() {
  const request = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  return ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
}
const stored = async (id: string) => (await cloud.store.collection('requests').get(id))!;

test('the form checks the count, the confirmation names the amount and the applicant, and nothing is sent before it is confirmed', async () => {
  const request = await registered();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await openAction('askFee');

  fireEvent.click(screen.getByTestId('review-askFee'));
  const errorIn = (testId: string) => screen.getByTestId(testId).closest('.field')?.querySelector('.field__error')?.textContent;
  await waitFor(() => expect(errorIn('input-feeUnits')).toBeTruthy());

  fireEvent.change(screen.getByTestId('input-feeUnits'), { target: { value: '120' } });
  fireEvent.click(screen.getByTestId('choice-feeRelief-reduce'));
  fireEvent.click(screen.getByTestId('review-askFee'));
  // 减收 needs the amount and a reason.
  await waitFor(() => expect(errorIn('input-feeReason')).toBe('减免信息处理费须写明理由'));
  fireEvent.change(screen.getByTestId('input-feeReducedTo'), { target: { value: '600' } });
  fireEvent.change(screen.getByTestId('input-feeReason'), { target: { value: '申请人为低保对象，酌情减收' } });
  fireEvent.click(screen.getByTestId('review-askFee'));
  await waitFor(() => screen.getByTestId('fee-confirmation'));
  // 120 pages: 70 × 10 + 20 × 20 = 1100 元 by the table, reduced to 600.
  expect(screen.getByTestId('fee-confirmation-summary').textContent).toBe('向 陈晓明 发出收费通知：按量计收 120 页，应缴 600 元（按标准 1100 元，减收），自通知之日起 20 个工作日内缴纳。');
  expect(screen.getByTestId('fee-confirmation').textContent).toContain('第 101—120 页：每页 20 元，计 400 元');
  expect((await stored(request.id)).version).toBe(request.version);

  // Changing the form withdraws the confirmation.
  fireEvent.change(screen.getByTestId('input-feeUnits'), { target: { value: '100' } });
  expect(screen.queryByTestId('fee-confirmation')).toBeNull();
  fireEvent.click(screen.getByTestId('review-askFee'));
  await waitFor(() => expect(screen.getByTestId('fee-confirmation-summary').textContent).toContain('按标准 700 元'));
  fireEvent.click(screen.getByTestId('do-askFee'));
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('待缴费'));
  expect(recorded.toasts).toContain('已发出收费通知');
  expect(await stored(request.id)).toMatchObject({ status: 'feeRequested', fee: { method: 'perPage', units: 100, computedAmount: 700, amount: 600 } });
  expect(screen.getByTestId('fee').textContent).toContain('600 元（按标准 700 元，已减收）');
  expect(screen.queryByTestId('action-askFee')).toBeNull();
  screen.getByTestId('do-recordPayment');
});

test('under the free allowance the confirmation says so and cannot be sent', async () => {
  const request = await registered();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await openAction('askFee');
  fireEvent.change(screen.getByTestId('input-feeUnits'), { target: { value: '30' } });
  fireEvent.click(screen.getByTestId('review-askFee'));
  await waitFor(() => expect(screen.getByTestId('fee-confirmation').textContent).toContain('按标准计算不收费'));
  expect(screen.getByTestId('do-askFee').hasAttribute('disabled')).toBe(true);
});

test('the resident sees the fee, the amount and the last day to pay, and the notice among the letters', async () => {
  const request = await registered();
  ok(await cloud.call('demo-clerk', 'requests', { action: 'askFee', data: { id: request.id, version: request.version, method: 'perPage', units: 50 } }));
  const view = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: request.id } }));
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: request.id });
  render(<MyRequestPage />);
  await waitFor(() => screen.getByTestId('fee-due'));
  expect(screen.getByTestId('fee-due').textContent).toBe(`请于 ${view.fee.deadlineOn} 前缴纳信息处理费 200 元（缴费方式见收费通知）。缴费前答复期限暂停计算；逾期未缴纳的，视为放弃申请。`);
  expect(screen.getByTestId('request-status').textContent).toBe('待缴费');
  expect(screen.getByTestId('fee-computation').textContent).toContain('合计 200 元');
  screen.getByTestId('letter-fee');
});
