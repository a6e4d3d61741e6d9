import { CASE_BLOCKS, CASE_OUTCOMES, type CaseBlock, type CaseOutcome } from './report-layout';
import type { ReportCaseRecord } from './report-record';

/**
 * Part 4 (四、政府信息公开行政复议、行政诉讼情况): per block (复议, 未经复议直接起诉,
 * 复议后起诉) the cases filed in the year by outcome, and their total.
 */
export type CasesTable = Record<CaseBlock, Record<CaseOutcome | 'total', number>>;

export function blockOf(c: Pick<ReportCaseRecord, 'kind' | 'afterReconsideration'>): CaseBlock {
  if (c.kind === 'reconsideration') return 'reconsideration';
  return c.afterReconsideration ? 'suitAfterReconsideration' : 'directSuit';
}

export function computeCasesTable(cases: Iterable<Pick<ReportCaseRecord, 'kind' | 'afterReconsideration' | 'outcome' | 'filedOn'>>, year: number): CasesTable {
  const table = Object.fromEntries(CASE_BLOCKS.map((b) => [b, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }])) as CasesTable;
  for (const c of cases) {
    if (!c.filedOn.startsWith(`${year}-`)) continue;
    const row = table[blockOf(c)];
    row[c.outcome] += 1;
    row.total += 1;
  }
  return table;
}

export const CASE_COLUMNS: ReadonlyArray<CaseOutcome | 'total'> = [...CASE_OUTCOMES, 'total'];
