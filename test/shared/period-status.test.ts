import { periodElapsedPercent, periodStatus } from '../../shared/notices/period-status';

const week = { start: '2026-11-22', end: '2026-11-28' };

test.each([
  ['2026-11-20', 'upcoming', 0, '未开始 · 2 天后开始'],
  ['2026-11-22', 'open', 7, '公示中 · 剩 7 天'],
  ['2026-11-25', 'open', 4, '公示中 · 剩 4 天'],
  ['2026-11-28', 'open', 1, '公示中 · 今天截止'],
  ['2026-11-29', 'ended', 0, '公示已结束'],
])('公示 on %s: %s', (today, state, daysLeft, label) => {
  expect(periodStatus(week, today, 'publicity')).toEqual({ state, daysLeft, label });
});

test('consultations use their own words', () => {
  expect(periodStatus(week, '2026-11-23', 'consultation').label).toBe('征求意见中 · 剩 6 天');
  expect(periodStatus(week, '2026-12-01', 'consultation').label).toBe('征求意见已结束');
});

test('a one-day period is open, and due, on its only day', () => {
  expect(periodStatus({ start: '2026-11-24', end: '2026-11-24' }, '2026-11-24', 'publicity')).toMatchObject({ state: 'open', daysLeft: 1 });
  expect(periodElapsedPercent({ start: '2026-11-24', end: '2026-11-24' }, '2026-11-24')).toBe(100);
});

test('periods across a month end count calendar days', () => {
  expect(periodStatus({ start: '2026-11-28', end: '2026-12-04' }, '2026-11-30', 'publicity').daysLeft).toBe(5);
});

test.each([
  ['2026-11-21', 0],
  ['2026-11-22', 14],
  ['2026-11-25', 57],
  ['2026-11-28', 100],
  ['2026-12-05', 100],
])('elapsed share of the week on %s is %i%%', (today, percent) => {
  expect(periodElapsedPercent(week, today)).toBe(percent);
});
