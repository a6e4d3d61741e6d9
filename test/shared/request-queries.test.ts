import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar, type YearArrangement } from '../../shared/calendar/working-calendar';
import type { RequestRecord } from '../../shared/requests/request-record';
import {
  awaitingRegistration,
  awaitingSupplement,
  dueBy,
  dueSoon,
  dueSoonHorizon,
  DUE_SOON_WORKING_DAYS,
  lapsedSupplements,
  openRequests,
  overdue,
  provisionalDueDates,
  queueQuery,
  reachedByCalendarChange,
  uncoveredYearsAhead,
  urgencyOf,
  type FieldCondition,
  type QueryRecord,
  type RequestQuery,
} from '../../shared/requests/request-queries';

/** 2026 as the State Council arranged it: 中秋 09-25, 国庆 10-01…10-07, make-up Sundays/Saturdays 09-20 and 10-10. */
const calendar = buildCalendar([], builtinArrangement);

/** A record as the queries read it: open and registered, due on `dueOn` (null: no clock runs). */
function record(patch: Partial<QueryRecord> = {}): QueryRecord {
  const dueOn = patch.dueOn === undefined ? '2026-10-20' : patch.dueOn;
  return { status: 'registered', open: true, dueOn, dueSort: dueOn ?? '9999-12-31', dueProvisional: false, supplement: null, consultations: [], departmentId: 'office', ...patch };
}

/** Waiting for a supplement asked on 2026-09-29 with a 5-working-day period (ends 2026-10-12, across 国庆). */
function asked(answer: NonNullable<RequestRecord['supplement']>['answer'] = null): QueryRecord {
  return record({
    status: 'supplementRequested',
    dueOn: null,
    supplement: { items: ['请写明文号'], workingDays: 5, requestedOn: '2026-09-29', answer },
  });
}

/** The store's reading of a `where`: equality and the range operators the queries use. */
function storeSelects(where: Record<string, FieldCondition>, r: QueryRecord): boolean {
  return Object.entries(where).every(([field, condition]) => {
    const value = (r as unknown as Record<string, unknown>)[field] as string | boolean | null;
    if (condition === null || typeof condition !== 'object') return value === condition;
    const v = value as string;
    return (
      (condition.ne === undefined || value !== condition.ne) &&
      (condition.in === undefined || condition.in.includes(value)) &&
      (condition.lt === undefined || v < (condition.lt as string)) &&
      (condition.lte === undefined || v <= (condition.lte as string)) &&
      (condition.gt === undefined || v > (condition.gt as string)) &&
      (condition.gte === undefined || v >= (condition.gte as string))
    );
  });
}

const SAMPLES: QueryRecord[] = [
  record(),
  record({ dueOn: '2026-09-30' }),
  record({ dueOn: '2026-10-08' }),
  record({ dueOn: '2026-10-09' }),
  record({ dueOn: '2026-10-10' }),
  record({ dueOn: '2027-01-05', dueProvisional: true }),
  record({ status: 'consulting', dueOn: '2026-09-21' }),
  record({ status: 'submitted', dueOn: null, departmentId: null }),
  record({ dueOn: '2026-10-15', departmentId: 'approval' }),
  asked(),
  asked({ text: '文号是云建发〔2026〕12号', attachments: [], on: '2026-10-09' }),
  record({ status: 'replied', open: false, dueOn: '2026-10-09', dueSort: '9999-12-31' }),
  record({ status: 'closed', open: false, dueOn: null }),
];

describe('each query: the store selects everything the question accepts', () => {
  const cases: Array<[string, RequestQuery, string]> = [
    ['open', openRequests, '2026-10-08'],
    ['the queue', queueQuery(), '2026-10-08'],
    ["the queue of 局办公室's handlers", queueQuery(undefined, ['office']), '2026-10-08'],
    ['the queue of one status in two departments', queueQuery('registered', ['office', 'approval']), '2026-10-08'],
    ['awaiting registration', awaitingRegistration, '2026-10-08'],
    ['awaiting supplement', awaitingSupplement, '2026-10-08'],
    ['due by 10-09', dueBy('2026-10-09'), '2026-09-30'],
    ['overdue', overdue('2026-10-08'), '2026-10-08'],
    ['due soon', dueSoon('2026-09-29', calendar), '2026-09-29'],
    ['provisional', provisionalDueDates, '2026-12-03'],
    ['lapsed', lapsedSupplements, '2026-10-16'],
    ...reachedByCalendarChange('2026-10-01').map((q, i): [string, RequestQuery, string] => [`calendar change ${i}`, q, '2026-10-08']),
  ];
  test.each(cases)('%s', (_name, query, today) => {
    const accepted = SAMPLES.filter((r) => query.matches(r, today, calendar));
    expect(accepted.length).toBeGreaterThan(0);
    for (const r of accepted) expect(storeSelects(query.where, r)).toBe(true);
    // The waiting applications are listed longest waiting first; everything else most urgent first.
    expect(query.orderBy).toEqual(query === awaitingRegistration ? [['submittedAt', 'asc']] : [['dueSort', 'asc']]);
  });
});

