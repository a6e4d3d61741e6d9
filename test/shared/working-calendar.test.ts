import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { statutoryHolidays } from '../../shared/calendar/statutory-holidays';
import { addWorkingDays, buildCalendar, workingDaysBetween, type YearArrangement } from '../../shared/calendar/working-calendar';
import { computeDue } from '../../shared/requests/deadline';

const builtin = buildCalendar([], builtinArrangement);
const facts = (startOn: string, extra: Partial<Parameters<typeof computeDue>[0]> = {}) => ({
  startOn,
  startKind: 'receipt' as const,
  pauses: [],
  extension: null,
  today: startOn,
  ...extra,
});

const year2027: YearArrangement = {
  year: 2027,
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  workdays: [],
  covered: true,
  source: 'bureau',
  updatedAt: '2026-11-20T02:00:00.000Z',
  updatedBy: '张敏',
};

describe('the working-day calendar', () => {
  test('chinese-days covers 2026 and not 2027, whatever it says about 2027-01-01', () => {
    expect(builtin.isCovered(2026)).toBe(true);
    expect(builtin.isCovered(2027)).toBe(false);
    // Not covered, yet 元旦 is a statutory day off whatever the arrangement will say.
    expect(builtin.day('2027-01-01')).toMatchObject({ work: false, kind: 'holiday', name: '元旦', covered: false });
  });

  test('国庆 2026: holidays are off, the make-up Saturday is a working day', () => {
    expect(builtin.day('2026-10-01')).toMatchObject({ work: false, kind: 'holiday', name: '国庆节' });
    expect(builtin.day('2026-10-10')).toMatchObject({ work: true, kind: 'makeupWorkday' });
    expect(builtin.day('2026-10-11')).toMatchObject({ work: false, kind: 'weekend' });
  });

  test('the receipt day is day zero', () => {
    expect(addWorkingDays(builtin, '2026-11-23', 1)).toBe('2026-11-24');
    expect(addWorkingDays(builtin, '2026-11-23', 0)).toBe('2026-11-23');
    // Received on a holiday: the next working day is day one.
    expect(addWorkingDays(builtin, '2026-10-03', 1)).toBe('2026-10-08');
  });

  test('workingDaysBetween counts (from, to] and is negative backwards', () => {
    expect(workingDaysBetween(builtin, '2026-09-28', '2026-10-30')).toBe(20);
    expect(workingDaysBetween(builtin, '2026-10-30', '2026-09-28')).toBe(-20);
    expect(workingDaysBetween(builtin, '2026-10-30', '2026-10-30')).toBe(0);
  });

  test('the bureau arrangement replaces the built-in year', () => {
    const cal = buildCalendar([{ ...year2027, year: 2026, holidays: [{ date: '2026-10-30', name: '临时放假' }] }], builtinArrangement);
    expect(cal.day('2026-10-30')).toMatchObject({ work: false, name: '临时放假' });
    // The whole year is the bureau's now: chinese-days' 国庆 is not in it.
    expect(cal.day('2026-10-08').work).toBe(true);
  });
});

