import { REPLY_CATEGORIES, type ReplyCategory } from '../../shared/requests/reply-categories';
import { REQUEST_COLUMNS, REQUEST_ROWS, type RequestColumn, type RequestRow } from '../../shared/reports/report-layout';
import { runReportChecks } from '../../shared/reports/report-checks';
import { tallyRequests, type ReportedRequest } from '../../shared/reports/requests-table';
import type { OrgKind } from '../../shared/requests/request-schema';

/**
 * Part 3 computed from a small set of requests whose table was worked out by
 * hand (in the comments below), compared cell by cell.
 */
type Kind = 'person' | OrgKind;
let seq = 0;
function req(kind: Kind, receivedOn: string | null, end?: { status: 'replied' | 'closed' | 'withdrawn'; on: string; category?: ReplyCategory | null }, open: 'registered' | 'supplementRequested' | 'submitted' = 'registered'): ReportedRequest {
  seq += 1;
  const id = `r${seq}`;
  const applicant = kind === 'person' ? { type: 'person' as const } : { type: 'organization' as const, orgKind: kind };
  const base = { id, trackingNumber: `依申〔2025〕${String(seq).padStart(6, '0')}号`, receivedOn, applicant, reply: null, ending: null };
  if (!end) return { ...base, status: receivedOn ? open : 'submitted' };
  if (end.status === 'replied') return { ...base, status: 'replied', reply: { category: end.category as ReplyCategory, on: end.on } };
  return { ...base, status: end.status, ending: { category: end.category ?? null, on: end.on } };
}

function fixture(): ReportedRequest[] {
  return [
    req('person', '2025-03-01', { status: 'replied', on: '2025-03-20', category: 'disclosed' }), // new, disclosed
    req('business', '2024-12-20', { status: 'replied', on: '2025-01-10', category: 'partial' }), // carried in, partial
    req('research', '2025-12-22'), // new, still open: carried out
    req('publicWelfare', '2025-12-28', { status: 'replied', on: '2026-01-05', category: 'withheld.thirdParty' }), // new; answered next year: carried out
    req('legalService', '2025-05-05', { status: 'withdrawn', on: '2025-05-10' }), // withdrawn after receipt: (六)3
    req('other', '2025-06-01', { status: 'closed', on: '2025-07-01', category: 'other.noSupplement' }),
    req('person', '2024-06-01', { status: 'replied', on: '2024-07-01', category: 'disclosed' }), // all in 2024: nowhere
    req('person', null, { status: 'withdrawn', on: '2025-02-01' }), // never received: nowhere
    req('person', '2024-11-01', undefined, 'supplementRequested'), // open across the whole year: carried in and out
    req('person', '2025-02-02', { status: 'closed', on: '2025-03-01', category: 'other.noFee' }),
    req('business', '2025-04-01', { status: 'replied', on: '2025-04-10', category: 'notProcessed.repeat' }),
    req('person', '2025-08-01', { status: 'replied', on: '2025-08-15', category: 'unavailable.notHeld' }),
    req('person', '2026-01-03'), // next year's
    // one research institute's request concluded in every category
    ...REPLY_CATEGORIES.map((category) =>
      req('research', '2025-09-01', category.startsWith('other.') ? { status: 'closed', on: '2025-09-10', category } : { status: 'replied', on: '2025-09-10', category }),
    ),
  ];
}

type Sparse = Partial<Record<RequestRow, Partial<Record<RequestColumn, number>>>>;

/** 2025, by hand. Every cell not named is 0. */
const EXPECTED_2025: Sparse = {
  received: { person: 3, business: 1, research: 22, publicWelfare: 1, legalService: 1, other: 1, total: 29 },
  carriedIn: { person: 1, business: 1, total: 2 },
  disclosed: { person: 1, research: 1, total: 2 },
  partial: { business: 1, research: 1, total: 2 },
  ...Object.fromEntries(REPLY_CATEGORIES.filter((c) => c.startsWith('withheld.')).map((c) => [c, { research: 1, total: 1 }])),
  withheld: { research: 8, total: 8 },
  'unavailable.notHeld': { person: 1, research: 1, total: 2 },
  'unavailable.needsCreation': { research: 1, total: 1 },
  'unavailable.unclear': { research: 1, total: 1 },
  unavailable: { person: 1, research: 3, total: 4 },
  'notProcessed.petition': { research: 1, total: 1 },
  'notProcessed.repeat': { business: 1, research: 1, total: 2 },
  'notProcessed.publication': { research: 1, total: 1 },
  'notProcessed.excessive': { research: 1, total: 1 },
  'notProcessed.confirmation': { research: 1, total: 1 },
  notProcessed: { business: 1, research: 5, total: 6 },
  'other.noSupplement': { other: 1, research: 1, total: 2 },
  'other.noFee': { person: 1, research: 1, total: 2 },
  'other.other': { legalService: 1, research: 1, total: 2 },
  other: { person: 1, research: 3, legalService: 1, other: 1, total: 6 },
  concluded: { person: 3, business: 2, research: 21, legalService: 1, other: 1, total: 28 },
  carriedOut: { person: 1, research: 1, publicWelfare: 1, total: 3 },
};

