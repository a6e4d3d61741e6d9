/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReportPage from '../../miniprogram/admin/pages/report/index';
import ReportStatsPage from '../../miniprogram/admin/pages/report-stats/index';
import { ReportReminder } from '../../miniprogram/components/report-reminder';
import NoticeDetailPage from '../../miniprogram/pages/notice-detail/index';
import { FULL_INPUTS, FULL_TEXTS } from '../support/report-fixture';
import { setTransport } from '../../miniprogram/api/transport';
import { reportReminder, reportingYear } from '../../shared/reports/report-reminder';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** The staff preview of the annual report, and the December reminder on the staff home. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('the reminder runs from 1 December to the 31 January deadline', () => {
  expect(reportReminder('2026-11-30')).toBeNull();
  expect(reportReminder('2026-12-01')).toEqual({ year: 2026, deadline: '2027-01-31' });
  expect(reportReminder('2027-01-31')).toEqual({ year: 2026, deadline: '2027-01-31' });
  expect(reportReminder('2027-02-01')).toBeNull();
  expect(reportingYear('2027-06-01')).toBe(2026);
});

test('the reminder names the coming report, its deadline and what is missing; a tap opens the preview', async () => {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<ReportReminder today="2026-12-03" />);
  await waitFor(() => screen.getAllByTestId('report-reminder-missing'));
  const card = screen.getByTestId('report-reminder');
  expect(card.textContent).toContain('2026 年度政府信息公开工作年度报告');
  expect(card.textContent).toContain('应于 2027-01-31 前发布');
  const missing = screen.getAllByTestId('report-reminder-missing').map((m) => m.textContent).join('\n');
  expect(missing).toContain('尚未填写：行政许可、行政处罚、行政强制、行政事业性收费');
  expect(missing).toContain('2026 年度尚未结束');
  fireEvent.click(card);
  expect(recorded.navigations).toEqual(['/admin/pages/report/index?year=2026']);
});

test('a viewer sees the tables and checks of a year, without the editing', async () => {
  const { openid } = await viewer();
  setTransport(cloud.transportAs(openid));
  resetTaro({ year: '2026' });
  render(<ReportPage />);
  await waitFor(() => screen.getByTestId('report-requests'));
  const annual = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year: 2026 } }));
  expect(screen.getByTestId('cell-received-total').textContent).toBe(String(annual.requests.rows.received.total));
  expect(screen.getByTestId('cell-carriedOut-person').textContent).toBe(String(annual.requests.rows.carriedOut.person));
  expect(screen.getByTestId('check-inputs').getAttribute('data-ok')).toBe('no');
  expect(screen.queryByTestId('report-inputs')).toBeNull();
  expect(screen.queryByTestId('report-publish')).toBeNull();
});

test('a failing check lists the records behind it by tracking number; a tap opens that request', async () => {
  // A request of 2026 concluded with no result row in its compact record: the categorised check names it.
  const facts = cloud.store.collection('requestFacts');
  const requests = (await cloud.store.collection('requests').find({ orderBy: [], limit: 1000 })).items;
  let target = null;
  for (const request of requests) {
    const f = await facts.get(request.id);
    if (f?.concludedOn?.startsWith('2026-') && f.row) target = { request, f };
  }
  const { request, f } = target!;
  await facts.update(f.id, f.version, { row: null });
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ year: '2026' });
  render(<ReportPage />);
  await waitFor(() => screen.getByTestId('check-categorised'));
  const check = screen.getByTestId('check-categorised');
  expect(check.getAttribute('data-ok')).toBe('no');
  // The balance check, thrown off by the same record, names it too.
  expect(within(screen.getByTestId('check-balance')).getByTestId(`report-check-record-${request.id}`).textContent).toBe(request.trackingNumber);
  const link = within(check).getByTestId(`report-check-record-${request.id}`);
  expect(link.textContent).toBe(request.trackingNumber);
  fireEvent.click(link);
  expect(recorded.navigations).toEqual([`/admin/pages/request/index?id=${encodeURIComponent(request.id)}`]);
});

async function viewer() {
  await cloud.store.collection('staff').insert({ id: 'viewer-1', name: '统计查看', roles: ['viewer'], departmentIds: [], departmentId: null, active: true });
  return { openid: 'viewer-1' };
}

