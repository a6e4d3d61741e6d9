import type { CaseKind, CaseOutcome, DecisionInput } from './report-layout';

/**
 * What staff enter for a year's report, stored in `reports` (id = the year).
 * Everything else in the report is computed from the records.
 */
export type ReportInputs = Record<DecisionInput, number | null> & {
  /** 行政事业性收费, in 万元 as the template asks (two decimals). */
  feesWan: number | null;
};

/** Parts 1, 5 and 6: text staff write (a draft is offered from the figures). */
export interface ReportTexts {
  overview: string;
  problems: string;
  otherMatters: string;
}
export const REPORT_TEXT_KEYS = ['overview', 'problems', 'otherMatters'] as const satisfies ReadonlyArray<keyof ReportTexts>;

export interface ReportRecord {
  year: number;
  status: 'draft' | 'published';
  inputs: ReportInputs;
  texts: ReportTexts;
  updatedAt: string | null;
  updatedBy: string | null;
  /** Set on publishing: the 年度报告 notice, which keeps the numbers as they were then. */
  publishedNoticeId: string | null;
  publishedAt: string | null;
}

export const EMPTY_INPUTS: ReportInputs = { licences: null, penalties: null, enforcement: null, feesWan: null };
export const EMPTY_TEXTS: ReportTexts = { overview: '', problems: '', otherMatters: '' };

export function blankReport(year: number): ReportRecord {
  return { year, status: 'draft', inputs: { ...EMPTY_INPUTS }, texts: { ...EMPTY_TEXTS }, updatedAt: null, updatedBy: null, publishedNoticeId: null, publishedAt: null };
}

/** A 行政复议 or 行政诉讼 case about the bureau's disclosure work (Part 4), stored in `reportCases`. */
export interface ReportCaseRecord {
  kind: CaseKind;
  /** The day the case was filed (受理/立案): the year it counts in. */
  filedOn: string;
  outcome: CaseOutcome;
  /** Litigation only: brought after a reconsideration decision (复议后起诉) rather than directly. */
  afterReconsideration: boolean;
  /** The request it concerns, when it concerns one. */
  requestId: string | null;
  trackingNumber: string | null;
  /** Case number and a line about it. */
  summary: string;
  updatedAt: string;
  updatedBy: string;
}

export interface ReportEvent {
  subjectType: 'report' | 'reportCase';
  subjectId: string;
  action: 'reportInputsSaved' | 'reportPublished' | 'reportCaseSaved';
  actor: string;
  at: string;
  detail: string | null;
}
