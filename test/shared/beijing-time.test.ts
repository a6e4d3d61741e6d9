import { beijingToday, daysBetween, formatBeijingDate, formatBeijingDateTime } from '../../shared/time/beijing-time';

test('UTC instants are shown in Beijing time, crossing midnight correctly', () => {
  expect(formatBeijingDateTime('2026-11-24T15:59:00Z')).toBe('2026-11-24 23:59');
  expect(formatBeijingDateTime('2026-11-24T16:00:00Z')).toBe('2026-11-25 00:00');
  expect(formatBeijingDate('2026-12-31T16:30:00Z')).toBe('2027-01-01');
});

test('today is the Beijing calendar day, not the UTC one', () => {
  expect(beijingToday(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
  expect(beijingToday(new Date('2026-11-24T15:00:00Z'))).toBe('2026-11-24');
});

test('days between calendar dates, across months and leap days', () => {
  expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
  expect(daysBetween('2026-11-24', '2026-12-01')).toBe(7);
  expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  expect(daysBetween('2026-12-01', '2026-11-24')).toBe(-7);
});