describe('due soon and overdue, across 国庆 2026', () => {
  test('three working days from 09-29 reach over the seven days off to 10-09', () => {
    expect(DUE_SOON_WORKING_DAYS).toBe(3);
    expect(dueSoonHorizon('2026-09-29', calendar)).toBe('2026-10-09');
    expect(dueBy(dueSoonHorizon('2026-09-29', calendar)).where).toEqual({ open: true, dueSort: { lte: '2026-10-09' } });
  });

  test('due on 10-09 is due soon on 09-29; due on the make-up Saturday 10-10 is not yet', () => {
    const soon = dueSoon('2026-09-29', calendar);
    expect(soon.matches(record({ dueOn: '2026-10-09' }), '2026-09-29', calendar)).toBe(true);
    expect(soon.matches(record({ dueOn: '2026-10-10' }), '2026-09-29', calendar)).toBe(false);
    expect(soon.matches(record({ dueOn: '2026-09-29' }), '2026-09-29', calendar)).toBe(true);
    expect(soon.where).toEqual({ open: true, dueSort: { gte: '2026-09-29', lte: '2026-10-09' } });
  });

  test('overdue from the day after the due date, holidays or not; a finished request never is', () => {
    const late = overdue('2026-10-01');
    expect(late.matches(record({ dueOn: '2026-09-30' }), '2026-10-01', calendar)).toBe(true);
    expect(late.matches(record({ dueOn: '2026-10-01' }), '2026-10-01', calendar)).toBe(false);
    expect(late.matches(record({ status: 'replied', open: false, dueOn: '2026-09-30' }), '2026-10-01', calendar)).toBe(false);
    expect(late.where).toEqual({ open: true, dueSort: { lt: '2026-10-01' } });
  });

  test("a queue row's mark follows the working days left", () => {
    expect(urgencyOf(null)).toBe('none');
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('dueSoon');
    expect(urgencyOf(3)).toBe('dueSoon');
    expect(urgencyOf(4)).toBe('normal');
  });
});

describe('the queue', () => {
  test('unfiltered it lists every open registered request (the waiting ones head it apart); filtered, one status', () => {
    expect(queueQuery().where).toEqual({ open: true, status: { ne: 'submitted' } });
    expect(queueQuery('submitted')).toBe(awaitingRegistration);
    expect(awaitingRegistration.where).toEqual({ status: 'submitted' });
    expect(awaitingSupplement.where).toEqual({ status: 'supplementRequested' });
    expect(SAMPLES.filter((r) => openRequests.matches(r, '2026-10-08', calendar))).toHaveLength(11);
    expect(SAMPLES.filter((r) => queueQuery().matches(r, '2026-10-08', calendar))).toHaveLength(10);
  });

  test("a handler's queue is their departments' requests; the waiting applications are everyone's", () => {
    const office = queueQuery(undefined, ['office']);
    expect(office.where).toEqual({ open: true, status: { ne: 'submitted' }, departmentId: { in: ['office'] } });
    expect(SAMPLES.filter((r) => office.matches(r, '2026-10-08', calendar))).toHaveLength(9);
    expect(queueQuery(undefined, ['approval']).matches(record({ departmentId: 'approval' }), '2026-10-08', calendar)).toBe(true);
    expect(office.matches(record({ departmentId: undefined }), '2026-10-08', calendar)).toBe(false);
    expect(queueQuery('submitted', ['office'])).toBe(awaitingRegistration);
  });
});

describe('provisional due dates', () => {
  test('in December 2026 the queue warns about 2027 until its arrangement is entered', () => {
    expect(uncoveredYearsAhead('2026-12-03', calendar)).toEqual([2027]);
    expect(uncoveredYearsAhead('2026-12-03', buildCalendar([], () => null))).toEqual([2026, 2027]);
    const entered = buildCalendar([{ year: 2027, holidays: [], workdays: [], covered: true, source: 'bureau', updatedAt: null, updatedBy: null } as YearArrangement], builtinArrangement);
    expect(uncoveredYearsAhead('2026-12-03', entered)).toEqual([]);
    expect(provisionalDueDates.where).toEqual({ open: true, dueProvisional: true });
  });
});

describe('lapsed supplements', () => {
  test('a period ending 10-12 (国庆 skipped, make-up 10-10 counted) lapses after three more working days', () => {
    for (const today of ['2026-10-12', '2026-10-13', '2026-10-15']) expect(lapsedSupplements.matches(asked(), today, calendar)).toBe(false);
    expect(lapsedSupplements.matches(asked(), '2026-10-16', calendar)).toBe(true);
  });

  test('a supplement that arrived, or a request in another status, never lapses', () => {
    expect(lapsedSupplements.matches(asked({ text: '补正', attachments: [], on: '2026-10-12' }), '2026-11-02', calendar)).toBe(false);
    expect(lapsedSupplements.matches(record(), '2026-11-02', calendar)).toBe(false);
  });
});

describe('a calendar change', () => {
  test('reaches requests due on or after its first changed day, and every running consultation', () => {
    const [byDate, consulting] = reachedByCalendarChange('2026-10-01');
    expect(byDate.where).toEqual({ open: true, dueSort: { gte: '2026-10-01' } });
    expect(consulting.where).toEqual({ status: 'consulting' });
    const reached = (r: QueryRecord) => byDate.matches(r, '2026-10-08', calendar) || consulting.matches(r, '2026-10-08', calendar);
    expect(reached(record({ dueOn: '2026-09-30' }))).toBe(false);
    expect(reached(record({ dueOn: '2026-10-08' }))).toBe(true);
    expect(reached(record({ status: 'consulting', dueOn: '2026-09-21' }))).toBe(true);
    expect(reached(record({ status: 'replied', open: false, dueOn: '2026-10-09', dueSort: '9999-12-31' }))).toBe(false);
  });
});