describe('pinned due dates (条例 Art. 33: 20 working days)', () => {
  test('received 2026-09-28 → due 2026-10-30, across 国庆 with its make-up Saturday', () => {
    const due = computeDue(facts('2026-09-28'), builtin);
    expect(due.dueOn).toBe('2026-10-30');
    expect(due.provisional).toBe(false);
    expect(due.explanation.steps.join('\n')).toMatch(/跳过法定节假日：国庆节（10月1日至10月7日，共 7 天）/);
    expect(due.explanation.steps.join('\n')).toMatch(/2026-10-10（国庆节调休上班）为调休上班日，计为第 5 个工作日/);
    expect(due.explanation.days[0]).toEqual({ date: '2026-09-28', count: null, kind: 'receipt', name: null });
    expect(due.explanation.days.filter((d) => d.count !== null)).toHaveLength(20);
  });

  test('received 2026-02-10 → due 2026-03-16 (春节 and two make-up Saturdays)', () => {
    const due = computeDue(facts('2026-02-10'), builtin);
    expect(due.dueOn).toBe('2026-03-16');
    const makeups = due.explanation.days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date);
    expect(makeups).toEqual(['2026-02-14', '2026-02-28']);
    expect(due.explanation.steps.join('\n')).toMatch(/春节/);
  });

  test('a due date in an uncovered year is provisional, never silently weekdays-only', () => {
    const due = computeDue(facts('2026-12-20'), builtin);
    expect(due.dueOn).toBe('2027-01-18');
    expect(due.provisional).toBe(true);
    expect(due.explanation.provisionalWarning).toMatch(/2027年的节假日安排尚未录入/);
    expect(due.explanation.summary).toMatch(/暂定/);

    const entered = computeDue(facts('2026-12-20'), buildCalendar([year2027], builtinArrangement));
    expect(entered.dueOn).toBe('2027-01-18');
    expect(entered.provisional).toBe(false);
    expect(entered.explanation.provisionalWarning).toBeNull();
  });

  test('a consultation pauses the clock; a third party at most 15 working days', () => {
    const pause = { from: '2026-10-12', to: '2026-10-16', capWorkingDays: 15, label: '征求第三方（某公司）意见' };
    expect(computeDue(facts('2026-09-28', { pauses: [pause] }), builtin).dueOn).toBe('2026-11-05'); // 10-13…10-16 paused: 4 working days
    const long = { ...pause, to: '2026-12-31' };
    // 15 working days paused, no more: 20 + 15 working days after receipt.
    expect(computeDue(facts('2026-09-28', { pauses: [long] }), builtin).dueOn).toBe(addWorkingDays(builtin, '2026-09-28', 35));
    const agency = { ...long, capWorkingDays: null, to: '2026-10-30' };
    const due = computeDue(facts('2026-09-28', { pauses: [agency], today: '2026-10-30' }), builtin);
    expect(due.dueOn).toBe(addWorkingDays(builtin, '2026-10-30', 14));
    expect(due.explanation.steps.join('\n')).toMatch(/其间 14 个工作日不计入/);
  });

  test('an extension adds working days to the due date in force', () => {
    const due = computeDue(facts('2026-09-28', { extension: { workingDays: 20, approver: '张敏' } }), builtin);
    expect(due.dueOn).toBe(addWorkingDays(builtin, '2026-10-30', 20));
    expect(due.explanation.steps.join('\n')).toMatch(/经张敏同意延长 20 个工作日/);
  });
});

describe('provisional years: the statutory holidays of the 放假办法 are off, only 调休 is unknown', () => {
  test('2026-12-04 + 20 working days is provisional and not before 2027-01-04 (元旦 is no working day)', () => {
    const due = computeDue(facts('2026-12-04'), builtin);
    expect(due.provisional).toBe(true);
    expect(due.dueOn >= '2027-01-04').toBe(true);
    expect(due.dueOn).toBe('2027-01-04');
    expect(due.explanation.days.find((d) => d.date === '2027-01-01')).toEqual({ date: '2027-01-01', count: null, kind: 'holiday', name: '元旦' });
    expect(due.explanation.steps.join('\n')).toContain('跳过法定节假日：元旦（1月1日，共 1 天；2027年安排尚未录入，按《全国年节及纪念日放假办法》暂定）');
    expect(due.explanation.provisionalWarning).toMatch(/2027年的节假日安排尚未录入，暂按《全国年节及纪念日放假办法》规定的法定节假日（已跳过元旦1月1日）和周末计算/);
  });

  test('2027 as the 放假办法 fixes it: 元旦, 春节 from 除夕 (lunar), 清明, 劳动节, 端午, 中秋, 国庆', () => {
    const off = builtinArrangement(2027)!;
    expect(off).toMatchObject({ covered: false, source: 'none', workdays: [] });
    expect(off.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' }, // 除夕
      { date: '2027-02-06', name: '春节' }, // 正月初一
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
    // The rule reproduces a published year's statutory days (2026: 除夕 02-16, 清明 04-05, 端午 06-19, 中秋 09-25).
    const published = new Set(builtinArrangement(2026)!.holidays.map((d) => d.date));
    for (const d of statutoryHolidays(2026)) expect([d.date, published.has(d.date)]).toEqual([d.date, true]);
    // 2028: 清明 on 04-04, 春节 from 除夕 01-25, 中秋 on 国庆's third day counted once.
    expect(statutoryHolidays(2028).map((d) => d.date)).toEqual(expect.arrayContaining(['2028-01-25', '2028-01-28', '2028-04-04', '2028-05-28', '2028-10-03']));
    expect(statutoryHolidays(2028)).toHaveLength(12);
  });

  test('an entered year replaces the provisional one', () => {
    const entered = buildCalendar([{ ...year2027, holidays: [] }], builtinArrangement);
    expect(entered.day('2027-01-01')).toMatchObject({ work: true, covered: true });
  });
});
