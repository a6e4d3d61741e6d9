import { APPLICANT_COLUMNS, REQUEST_COLUMN_LABELS, REQUEST_COLUMNS, REQUEST_ROW_LABELS, REQUEST_ROWS, SUBDIVIDED_GROUPS, subRowsOf } from './report-layout';
import type { RecordRef, RequestsTableRows, RequestsTally } from './requests-table';

/**
 * The checks run before the annual report is published (and shown on the
 * preview): each says what is wrong and, where records are behind it, which
 * ones, so staff can open them and fix the record rather than the figure.
 */
export const CHECK_CODES = ['balance', 'groups', 'categorised', 'countedOnce', 'repealDates', 'inputs', 'yearOver'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface ReportCheck {
  code: CheckCode;
  ok: boolean;
  message: string;
  /** The records behind a failure (links in the preview): requests, or notices (`kind: 'notice'`). */
  records?: RecordRef[];
}

/** What staff still have to enter for the year; empty when nothing is missing. */
export type MissingInputs = string[];

export interface CheckContext {
  year: number;
  /** Beijing day the checks are run on. */
  today: string;
  missingInputs: MissingInputs;
  /** 已废止 and 已修订 规章 and 行政规范性文件 without the date they ended (proactive-table.ts undatedRepeals). */
  undatedRepeals?: RecordRef[];
}

export function runReportChecks(tally: RequestsTally, ctx: CheckContext): ReportCheck[] {
  return [
    balanceCheck(tally.rows, tally.uncategorised),
    groupsCheck(tally.rows),
    categorisedCheck(tally.uncategorised),
    countedOnceCheck(tally),
    repealDatesCheck(ctx.undatedRepeals ?? []),
    inputsCheck(ctx.missingInputs),
    yearOverCheck(ctx.year, ctx.today),
  ];
}

/** 新收 + 上年结转 = (七)总计 + 结转下年度, in every column (the template's 勾稽关系). */
export function balanceCheck(rows: RequestsTableRows, suspects: RecordRef[] = []): ReportCheck {
  const off = REQUEST_COLUMNS.filter((c) => rows.received[c] + rows.carriedIn[c] !== rows.concluded[c] + rows.carriedOut[c]);
  if (off.length === 0) return { code: 'balance', ok: true, message: '各列均满足：本年新收 + 上年结转 = 办理结果总计 + 结转下年度' };
  const detail = off
    .map((c) => `${REQUEST_COLUMN_LABELS[c]}列 ${rows.received[c]} + ${rows.carriedIn[c]} ≠ ${rows.concluded[c]} + ${rows.carriedOut[c]}`)
    .join('；');
  return { code: 'balance', ok: false, message: `勾稽关系不成立：${detail}`, ...(suspects.length ? { records: suspects } : {}) };
}

/** Each group equals its sub-rows, (七)总计 the six groups, and 总计 the six columns. */
export function groupsCheck(rows: RequestsTableRows): ReportCheck {
  const problems: string[] = [];
  for (const column of REQUEST_COLUMNS) {
    for (const group of SUBDIVIDED_GROUPS) {
      const sum = subRowsOf(group).reduce((s, c) => s + rows[c][column], 0);
      if (sum !== rows[group][column]) problems.push(`${REQUEST_COLUMN_LABELS[column]}列「${REQUEST_ROW_LABELS[group]}」为 ${rows[group][column]}，其各项之和为 ${sum}`);
    }
    const groups = rows.disclosed[column] + rows.partial[column] + SUBDIVIDED_GROUPS.reduce((s, g) => s + rows[g][column], 0);
    if (groups !== rows.concluded[column]) problems.push(`${REQUEST_COLUMN_LABELS[column]}列（七）总计为 ${rows.concluded[column]}，（一）至（六）之和为 ${groups}`);
  }
  for (const row of REQUEST_ROWS) {
    const sum = APPLICANT_COLUMNS.reduce((s, c) => s + rows[row][c], 0);
    if (sum !== rows[row].total) problems.push(`「${REQUEST_ROW_LABELS[row]}」总计为 ${rows[row].total}，各类申请人之和为 ${sum}`);
  }
  return problems.length === 0
    ? { code: 'groups', ok: true, message: '各分项之和等于所属类别，各类申请人之和等于总计' }
    : { code: 'groups', ok: false, message: `分项不相加：${problems.join('；')}` };
}

export function categorisedCheck(uncategorised: RecordRef[]): ReportCheck {
  return uncategorised.length === 0
    ? { code: 'categorised', ok: true, message: '本年办结的申请均有办理结果类别' }
    : { code: 'categorised', ok: false, message: `有 ${uncategorised.length} 件本年办结的申请没有办理结果类别，未能计入表格`, records: uncategorised };
}

/** Every request concluded in the year appears in exactly one result row, and no record was read twice. */
export function countedOnceCheck(tally: RequestsTally): ReportCheck {
  const counted = tally.countedCount;
  const problems: string[] = [];
  if (tally.duplicates.length) problems.push(`${tally.duplicates.length} 件申请被读取了不止一次`);
  if (counted !== tally.rows.concluded.total) problems.push(`本年办结且有类别的申请 ${counted} 件，表中（七）总计为 ${tally.rows.concluded.total}`);
  return problems.length === 0
    ? { code: 'countedOnce', ok: true, message: `本年办结的 ${tally.concludedCount} 件申请各计入一次` }
    : { code: 'countedOnce', ok: false, message: problems.join('；'), ...(tally.duplicates.length ? { records: tally.duplicates } : {}) };
}

/** Part 2 can place every repeal in a year: no 已废止 规章 or 行政规范性文件 lacks its repeal date. */
export function repealDatesCheck(undated: RecordRef[]): ReportCheck {
  return undated.length === 0
    ? { code: 'repealDates', ok: true, message: '已废止、已修订的规章和行政规范性文件均有废止或修订日期' }
    : {
        code: 'repealDates',
        ok: false,
        message: `有 ${undated.length} 件已废止或已修订的规章、行政规范性文件没有废止日期（修订的为修订后文件施行、原文件失效之日），无法确定计入哪一年的“本年废止”和“现行有效”：请在该公开信息中补填`,
        records: undated,
      };
}

export function inputsCheck(missing: MissingInputs): ReportCheck {
  return missing.length === 0
    ? { code: 'inputs', ok: true, message: '需填写的数据和文字均已填写' }
    : { code: 'inputs', ok: false, message: `尚未填写：${missing.join('、')}` };
}

/** The report covers a whole year: before 1 January of the next one it is not final. */
export function yearOverCheck(year: number, today: string): ReportCheck {
  return today > `${year}-12-31`
    ? { code: 'yearOver', ok: true, message: `${year} 年度已结束` }
    : { code: 'yearOver', ok: false, message: `${year} 年度尚未结束，数据还会变化；提前发布须确认` };
}

/** The deadline for publishing a year's report (条例 Art. 49): 31 January of the next year. */
export function reportDeadline(year: number): string {
  return `${year + 1}-01-31`;
}
