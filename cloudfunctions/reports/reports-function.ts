import { AppError } from '../../shared/api/errors';
import { reportCsv, reportHtml } from '../../shared/reports/report-export';
import type { ReportCaseRecord, ReportEvent } from '../../shared/reports/report-record';
import { requestStats, noticeStats } from '../../shared/reports/report-stats';
import { beijingToday } from '../../shared/time/beijing-time';
import { changeRecord } from '../_runtime/change-record';
import type { Store, Stored } from '../_runtime/store/port';
import type { RequestRecord } from '../../shared/requests/request-record';
import { defineFunction } from '../_runtime/define-function';
import { reportsContract } from '../../shared/reports/reports-contract';
import { newId } from '../_runtime/store/new-id';
import { loadCalendar } from '../calendar/calendar-data';
import { loadBureau } from '../requests/bureau';
import { caseView, computeAnnualReport, loadReportRecord, ratingFigures } from './annual-report';
import { publishReport } from './publish-report';
import { readNotices, readRequestFacts } from './report-sources';

/**
 * Function `reports`: the annual report (条例 Arts. 49–50, 国办公开办函〔2021〕30号)
 * and staff statistics. Admins and viewers read; admins enter the figures the
 * records cannot give, record cases, and publish.
 */
export const reportsFunction = defineFunction('reports', reportsContract, {
  annual({ year }, ctx) {
    return computeAnnualReport(ctx.store, year, ctx.now());
  },

  async saveInputs({ year, version, inputs, texts }, ctx) {
    const current = await loadReportRecord(ctx.store, year);
    if (current.status === 'published') throw new AppError('REPORT_ALREADY_PUBLISHED');
    const at = ctx.now().toISOString();
    const actor = ctx.caller.openid as string;
    await changeRecord(ctx.store, {
      collection: 'reports',
      id: String(year),
      expectedVersion: version,
      notFound: 'NOT_FOUND',
      initial: current,
      decide: (record) => {
        const event: ReportEvent = { subjectType: 'report', subjectId: String(year), action: 'reportInputsSaved', actor, at, detail: [...Object.keys(inputs ?? {}), ...Object.keys(texts ?? {})].join(',') || null };
        return {
          patch: {
            inputs: { ...record.inputs, ...stripUndefined(inputs ?? {}) },
            texts: { ...record.texts, ...stripUndefined(texts ?? {}) },
            updatedAt: at,
            updatedBy: actor,
          },
          events: [event],
        };
      },
    });
    return computeAnnualReport(ctx.store, year, ctx.now());
  },

  async saveCase({ id, version, case: content }, ctx) {
    const at = ctx.now().toISOString();
    const actor = ctx.caller.openid as string;
    const request = await linkedRequest(ctx.store, content);
    const fields: ReportCaseRecord = {
      kind: content.kind,
      filedOn: content.filedOn,
      outcome: content.outcome,
      afterReconsideration: content.kind === 'litigation' && content.afterReconsideration,
      requestId: request?.id ?? null,
      trackingNumber: request?.trackingNumber ?? null,
      summary: content.summary,
      updatedAt: at,
      updatedBy: actor,
    };
    const caseId = id ?? newId();
    const { record } = await changeRecord(ctx.store, {
      collection: 'reportCases',
      id: caseId,
      expectedVersion: version ?? 0,
      notFound: 'REPORT_CASE_NOT_FOUND',
      ...(id ? {} : { initial: fields }),
      decide: () => ({
        patch: fields,
        events: [{ subjectType: 'reportCase', subjectId: caseId, action: 'reportCaseSaved', actor, at, detail: `${fields.kind}:${fields.outcome}` } satisfies ReportEvent],
      }),
    });
    return caseView(record);
  },

  async export({ year, format }, ctx) {
    const report = await computeAnnualReport(ctx.store, year, ctx.now());
    if (format === 'csv') return { filename: `${year}年政府信息公开工作年度报告.csv`, mimeType: 'text/csv; charset=utf-8', content: reportCsv(report) };
    const bureau = await loadBureau(ctx.store);
    return { filename: `${year}年政府信息公开工作年度报告.html`, mimeType: 'text/html; charset=utf-8', content: reportHtml(report, bureau.name) };
  },

  publish(input, ctx) {
    return publishReport(input, ctx);
  },

  async stats({ from, to }, ctx) {
    const now = ctx.now();
    const today = beijingToday(now);
    // Up to today as well: 逾期 counts every request open now, whatever the period.
    const [{ facts }, notices, calendar, ratings] = await Promise.all([readRequestFacts(ctx.store, { receivedBy: to > today ? to : today, concludedFrom: from }), readNotices(ctx.store), loadCalendar(ctx.store), ratingFigures(ctx.store, from, to)]);
    return {
      from,
      to,
      requests: requestStats(facts, from, to, today, calendar),
      notices: noticeStats(notices, from, to),
      ratings,
    };
  },
});

/** The request a case names, by id or by tracking number; null when it names none. A name that finds nothing is refused. */
async function linkedRequest(store: Store, content: { requestId?: string | null; trackingNumber?: string | null }): Promise<Stored<RequestRecord> | null> {
  if (content.requestId) {
    const request = await store.collection('requests').get(content.requestId);
    if (!request) throw new AppError('VALIDATION_FAILED', undefined, { 'case.requestId': '未找到该申请' });
    return request;
  }
  if (content.trackingNumber) {
    const { items } = await store.collection('requests').find({ where: { trackingNumber: content.trackingNumber }, orderBy: [], limit: 1 });
    if (!items.length) throw new AppError('VALIDATION_FAILED', undefined, { 'case.trackingNumber': '未找到该编号的申请，请核对（如 依申〔2027〕000012号）' });
    return items[0];
  }
  return null;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
