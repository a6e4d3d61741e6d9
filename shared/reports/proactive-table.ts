import type { Notice } from '../notices/notice-schema';
import { formatBeijingDate } from '../time/beijing-time';
import { DECISION_INPUTS, type DecisionInput, type PolicyLevel } from './report-layout';
import type { ReportInputs } from './report-record';

/**
 * Part 2 (二、主动公开政府信息情况). The 规章 and 行政规范性文件 rows are
 * computed from the policy notices that carry a level; the licence, penalty,
 * enforcement and fee figures are entered by staff (their own systems hold them).
 *
 * - 本年制发: published (Beijing date) in the year;
 * - 本年废止: marked 已废止 with a repeal date in the year;
 * - 现行有效: published by 31 December and not repealed or superseded by then.
 * A withdrawn notice (taken down as an error) was never a document of the bureau's: it counts nowhere.
 */
export interface DocumentCounts {
  issued: number;
  repealed: number;
  inForce: number;
}

export interface ProactiveTable {
  rule: DocumentCounts;
  normative: DocumentCounts;
  licences: number | null;
  penalties: number | null;
  enforcement: number | null;
  /** 万元 */
  feesWan: number | null;
}

export type ReportedPolicy = Pick<Notice, 'status' | 'publishedAt'> & {
  kind: Notice['kind'];
  policyLevel?: PolicyLevel | null;
  validity?: string;
  repealedOn?: string | null;
};

export function computeProactiveTable(notices: Iterable<ReportedPolicy>, year: number, inputs: ReportInputs): ProactiveTable {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const counts = { rule: { issued: 0, repealed: 0, inForce: 0 }, normative: { issued: 0, repealed: 0, inForce: 0 } };
  for (const n of notices) {
    if (n.kind !== 'policy' || !n.policyLevel || n.status !== 'published' || !n.publishedAt) continue;
    const row = counts[n.policyLevel];
    const published = formatBeijingDate(n.publishedAt);
    if (published > last) continue;
    if (published >= first) row.issued += 1;
    const ended = n.validity === 'repealed' || n.validity === 'revised';
    if (!ended) {
      row.inForce += 1;
      continue;
    }
    // `repealedOn` is the day it stopped being in force: repealed (废止), or replaced by its revision
    // (修订; the revised text is a document of its own, counted as issued when it is published, so the
    // old one is not also counted as repealed). Without that day the end cannot be placed in a year:
    // not in force, not counted as repealed in any year, and named by the checks (undatedRepeals).
    const endedOn = n.repealedOn ?? null;
    if (n.validity === 'repealed' && endedOn && endedOn >= first && endedOn <= last) row.repealed += 1;
    if (endedOn && endedOn > last) row.inForce += 1;
  }
  return { ...counts, licences: inputs.licences, penalties: inputs.penalties, enforcement: inputs.enforcement, feesWan: inputs.feesWan };
}

/**
 * The 规章 and 行政规范性文件 published by the year's end that are marked 已废止 or 已修订 without the
 * date they ended. The table cannot place such an end in any year (it counts them neither as 本年废止
 * nor as 现行有效), so the checks name them for staff to date instead of the report silently miscounting.
 */
export function undatedRepeals<N extends ReportedPolicy>(notices: Iterable<N>, year: number): N[] {
  const last = `${year}-12-31`;
  const out: N[] = [];
  for (const n of notices) {
    if (n.kind !== 'policy' || !n.policyLevel || n.status !== 'published' || !n.publishedAt) continue;
    if ((n.validity === 'repealed' || n.validity === 'revised') && !n.repealedOn && formatBeijingDate(n.publishedAt) <= last) out.push(n);
  }
  return out;
}

/** The inputs not entered yet, by label (for the inputs check). */
export function missingDecisionInputs(inputs: ReportInputs): DecisionInput[] {
  return DECISION_INPUTS.filter((k) => inputs[k] === null);
}
