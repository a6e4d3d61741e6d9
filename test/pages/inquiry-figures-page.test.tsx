/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AdminInquiriesPage from '../../miniprogram/admin/pages/inquiries/index';
import InquiryFiguresPage from '../../miniprogram/admin/pages/inquiry-figures/index';
import ReportStatsPage from '../../miniprogram/admin/pages/report-stats/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** The inquiry line's figures for staff: their own page from the queue, and a card on 工作统计. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

async function someCases() {
  const asked = ok(await cloud.call('resident-a', 'inquiries', { action: 'ask', data: { idempotencyKey: 'figures-page-01', kind: 'inquiry', topic: '养犬登记', text: '养犬登记要带什么？' } }));
  ok(await cloud.call('resident-b', 'inquiries', { action: 'ask', data: { idempotencyKey: 'figures-page-02', kind: 'complaint', topic: '噪音', text: '夜间施工扰民。', anonymous: true } }));
  ok(await cloud.call('demo-clerk', 'inquiries', { action: 'enter', data: { idempotencyKey: 'figures-page-03', kind: 'inquiry', channel: 'phone', contactedAt: '2026-11-24T01:00:00Z', topic: '社保', text: '问社保卡补办', answer: '到政务服务中心补办。' } }));
  const v = (await cloud.store.collection('inquiries').get(asked.id))!.version;
  const answered = ok(await cloud.call('demo-clerk', 'inquiries', { action: 'answer', data: { id: asked.id, version: v, text: '携带身份证到街道办理。' } }));
  ok(await cloud.call('resident-a', 'inquiries', { action: 'rateAnswer', data: { id: asked.id, version: answered.version, helpful: false, reason: '没说周末' } }));
}

test('the queue\'s line opens the figures page: per channel and month, on time, median, helpful; any year back', async () => {
  await someCases();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  const queue = render(<AdminInquiriesPage />);
  await waitFor(() => screen.getByTestId('case-figures'));
  fireEvent.click(screen.getByTestId('case-figures'));
  expect(recorded.navigations.at(-1)).toBe('/admin/pages/inquiry-figures/index?year=2026');
  queue.unmount();

  resetTaro({ year: '2026' });
  render(<InquiryFiguresPage />);
  await waitFor(() => screen.getByTestId('case-figures-summary'));
  const summary = screen.getByTestId('case-figures-summary').textContent ?? '';
  expect(summary).toContain('共 3 件（咨询 2 件，投诉举报 1 件）');
  expect(summary).toContain('已答复 2 件，其中按时答复 2 件，按时答复率 100.0%');
  expect(summary).toContain('有帮助 0 次，有帮助比例 0.0%');
  const channels = screen.getAllByTestId('case-figures-channels-value').map((el) => el.textContent);
  expect(channels).toEqual(['2', '1', '0', '0', '0']);
  expect(screen.getByTestId('case-figures-table').textContent).toContain('11月：网上咨询 2，电话 1');
  // Nobody is named on it.
  expect(screen.getByTestId('case-figures-view').textContent).not.toMatch(/咨〔|投〔|resident-/);

  fireEvent.click(screen.getByTestId('stats-prev'));
  await waitFor(() => expect(screen.getByTestId('case-figures-summary').textContent).toContain('共 0 件'));
  expect(screen.getByTestId('case-figures-summary').textContent).toContain('按时答复率 —');
});

test('工作统计 (admins) shows the inquiry line\'s year beside the requests\'', async () => {
  await someCases();
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ year: '2026' });
  render(<ReportStatsPage />);
  await waitFor(() => expect(screen.getByTestId('case-figures-summary').textContent).toContain('共 3 件'));
});
