import fc from 'fast-check';
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

test('beijingToday by arithmetic agrees with the date library on any moment, midnights and year ends included', () => {
  const edges = ['2026-12-31T15:59:59.999Z', '2026-12-31T16:00:00.000Z', '2024-02-28T16:00:00Z', '1999-12-31T16:00:00Z', '2100-02-28T16:00:00Z'];
  for (const at of edges) expect([at, beijingToday(new Date(at))]).toEqual([at, formatBeijingDate(new Date(at))]);
  fc.assert(
    fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }), (at) => beijingToday(at) === formatBeijingDate(at)),
    { numRuns: 2000 },
  );
  expect(beijingToday(new Date('x'))).toBe(formatBeijingDate(new Date('x')));
});
