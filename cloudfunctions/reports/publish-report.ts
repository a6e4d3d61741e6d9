import { AppError } from '../../shared/api/errors';
import { NOTICE_VERSIONS, versionRecord } from '../../shared/notices/notice-versions';
import { noticeEvent, newNotice, publishNotice } from '../../shared/notices/notice-lifecycle';
import type { AnnualReportNoticeContent, Notice } from '../../shared/notices/notice-schema';
import type { ReportEvent } from '../../shared/reports/report-record';
import type { AnnualReport, PublishResult } from '../../shared/reports/reports-contract';
import { changeRecord } from '../_runtime/change-record';
import type { HandlerContext } from '../_runtime/handler-context';
import { enqueueNoticePublished } from '../_notifications/enqueue-notification';
import { actorOf } from '../notices/change-notice';
import { loadBureau } from '../requests/bureau';
import { computeFresh, loadReportRecord } from './annual-report';

/** The department a 年度报告 is published under: the office (办公室) that runs 政务公开 in the seed's bureaus. */
const REPORT_DEPARTMENT = 'office';

/**
 * Publishing (条例 Art. 49): the report is computed one last time, every check
 * must pass (publishing before the year is over must be confirmed), and it
 * becomes a notice of its own kind, 年度报告, which carries the whole report
 * as published. Records changed afterwards do not change it: the notice is
 * what residents read and what `annual` answers for that year from then on.
 */
export async function publishReport(input: { year: number; version: number; confirmEarly?: boolean }, ctx: HandlerContext): Promise<PublishResult> {
  const record = await loadReportRecord(ctx.store, input.year);
  if (record.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (record.status === 'published') throw new AppError('REPORT_ALREADY_PUBLISHED');
  const now = ctx.now();
  const report = await computeFresh(ctx.store, record, now);
  const failing = report.checks.filter((c) => !c.ok && !(c.code === 'yearOver' && input.confirmEarly));
  if (failing.length) throw new AppError('REPORT_CHECKS_FAILED', `年度报告未通过发布前检查：${failing.map((c) => c.message).join('；')}`);

  const bureau = await loadBureau(ctx.store);
  const department = await ctx.store.collection('departments').get(REPORT_DEPARTMENT);
  const actor = actorOf(ctx.caller);
  const at = now.toISOString();
  const published: AnnualReport = { ...report, status: 'published', texts: { ...report.texts, drafts: { overview: '', problems: '', otherMatters: '' } } };
  const content: AnnualReportNoticeContent = {
    kind: 'annualReport',
    title: `${bureau.name}${input.year}年政府信息公开工作年度报告`,
    summary: `本年新收政府信息公开申请 ${report.requests.rows.received.total} 件，办结 ${report.requests.rows.concluded.total} 件。`,
    body: [report.texts.overview, report.texts.problems, report.texts.otherMatters].join('\n'),
    departmentId: department?.id ?? REPORT_DEPARTMENT,
    attachments: [],
    report: published,
  };

  let noticeId = '';
  await changeRecord(ctx.store, {
    collection: 'reports',
    id: String(input.year),
    expectedVersion: input.version,
    notFound: 'NOT_FOUND',
    initial: record,
    decide: async (_current, tx) => {
      const draft = await tx.collection('notices').insert({ ...(newNotice(content as never, department?.name ?? '办公室', actor.openid, now) as Notice) });
      noticeId = draft.id;
      await tx.collection('events').insert(noticeEvent(draft.id, 'created', actor.openid, now, `${input.year}年度报告`));
      const live = await tx.collection('notices').update(draft.id, draft.version, publishNotice(draft, actor.openid, now));
      await tx.collection('events').insert(noticeEvent(draft.id, 'published', actor.openid, now));
      await tx.collection(NOTICE_VERSIONS).insert(versionRecord(live, 'published', actor, now));
      await enqueueNoticePublished(tx, live, now);
      const event: ReportEvent = { subjectType: 'report', subjectId: String(input.year), action: 'reportPublished', actor: actor.openid, at, detail: draft.id };
      return { patch: { status: 'published' as const, publishedNoticeId: draft.id, publishedAt: at, updatedAt: at, updatedBy: actor.openid }, events: [event] };
    },
  });
  return { year: input.year, noticeId, publishedAt: at };
}