test('a resident reads a published 年度报告 with its tables, numbers as published', async () => {
  ok(await cloud.call('demo-admin', 'reports', { action: 'saveInputs', data: { year: 2024, version: 0, inputs: FULL_INPUTS, texts: FULL_TEXTS } }));
  const { noticeId } = ok(await cloud.call('demo-admin', 'reports', { action: 'publish', data: { year: 2024, version: 1 } }));
  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: noticeId });
  render(<NoticeDetailPage />);
  await waitFor(() => screen.getByTestId('annual-report-view'));
  expect(screen.getByTestId('annual-report-view').textContent).toContain('三、收到和处理政府信息公开申请情况');
  expect(screen.getByTestId('cell-received-total').textContent).toBe('0');
  expect(screen.getByTestId('proactive-licences').textContent).toContain('1520');
  expect(screen.getByTestId('annual-report-view').textContent).toContain(FULL_TEXTS.overview);
});

test('工作统计 draws the year as bars: requests per month, results, notices per kind', async () => {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ year: '2026' });
  render(<ReportStatsPage />);
  await waitFor(() => screen.getByTestId('stats-received'));
  const stats = ok(await cloud.call('demo-admin', 'reports', { action: 'stats', data: { from: '2026-01-01', to: '2026-12-31' } }));
  const values = screen.getAllByTestId('stats-received-value').map((v) => Number(v.textContent));
  expect(values).toEqual(stats.requests.perMonth.map((m: { received: number }) => m.received));
  expect(values).toHaveLength(12);
  expect(screen.getByTestId('stats-figures').textContent).toContain(`当前逾期 ${stats.requests.overdueNow} 件`);
  expect(screen.getAllByTestId('stats-notices-value').map((v) => Number(v.textContent)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});

test('from the preview the admin changes a recorded case and links it to its request by tracking number', async () => {
  const recorded2 = ok(await cloud.call('demo-admin', 'reports', { action: 'saveCase', data: { case: { kind: 'reconsideration', filedOn: '2026-03-02', outcome: 'pending', summary: '云复〔2026〕1号' } } }));
  const { items: [request] } = await cloud.store.collection('requests').find({ where: { receivedOn: { ne: null } }, orderBy: [], limit: 1 });
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ year: '2026' });
  render(<ReportPage />);
  await waitFor(() => screen.getByTestId(`case-edit-${recorded2.id}`));
  fireEvent.click(screen.getByTestId(`case-edit-${recorded2.id}`));
  expect(screen.getByTestId('case-save').textContent).toBe('保存修改');
  expect((screen.getByTestId('input-case-summary') as HTMLInputElement).value).toBe('云复〔2026〕1号');

  // A number that finds no request is refused where it was typed.
  fireEvent.change(screen.getByTestId('input-case-trackingNumber'), { target: { value: '依申〔2026〕999999号' } });
  fireEvent.click(screen.getByTestId('case-save'));
  await waitFor(() => expect(screen.getByTestId('case-form').textContent).toContain('未找到该编号的申请'));

  fireEvent.click(screen.getByTestId('case-outcome-upheld'));
  fireEvent.change(screen.getByTestId('input-case-trackingNumber'), { target: { value: request.trackingNumber } });
  fireEvent.click(screen.getByTestId('case-save'));
  await waitFor(() => screen.getByTestId(`case-request-${recorded2.id}`));
  const { cases } = ok(await cloud.call('demo-admin', 'reports', { action: 'annual', data: { year: 2026 } }));
  expect(cases.list.find((c: { id: string }) => c.id === recorded2.id)).toMatchObject({ version: 2, outcome: 'upheld', requestId: request.id, trackingNumber: request.trackingNumber, summary: '云复〔2026〕1号' });
  expect(cases.table.reconsideration).toMatchObject({ upheld: 1, pending: 0 });
  // The form is back to recording a new case; the case links to its request.
  expect(screen.getByTestId('case-save').textContent).toBe('登记案件');
  fireEvent.click(screen.getByTestId(`case-request-${recorded2.id}`));
  expect(recorded.navigations).toContain(`/admin/pages/request/index?id=${encodeURIComponent(request.id)}`);
});
