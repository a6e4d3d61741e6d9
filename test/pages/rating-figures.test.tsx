/** @jest-environment jsdom */
import { render, screen, waitFor } from '@testing-library/react';
import RatingRankingPage from '../../miniprogram/admin/pages/rating-ranking/index';
import { TrendChart } from '../../miniprogram/rating/components/trend-chart';
import { setTransport, type Transport } from '../../miniprogram/api/transport';
import type { MonthFigures, RankingRow } from '../../shared/ratings/ratings-types';
import { resetTaro } from '../support/taro';

/** The public trend chart's axis and counts, and the staff ranking's ties and lines. */
afterEach(() => setTransport(null));

const month = (m: string, total: number, satisfactionRate: number) => ({ month: m, total, satisfactionRate }) as unknown as MonthFigures;

test('the trend chart starts its axis at 0: a bar is as high as its rate, and each month says how many ratings it rests on', () => {
  render(<TrendChart months={[month('2026-10', 40, 0.9), month('2026-11', 2, 1), month('2026-12', 0, 0)]} />);
  expect(screen.getByTestId('trend-axis-zero').textContent).toBe('0');
  const bars = screen.getAllByTestId('trend-bar') as HTMLElement[];
  expect(bars.map((b) => b.style.height)).toEqual(['90%', '100%', '0%']);
  expect(screen.getAllByTestId('trend-count').map((c) => c.textContent)).toEqual(['40条', '2条', '无评价']);
});

test('the ranking shows level windows as 并列 with one rank, and each window\'s name on its own line', async () => {
  const row = (rank: number, tied: boolean, windowName: string, departmentName: string) =>
    ({ rank, tied, windowId: windowName, windowName, departmentName, total: 2, satisfactionRate: 1, followUpsOpened: 0, followUpRate: null, unverifiedTotal: 0, unverifiedIncluded: false }) as unknown as RankingRow;
  const rows = [row(1, false, '4号窗口', '行政审批科'), row(2, true, '2号窗口', '住房保障科'), row(2, true, '3号窗口', '房地产市场监管科'), row(4, false, '1号窗口', '局办公室')];
  const transport: Transport = async (fn, event) => {
    if (fn === 'ratings' && event.action === 'ranking') return { ok: true, data: rows };
    if (fn === 'ratings' && event.action === 'stats') return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    throw new Error(`unexpected ${fn}.${event.action}`);
  };
  setTransport(transport);
  resetTaro();
  render(<RatingRankingPage />);
  await waitFor(() => expect(screen.getAllByTestId('ranking-row')).toHaveLength(4));
  expect(screen.getAllByTestId('ranking-rank').map((r) => r.textContent)).toEqual(['1', '并列2', '并列2', '4']);
  // Name and department are separate block lines, never one run of text.
  const names = screen.getAllByTestId('ranking-window');
  const departments = screen.getAllByTestId('ranking-department');
  expect(names.map((n) => n.textContent)).toEqual(['4号窗口', '2号窗口', '3号窗口', '1号窗口']);
  expect(departments[0].textContent?.startsWith('行政审批科')).toBe(true);
  for (const line of [...names, ...departments]) expect(line.className).toContain('window-row__line');
});
