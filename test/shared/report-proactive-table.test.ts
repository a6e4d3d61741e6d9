import { contentFromDraft, emptyDraft } from '../../miniprogram/admin/notice-form';
import { computeProactiveTable, undatedRepeals, type ReportedPolicy } from '../../shared/reports/proactive-table';

const INPUTS = { licences: 1, penalties: 2, enforcement: 3, feesWan: 0 };
const policy = (over: Partial<ReportedPolicy> & { id: string }): ReportedPolicy & { id: string } => ({
  kind: 'policy',
  status: 'published',
  publishedAt: '2025-03-01T02:00:00.000Z',
  policyLevel: 'normative',
  validity: 'inForce',
  ...over,
});

describe('规章 and 行政规范性文件 that were revised (已修订)', () => {
  const notices = [
    policy({ id: 'in-force' }),
    policy({ id: 'revised-this-year', validity: 'revised', repealedOn: '2026-06-30' }),
    policy({ id: 'revised-next-year', validity: 'revised', repealedOn: '2027-01-15' }),
    policy({ id: 'revised-undated', validity: 'revised' }),
    policy({ id: 'repealed-this-year', validity: 'repealed', repealedOn: '2026-09-01' }),
    // The revised text, published in the year: counted as issued.
    policy({ id: 'revision', publishedAt: '2026-06-29T16:30:00.000Z' }),
  ];

  test('are in force until their revision date and never counted as repealed', () => {
    const table = computeProactiveTable(notices, 2026, INPUTS);
    // In force at 2026-12-31: in-force, revised-next-year, revision. Repealed in 2026: only the repeal.
    expect(table.normative).toEqual({ issued: 1, repealed: 1, inForce: 3 });
    // A year earlier those revised or repealed in 2026 were still in force and the revision not yet
    // published; the undated one belongs to no year until it is dated (the check names it).
    expect(computeProactiveTable(notices, 2025, INPUTS).normative).toEqual({ issued: 5, repealed: 0, inForce: 4 });
  });

  test('without a revision date are named by the checks, like an undated repeal', () => {
    expect(undatedRepeals(notices, 2026).map((n) => n.id)).toEqual(['revised-undated']);
    // Published after the year: not the year's concern.
    expect(undatedRepeals([policy({ id: 'later', validity: 'revised', publishedAt: '2027-02-01T02:00:00.000Z' })], 2026)).toEqual([]);
  });
});

describe('the editor sends the date a policy ended', () => {
  // The staff editor's form module (no Taro imports): a revised document's date was dropped before saving.
  const base = { ...emptyDraft('office', '2026-12-03'), kind: 'policy' as const, title: '规定', body: '正文', docNumber: '云规〔2026〕1号', issuingBody: '云溪区', effectiveDate: '2026-01-01', repealedOn: '2026-06-30' };

  test.each([
    ['revised', '2026-06-30'],
    ['repealed', '2026-06-30'],
    ['inForce', undefined],
  ] as const)('validity %s → repealedOn %s', (validity, expected) => {
    const content = contentFromDraft({ ...base, validity }) as { repealedOn?: string };
    expect(content.repealedOn).toBe(expected);
  });
});
