/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import DeliveriesPage from '../../miniprogram/admin/pages/deliveries/index';
import AdminNoticesPage from '../../miniprogram/admin/pages/notices/index';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { announcement, consultation } from '../support/factories';
import { dispatchAll } from '../support/notifications-fixture';
import { prepareRequestFixture } from '../support/request-fixture';
import { recorded, resetTaro } from '../support/taro';

/** Ways between staff pages: opinions, 阅读, and a request's delivery report. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const publish = async (content: object) => {
  const d = ok(await cloud.call('demo-editor', 'notices', { action: 'save', data: { notice: content } }));
  return ok(await cloud.call('demo-editor', 'notices', { action: 'publish', data: { id: d.id, version: d.version } }));
};

test('a clerk opens the delivery report of a request from its page: the supplement notice reached the applicant in 消息', async () => {
  const { awaitingSupplementId: id } = await prepareRequestFixture(cloud);
  await dispatchAll(cloud);
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id });
  const page = render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('request-deliveries'));
  fireEvent.click(screen.getByTestId('request-deliveries'));
  expect(recorded.navigations).toEqual([`/admin/pages/deliveries/index?subjectId=${id}`]);
  page.unmount();

  resetTaro({ subjectId: id });
  render(<DeliveriesPage />);
  await waitFor(() => expect(screen.getByTestId('delivery-report').textContent).toContain('站内消息1 人'));
});

test('the staff list shows each published notice\'s 阅读 count and, for a consultation, the way to its opinions', async () => {
  const read = await publish(announcement({ title: '阅读数测试通知' }));
  const asked = await publish(consultation({ title: '阅读数测试征求意见' }));
  for (const reader of ['resident-a', 'resident-b', 'resident-a']) ok(await cloud.call(reader, 'notices', { action: 'view', data: { id: read.id } }));
  setTransport(cloud.transportAs('demo-editor'));
  resetTaro();
  render(<AdminNoticesPage />);
  const card = (title: string) => screen.getAllByTestId('admin-notice').find((c) => c.textContent?.includes(title))!;
  await waitFor(() => expect(card('阅读数测试通知').querySelector('[data-testid=admin-notice-views]')?.textContent).toBe('阅读 2'));
  expect(card('阅读数测试通知').querySelector('[data-testid=admin-notice-opinions]')).toBeNull();
  expect(card('阅读数测试征求意见').querySelector('[data-testid=admin-notice-views]')?.textContent).toBe('阅读 0');
  fireEvent.click(card('阅读数测试征求意见').querySelector('[data-testid=admin-notice-opinions]')!);
  // The button, not the card under it: the opinions page, not the editor.
  expect(recorded.navigations).toEqual([`/admin/pages/opinions/index?id=${asked.id}`]);
});
