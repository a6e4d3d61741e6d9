/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import RatingStatsPage from '../../miniprogram/rating/pages/stats/index';
import FollowUpsPage from '../../miniprogram/admin/pages/follow-ups/index';
import WindowEditPage from '../../miniprogram/admin/pages/window-edit/index';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { setTransport } from '../../miniprogram/api/transport';
import { formatRate } from '../../shared/ratings/satisfaction';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { resetTaro } from '../support/taro';

/**
 * The 差评 figures and settings on the rating pages: the public 服务评价 page shows what ratings.stats
 * computes (for the bureau and for the window tapped), and the staff 差评整改 page the 限期整改 bound.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('实名差评回访率 and 整改率 beside the satisfaction rate, with the 差评 split real-name / anonymous, as the server counts them', async () => {
  setTransport(cloud.transportAs(null));
  resetTaro();
  render(<RatingStatsPage />);
  await waitFor(() => screen.getByTestId('stats-real-name-follow-up'));
  const bureau = ok(await cloud.call(null, 'ratings', { action: 'stats', data: {} }));
  // The demo's 差评 are being worked: the figures are real rates, not 「—」.
  expect(bureau.realNameNegative + bureau.anonymousNegative).toBeGreaterThan(0);
  expect(screen.getByTestId('stats-real-name-follow-up').textContent).toBe(formatRate(bureau.realNameFollowUpRate));
  expect(screen.getByTestId('stats-rectification').textContent).toBe(formatRate(bureau.rectificationRate));
  expect(screen.getByTestId('stats-negative-split').textContent).toContain(`其中实名 ${bureau.realNameNegative} 条、匿名 ${bureau.anonymousNegative} 条`);

  // A window's own figures once it is tapped.
  const windows = ok(await cloud.call(null, 'windows', { action: 'list', data: {} })) as Array<{ id: string; name: string }>;
  const rows = screen.getAllByTestId('stats-window');
  fireEvent.click(rows[0]);
  const first = ok(await cloud.call(null, 'ratings', { action: 'stats', data: { windowId: windows[0].id } }));
  await waitFor(() => expect(screen.getByTestId('stats-rectification').textContent).toBe(formatRate(first.rectificationRate)));
  expect(screen.getByTestId('stats-real-name-follow-up').textContent).toBe(formatRate(first.realNameFollowUpRate));
});

test('on 差评整改 an officer reads the 限期整改 bound; an admin changes it there, checked beside the field', async () => {
  forgetWhoami();
  setTransport(cloud.transportAs('demo-rater'));
  resetTaro();
  const officer = render(<FollowUpsPage />);
  await waitFor(() => screen.getByTestId('plan-bound'));
  expect(screen.getByTestId('plan-bound').textContent).toContain('30 个工作日以内');
  await waitFor(() => screen.getAllByTestId('follow-up-item'));
  expect(screen.queryByTestId('plan-bound-save')).toBeNull();
  officer.unmount();

  forgetWhoami();
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<FollowUpsPage />);
  await waitFor(() => screen.getByTestId('plan-bound-save'));
  fireEvent.change(screen.getByTestId('input-plan-max-working-days'), { target: { value: '0' } });
  fireEvent.click(screen.getByTestId('plan-bound-save'));
  await waitFor(() => expect(screen.getByTestId('plan-bound-settings').textContent).toContain('至少 1 个工作日'));
  fireEvent.change(screen.getByTestId('input-plan-max-working-days'), { target: { value: '20' } });
  fireEvent.click(screen.getByTestId('plan-bound-save'));
  await waitFor(() => expect(screen.getByTestId('plan-bound').textContent).toContain('20 个工作日以内'));
  expect(ok(await cloud.call('demo-rater', 'ratings', { action: 'settings', data: {} }))).toMatchObject({ planMaxWorkingDays: 20, version: 1 });
});

test("a unit's rating officer is offered only their departments for a window, and the window is saved there", async () => {
  await cloud.store.collection('staff').insert({ id: 'housing-rater', name: '住房保障科好差评人员', roles: ['ratingOfficer'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  forgetWhoami();
  setTransport(cloud.transportAs('housing-rater'));
  resetTaro({});
  const { container } = render(<WindowEditPage />);
  // The bureau's first department (局办公室) would be refused: the picker starts at, and holds only, theirs.
  await waitFor(() => expect(container.querySelector('.field__picker')?.textContent).toBe('住房保障科'));
  fireEvent.change(screen.getByTestId('input-name'), { target: { value: '7号窗口 · 住房保障' } });
  fireEvent.change(screen.getByTestId('input-location'), { target: { value: '政务服务中心一楼 A 区 7 号' } });
  fireEvent.change(screen.getByTestId('input-service-0'), { target: { value: '公租房资格复核' } });
  fireEvent.click(screen.getByTestId('save-window'));
  await waitFor(async () => {
    const saved = (await cloud.store.collection('windows').find({ where: { name: '7号窗口 · 住房保障' }, orderBy: [['name', 'asc']], limit: 1 })).items[0];
    expect(saved?.departmentId).toBe('housing');
  });
  forgetWhoami();
});
