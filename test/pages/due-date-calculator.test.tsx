/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DueDateCalculator } from '../../miniprogram/components/inquiries/due-date-calculator';
import { setTransport } from '../../miniprogram/api/transport';
import { type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { resetTaro } from '../support/taro';

/**
 * The guide's deadline calculator over the real calendar function: the answer is for the day shown —
 * a picked day is counted at once, never left beside the old day's answer — its steps are lines of
 * their own, and the count can be read day by day.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

test('a day picked is counted at once; 国庆 is skipped and shown day by day', async () => {
  setTransport(cloud.transportAs(null));
  resetTaro();
  render(<DueDateCalculator today="2026-11-24" />);
  fireEvent.click(screen.getByTestId('due-calculate'));
  await waitFor(() => expect(screen.getByTestId('due-on').textContent).toContain('2026-11-24 提交'));

  // Another day, through the picker alone: the answer follows it.
  fireEvent.change(screen.getByTestId('due-date-picker').querySelector('input')!, { target: { value: '2026-09-28' } });
  await waitFor(() => expect(screen.getByTestId('due-on').textContent).toBe('2026-09-28 提交，最晚答复日期：2026-10-30'));
  const lines = Array.from(screen.getByTestId('due-answer').querySelectorAll('.explain .explain__line'), (l) => l.textContent);
  expect(lines).toContain('跳过法定节假日：国庆节（10月1日至10月7日，共 7 天）');
  expect(screen.queryAllByTestId('due-calculator-day')).toHaveLength(0);
  fireEvent.click(screen.getByTestId('due-calculator-days-toggle'));
  const days = screen.getAllByTestId('due-calculator-day').map((d) => d.textContent);
  expect(days[0]).toBe('2026-09-28　收到申请（第0日，不计入）');
  expect(days).toContain('2026-10-01　法定节假日（不计入）　国庆节');
  expect(days[days.length - 1]).toBe('2026-10-30　第20个工作日');
});
