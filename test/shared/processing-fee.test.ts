import { computeFee, describeFee, feeMonthOf, perItemRate, perPageRate, type MonthApplication } from '../../shared/requests/processing-fee';

/**
 * The fee tables of 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), cell by cell:
 * Art. 4 按件计收 (per applicant and natural month) and Art. 5 按量计收 (per application's pages),
 * both progressive (超额累进, Art. 3).
 */
describe('按件计收 (Art. 4): the price of the n-th item of the month', () => {
  test.each([
    // (一) 10 件以下（含 10 件）不收费
    [1, 0], [10, 0],
    // (二) 11—30 件（含 30 件）的部分 100 元/件
    [11, 100], [20, 100], [30, 100],
    // (三) 31 件以上：以 10 件为一档，每增加一档，每件提高 100 元
    [31, 200], [40, 200], [41, 300], [50, 300], [51, 400], [60, 400], [61, 500], [100, 800], [101, 900],
  ])('item %i costs %i 元', (n, rate) => expect(perItemRate(n)).toBe(rate));

  test.each([
    // cumulative amounts for a month's total: each item at its own position
    [10, 0], [11, 100], [30, 2000], [31, 2200], [40, 4000], [41, 4300], [50, 7000], [60, 11000],
  ])('a month of %i items costs %i 元 in all', (total, amount) => expect(computeFee('perItem', 0, total).amount).toBe(amount));

  test('an application is charged at its positions in the month: after 28 items, 4 more are 100 + 100 + 200 + 200', () => {
    const c = computeFee('perItem', 28, 4);
    expect(c.amount).toBe(600);
    expect(c.bands).toEqual([
      { from: 29, to: 30, rate: 100, subtotal: 200 },
      { from: 31, to: 32, rate: 200, subtotal: 400 },
    ]);
    // The whole month costs the same however it was split into applications.
    expect(computeFee('perItem', 0, 28).amount + c.amount).toBe(computeFee('perItem', 0, 32).amount);
  });
});

describe('按量计收 (Art. 5): the price of the n-th page of an application', () => {
  test.each([
    // (一) 30 页以下（含 30 页）不收费
    [1, 0], [30, 0],
    // (二) 31—100 页（含 100 页）的部分 10 元/页
    [31, 10], [100, 10],
    // (三) 101—200 页（含 200 页）的部分 20 元/页
    [101, 20], [200, 20],
    // (四) 201 页以上的部分 40 元/页
    [201, 40], [5000, 40],
  ])('page %i costs %i 元', (n, rate) => expect(perPageRate(n)).toBe(rate));

  test.each([
    [30, 0], [31, 10], [100, 700], [101, 720], [200, 2700], [201, 2740], [250, 4700],
  ])('%i pages cost %i 元', (pages, amount) => expect(computeFee('perPage', 0, pages).amount).toBe(amount));

  test('a huge count costs no more work: 100,000 pages in four bands', () => {
    const c = computeFee('perPage', 0, 100_000);
    expect(c.bands.map((b) => [b.from, b.to, b.rate])).toEqual([[1, 30, 0], [31, 100, 10], [101, 200, 20], [201, 100_000, 40]]);
    expect(c.amount).toBe(700 + 2000 + 99_800 * 40);
  });

  test('the notice says how the amount was reached, band by band', () => {
    expect(describeFee(computeFee('perPage', 0, 120))).toEqual([
      '按量计收：本申请所提供的信息共 120 页（《政府信息公开信息处理费管理办法》第五条）',
      '第 1—30 页：不收费',
      '第 31—100 页：每页 10 元，计 700 元',
      '第 101—120 页：每页 20 元，计 400 元',
      '合计 1100 元',
    ]);
  });
});

describe('the applicant\'s month', () => {
  const person = (idNumber: string) => ({ type: 'person', idType: 'residentId', idNumber });
  const app = (id: string, receivedOn: string | null, extra: Partial<MonthApplication> = {}): MonthApplication => ({
    id,
    applicant: person('11010519491231002X'),
    receivedOn,
    submittedAt: `${receivedOn ?? '2026-11-01'}T01:00:00Z`,
    ...extra,
  });
  const self = app('self', '2026-11-10');

  test('counts the applicant\'s applications received earlier that month, each as one item or as its per-item notice counted it', () => {
    const others = [
      app('a', '2026-11-02'),
      app('b', '2026-11-03', { fee: { method: 'perItem', units: 3, waived: false } }),
      app('same-day-earlier', '2026-11-10', { submittedAt: '2026-11-10T00:00:00Z' }),
      app('later', '2026-11-20'),
      app('last-month', '2026-10-31'),
      app('not-received', null),
      app('someone-else', '2026-11-02', { applicant: person('440524198001010013') }),
      app('an-organisation', '2026-11-02', { applicant: { type: 'organization', creditCode: '91350100M000100Y43' } }),
    ];
    expect(feeMonthOf(self, 'perItem', others)).toEqual({ month: '2026-11', itemsBefore: 5, otherMethod: null });
  });

  test('a notice by the other table to the same applicant that month is a conflict; a waived one is not', () => {
    const paged = app('p', '2026-11-25', { fee: { method: 'perPage', units: 50, waived: false } });
    expect(feeMonthOf(self, 'perItem', [paged]).otherMethod).toBe('perPage');
    expect(feeMonthOf(self, 'perPage', [paged]).otherMethod).toBeNull();
    expect(feeMonthOf(self, 'perItem', [{ ...paged, fee: { method: 'perPage', units: 50, waived: true } }]).otherMethod).toBeNull();
  });
});
