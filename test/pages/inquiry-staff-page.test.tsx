/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AdminInquiryPage from '../../miniprogram/admin/pages/inquiry/index';
import EnterCasePage from '../../miniprogram/admin/pages/inquiry-enter/index';
import AdminInquiriesPage from '../../miniprogram/admin/pages/inquiries/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { resetTaro } from '../support/taro';

/** The answerer's case page over the real functions and SQLite: assigning a case to a person. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const ask = async (data: Record<string, unknown>) =>
  ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { kind: 'inquiry', topic: '养犬登记', text: '养犬登记要带什么？', ...data } })) as { id: string };

beforeEach(async () => {
  await cloud.store.collection('staff').insert({ id: 'answerer-office-2', name: '钱芳', roles: ['answerer'], departmentIds: ['office'], departmentId: 'office', active: true });
  await cloud.store.collection('staff').insert({ id: 'answerer-housing', name: '陈静', roles: ['answerer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
});

test('an inquiry is assigned to a department and to one of its answerers by name; another department offers its own people', async () => {
  const { id } = await ask({ idempotencyKey: 'page-assign-01' });
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id });
  render(<AdminInquiryPage />);
  await waitFor(() => screen.getByTestId('choice-caseDepartment-housing'));
  fireEvent.click(screen.getByTestId('choice-caseDepartment-housing'));
  await waitFor(() => screen.getByTestId('choice-caseAnswerer-answerer-housing'));
  expect(screen.queryByTestId('choice-caseAnswerer-answerer-office-2')).toBeNull();
  fireEvent.click(screen.getByTestId('choice-caseDepartment-office'));
  await waitFor(() => screen.getByTestId('choice-caseAnswerer-answerer-office-2'));
  expect(screen.queryByTestId('choice-caseAnswerer-answerer-housing')).toBeNull();
  fireEvent.click(screen.getByTestId('choice-caseAnswerer-answerer-office-2'));
  fireEvent.click(screen.getByTestId('do-assign'));
  await waitFor(() => expect(screen.getByTestId('admin-case').textContent).toContain('局办公室 · 钱芳'));
  expect((await cloud.store.collection('inquiries').get(id))!.assignedTo).toEqual({ openid: 'answerer-office-2', name: '钱芳' });
  expect(screen.getByTestId('case-history').textContent).toContain('李华 分派：分派至局办公室 · 钱芳');
});

test('a complaint offers no "whole department" choice: it goes to one person', async () => {
  const { id } = await ask({ idempotencyKey: 'page-assign-02', kind: 'complaint' });
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ id });
  render(<AdminInquiryPage />);
  await waitFor(() => screen.getByTestId('choice-caseAnswerer-demo-clerk'));
  expect(screen.queryByTestId('choice-caseAnswerer-department')).toBeNull();
  expect(screen.getByTestId('do-assign').getAttribute('disabled')).not.toBeNull();
  fireEvent.click(screen.getByTestId('choice-caseAnswerer-demo-clerk'));
  fireEvent.click(screen.getByTestId('do-assign'));
  await waitFor(() => expect((screen.getByTestId('admin-case').textContent ?? '')).toContain('局办公室 · 李华'));
});

test('entering a case names what was asked for how it came: a caller\'s question, a visitor\'s, a letter\'s content', () => {
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  render(<EnterCasePage />);
  const form = screen.getByTestId('enter-case-form');
  expect(form.textContent).toContain('来电人问题');
  fireEvent.click(screen.getByText('来信'));
  expect(form.textContent).toContain('来信内容');
  expect(form.textContent).not.toContain('来电人问题');
  fireEvent.click(screen.getByText('来访'));
  expect(form.textContent).toContain('来访人问题');
});

test('the queue says a case received today was received 今天, not 0 working days ago', async () => {
  await ask({ idempotencyKey: 'key-today-0001' });
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  render(<AdminInquiriesPage />);
  const row = await waitFor(() => screen.getByTestId('case-queue-item'));
  expect(row.textContent).toContain('（今天）');
  expect(row.textContent).not.toContain('0 个工作日前');
});