function differences(actual: Record<RequestRow, Record<RequestColumn, number>>, expected: Sparse): string[] {
  const out: string[] = [];
  for (const row of REQUEST_ROWS) {
    for (const column of REQUEST_COLUMNS) {
      const want = expected[row]?.[column] ?? 0;
      if (actual[row][column] !== want) out.push(`${row}.${column}: ${actual[row][column]} ≠ ${want}`);
    }
  }
  return out;
}

describe('the requests table (Part 3)', () => {
  test('2025 matches the hand-computed table in every cell', () => {
    const tally = tallyRequests(fixture(), 2025);
    expect(differences(tally.rows, EXPECTED_2025)).toEqual([]);
    expect(Object.keys(tally.rows).sort()).toEqual([...REQUEST_ROWS].sort());
    expect(tally.columns).toEqual(['person', 'business', 'research', 'publicWelfare', 'legalService', 'other', 'total']);
  });

  test('a request spanning two years is new in the first, carried in and concluded in the second', () => {
    const rows = tallyRequests(fixture(), 2026).rows;
    expect(differences(rows, {
      received: { person: 1, total: 1 },
      carriedIn: { person: 1, research: 1, publicWelfare: 1, total: 3 },
      'withheld.thirdParty': { publicWelfare: 1, total: 1 },
      withheld: { publicWelfare: 1, total: 1 },
      concluded: { publicWelfare: 1, total: 1 },
      carriedOut: { person: 2, research: 1, total: 3 },
    })).toEqual([]);
  });

  test('every check passes on a consistent year that is over', () => {
    const checks = runReportChecks(tallyRequests(fixture(), 2025), { year: 2025, today: '2026-01-05', missingInputs: [] });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.code)).toEqual(['balance', 'groups', 'categorised', 'countedOnce', 'repealDates', 'inputs', 'yearOver']);
  });

  test('a planted inconsistency (a request closed with no category) is caught, naming the record', () => {
    const planted = req('business', '2025-10-01', { status: 'closed', on: '2025-10-08', category: null });
    const checks = runReportChecks(tallyRequests([...fixture(), planted], 2025), { year: 2025, today: '2026-01-05', missingInputs: [] });
    const failed = Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.code, c]));
    expect(Object.keys(failed).sort()).toEqual(['balance', 'categorised']);
    expect(failed.categorised.records).toEqual([{ id: planted.id, trackingNumber: planted.trackingNumber }]);
    expect(failed.balance.message).toContain('商业企业列 2 + 1 ≠ 2 + 0');
  });

  test('a record read twice, and a tampered group figure, are caught', () => {
    const records = fixture();
    const tally = tallyRequests([...records, records[0]], 2025);
    const countedOnce = runReportChecks(tally, { year: 2025, today: '2026-01-05', missingInputs: [] }).find((c) => c.code === 'countedOnce');
    expect(countedOnce).toMatchObject({ ok: false, records: [{ id: records[0].id }] });

    tally.rows.withheld.research += 1;
    const groups = runReportChecks(tally, { year: 2025, today: '2026-01-05', missingInputs: [] }).find((c) => c.code === 'groups');
    expect(groups?.ok).toBe(false);
    expect(groups?.message).toContain('科研机构列「（三）不予公开」为 9，其各项之和为 8');
  });

  test('inputs missing and a year not over fail their checks', () => {
    const checks = runReportChecks(tallyRequests(fixture(), 2025), { year: 2025, today: '2025-12-31', missingInputs: ['行政许可'] });
    expect(checks.find((c) => c.code === 'inputs')).toMatchObject({ ok: false, message: '尚未填写：行政许可' });
    expect(checks.find((c) => c.code === 'yearOver')?.ok).toBe(false);
  });
});
