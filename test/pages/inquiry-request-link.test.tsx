/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AdminInquiryPage from '../../miniprogram/admin/pages/inquiry/index';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import MyCasePage from '../../miniprogram/inquiry/pages/case/index';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { DRAFT_STORAGE_KEY, submitInputFromDraft, type RequestDraft } from '../../miniprogram/requests/request-draft';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application } from '../support/request-factories';
import { recorded, resetTaro } from '../support/taro';

/**
 * 咨询转申请 across the pages: the resident's case starts a draft that names the case; the
 * application sent from it shows the case, and the case the application — on the resident's
 * pages and on staff's.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('an inquiry turned into a request: the draft names the case, and each side links to the other', async () => {
  const { id, caseNumber } = ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { idempotencyKey: 'page-link-0001', kind: 'inquiry', topic: '规划', text: '请提供云溪路拓宽工程的规划批复文件。' } }));
  const v = (await cloud.store.collection('inquiries').get(id))!.version;
  ok(await cloud.call('demo-clerk', 'inquiries', { action: 'toRequest', data: { id, version: v } }));

  Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id });
  const casePage = render(<MyCasePage />);
  await waitFor(() => screen.getByTestId('start-request'));
  fireEvent.click(screen.getByTestId('start-request'));
  const draft = JSON.parse(Taro.getStorageSync(DRAFT_STORAGE_KEY) as string) as RequestDraft;
  expect(draft).toMatchObject({ fromCaseId: id, description: '请提供云溪路拓宽工程的规划批复文件。' });
  casePage.unmount();

  // What the form sends from that draft (the applicant's details filled in) carries the case.
  const { applicant, form, delivery } = application();
  const sent = { ...submitInputFromDraft(draft), applicant, form, delivery };
  expect(sent.fromCaseId).toBe(id);
  const request = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: sent }));

  resetTaro({ id: request.id });
  const requestPage = render(<MyRequestPage />);
  await waitFor(() => expect(screen.getByTestId('request-from-case').textContent).toContain(caseNumber));
  fireEvent.click(screen.getByTestId('request-from-case'));
  expect(recorded.navigations.at(-1)).toContain(`/inquiry/pages/case/index?id=${id}`);
  requestPage.unmount();

  resetTaro({ id });
  const again = render(<MyCasePage />);
  await waitFor(() => expect(screen.getByTestId('case-to-request').textContent).toContain(request.trackingNumber));
  expect(screen.queryByTestId('start-request')).toBeNull();
  again.unmount();

  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id });
  const staffCase = render(<AdminInquiryPage />);
  await waitFor(() => expect(screen.getByTestId('case-to-request').textContent).toContain(request.trackingNumber));
  fireEvent.click(screen.getByTestId('case-to-request'));
  expect(recorded.navigations.at(-1)).toContain(`/admin/pages/request/index?id=${request.id}`);
  staffCase.unmount();

  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => expect(screen.getByTestId('request-from-case').textContent).toContain(caseNumber));
});
