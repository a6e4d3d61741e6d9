import { applyDelta, emptyTally, figuresOf, formatRate, monthsEndingWith, monthsOfYear, sumTallies, tallyKeysOf, type Tally } from '../../shared/ratings/satisfaction';

const tally = (counts: Partial<Tally['counts']>, followUps: Partial<Omit<Tally, 'counts'>> = {}): Tally => ({
  ...emptyTally(),
  ...followUps,
  counts: { ...emptyTally().counts, ...counts },
});

describe('satisfaction rate = (非常满意 + 满意 + 基本满意) / all', () => {
  test.each([
    // counts, hand-computed rate
    [{ verySatisfied: 90, satisfied: 6, basic: 2, dissatisfied: 1, veryDissatisfied: 1 }, 98 / 100],
    [{ verySatisfied: 1 }, 1],
    [{ dissatisfied: 2, veryDissatisfied: 1 }, 0],
    [{ basic: 1, dissatisfied: 1 }, 0.5],
    // A bureau's published 99.32 %: 1,462 of 1,472.
    [{ verySatisfied: 1300, satisfied: 150, basic: 12, dissatisfied: 7, veryDissatisfied: 3 }, 1462 / 1472],
  ])('%j → %d', (counts, rate) => {
    const figures = figuresOf(tally(counts));
    expect(figures.satisfactionRate).toBeCloseTo(rate, 12);
    expect(figures.total).toBe(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  test('no ratings: total 0 and a rate of 0 (pages show "—" from the total)', () => {
    expect(figuresOf(emptyTally())).toMatchObject({ total: 0, satisfactionRate: 0, followUpRate: null, onTimeRate: null });
    expect(formatRate(0, 0)).toBe('—');
  });

  test('published with two decimals', () => {
    expect(formatRate(1462 / 1472)).toBe('99.32%');
    expect(formatRate(1)).toBe('100.00%');
    expect(formatRate(2 / 3)).toBe('66.67%');
  });

  test('follow-up rate and on-time rate', () => {
    const f = figuresOf(tally({ dissatisfied: 3, veryDissatisfied: 1, satisfied: 6 }, { followUpsOpened: 4, followUpsAnswered: 3, followUpsOnTime: 2 }));
    expect(f.followUpRate).toBeCloseTo(3 / 4, 12);
    expect(f.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(f.satisfactionRate).toBeCloseTo(6 / 10, 12);
  });

  test('months add up exactly', () => {
    const a = tally({ verySatisfied: 10, dissatisfied: 1 }, { followUpsOpened: 1 });
    const b = tally({ satisfied: 4, basic: 1, veryDissatisfied: 2 }, { followUpsOpened: 2, followUpsAnswered: 1, followUpsOnTime: 1 });
    const sum = figuresOf(sumTallies([a, b]));
    expect(sum.total).toBe(18);
    expect(sum.satisfactionRate).toBeCloseTo(15 / 18, 12);
    expect(sum.followUpRate).toBeCloseTo(1 / 3, 12);
  });

  test('a delta that would take a counter below zero is refused', () => {
    expect(() => applyDelta(emptyTally(), { level: { level: 'basic', by: -1 } })).toThrow();
    expect(applyDelta(tally({ basic: 1 }), { level: { level: 'basic', by: -1 } }).counts.basic).toBe(0);
  });
});

test('a rating counts for its window, service, department and the bureau; without a service, three', () => {
  expect(tallyKeysOf({ windowId: 'w1', serviceId: 's1', departmentId: 'd1' })).toEqual([['window', 'w1'], ['service', 's1'], ['department', 'd1'], ['bureau', 'all']]);
  expect(tallyKeysOf({ windowId: 'w1', serviceId: null, departmentId: 'd1' })).toHaveLength(3);
});

test('twelve months ending with a month, across a year end', () => {
  expect(monthsEndingWith('2026-02')).toEqual([
    '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02',
  ]);
  expect(monthsOfYear(2026)[0]).toBe('2026-01');
  expect(monthsOfYear(2026)[11]).toBe('2026-12');
});
