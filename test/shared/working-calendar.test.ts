import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
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
    expect(builtin.day('2027-01-01')).toMatchObject({ work: true, covered: false });
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
    expect(due.dueOn).toBe('2027-01-15');
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
