import { computeCasesTable } from '../../shared/reports/cases-table';
import { computeProactiveTable, missingDecisionInputs, undatedRepeals } from '../../shared/reports/proactive-table';
import { reportDeadline, runReportChecks } from '../../shared/reports/report-checks';
import { draftTexts } from '../../shared/reports/report-draft';
import { DECISION_INPUT_LABELS, FEES_LABEL, PART_TITLES } from '../../shared/reports/report-layout';
import { blankReport, REPORT_TEXT_KEYS, type ReportRecord } from '../../shared/reports/report-record';
import type { AnnualReport, CaseView } from '../../shared/reports/reports-contract';
import { monthsBetween, noticeStats, OnTimeCounter, type ReportStats } from '../../shared/reports/report-stats';
import { RequestsCounter } from '../../shared/reports/requests-table';
import { figuresOf, sumTallies, tallyId } from '../../shared/ratings/satisfaction';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Store, Stored } from '../_runtime/store/port';
import { loadBureau } from '../requests/bureau';
import { eachRequestFactsPage, nameRequests, readCases, readNotices, type FactsSource } from './report-sources';
import type { ReportCaseRecord } from '../../shared/reports/report-record';

/**
 * A year's report as the preview shows it: every table computed now from the
 * records, the staff's inputs and texts, a draft of the texts, and the checks.
 * A published year answers the numbers it was published with instead (the
 * 年度报告 notice keeps them).
 */
export async function loadReportRecord(store: Store, year: number): Promise<Stored<ReportRecord>> {
  return (await store.collection('reports').get(String(year))) ?? { ...blankReport(year), id: String(year), version: 0 };
}

export async function computeAnnualReport(store: Store, year: number, now: Date): Promise<AnnualReport> {
  const record = await loadReportRecord(store, year);
  if (record.status === 'published' && record.publishedNoticeId) {
    const notice = await store.collection('notices').get(record.publishedNoticeId);
    if (notice?.kind === 'annualReport') return { ...notice.report, version: record.version, status: 'published', publishedNoticeId: notice.id };
  }
  return computeFresh(store, record, now);
}

/** `source` forces where the requests' facts are read from (the comparison test); by default the fast road when it covers every request. */
export async function computeFresh(store: Store, record: Stored<ReportRecord>, now: Date, source?: FactsSource): Promise<AnnualReport> {
  const { year } = record;
  // Part 3 and the on-time rate of the draft, counted in one pass as the pages arrive.
  const counter = new RequestsCounter(year);
  const onTime = new OnTimeCounter(`${year}-01-01`, `${year}-12-31`);
  const countRequests = eachRequestFactsPage(store, { receivedBy: `${year}-12-31`, concludedFrom: `${year}-01-01` }, (page) => {
    for (const r of page) {
      counter.add(r);
      onTime.add(r);
    }
  }, source);
  const [, notices, cases, bureau, ratings] = await Promise.all([countRequests, readNotices(store), readCases(store), loadBureau(store), ratingFigures(store, `${year}-01-01`, `${year}-12-31`)]);
  const tally = counter.result();
  await nameRequests(store, [...tally.uncategorised, ...tally.duplicates]);
  const proactive = computeProactiveTable(notices, year, record.inputs);
  const casesTable = computeCasesTable(cases, year);
  const noticesOfYear = noticeStats(notices, `${year}-01-01`, `${year}-12-31`);
  const consultationsHeld = notices.filter((n) => n.kind === 'consultation' && n.status === 'published' && n.period?.end?.startsWith(`${year}-`)).length;
  const drafts = draftTexts({
    year,
    bureauName: bureau.name,
    noticesByKind: noticesOfYear.byKind,
    requests: tally.rows,
    onTimeRate: onTime.rate(),
    consultationsHeld,
    ratings: { total: ratings.total, satisfactionRate: ratings.satisfactionRate },
    cases: casesTable,
  });
  const missing = [
    ...missingDecisionInputs(record.inputs).map((k) => DECISION_INPUT_LABELS[k]),
    ...(record.inputs.feesWan === null ? [FEES_LABEL] : []),
    ...REPORT_TEXT_KEYS.filter((k) => !record.texts[k].trim()).map((k) => PART_TITLES[k]),
  ];
  const undated = undatedRepeals(notices, year).map((n) => ({ id: n.id, trackingNumber: (n.kind === 'policy' && n.docNumber) || n.title, kind: 'notice' as const }));
  const checks = runReportChecks(tally, { year, today: beijingToday(now), missingInputs: missing, undatedRepeals: undated });
  return {
    year,
    status: 'draft',
    version: record.version,
    deadline: reportDeadline(year),
    computedAt: now.toISOString(),
    requests: { rows: tally.rows, columns: tally.columns },
    proactive,
    cases: { table: casesTable, list: cases.filter((c) => c.filedOn.startsWith(`${year}-`)).sort((a, b) => a.filedOn.localeCompare(b.filedOn)).map(caseView) },
    texts: { ...record.texts, drafts },
    checks,
    publishedNoticeId: null,
  };
}

export function caseView(c: Stored<ReportCaseRecord>): CaseView {
  return {
    id: c.id,
    version: c.version,
    kind: c.kind,
    filedOn: c.filedOn,
    outcome: c.outcome,
    afterReconsideration: c.afterReconsideration,
    requestId: c.requestId,
    trackingNumber: c.trackingNumber,
    summary: c.summary,
  };
}

/** The bureau's rating figures over whole months (verified ratings, as published). */
export async function ratingFigures(store: Store, from: string, to: string): Promise<ReportStats['ratings']> {
  const tallies = await Promise.all(monthsBetween(from, to).map((m) => store.collection('ratingTallies').get(tallyId('bureau', 'all', m))));
  return figuresOf(sumTallies(tallies.filter((t) => t !== null)));
}
