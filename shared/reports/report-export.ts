import { CASE_COLUMNS } from './cases-table';
import {
  BALANCE_NOTE,
  CASE_BLOCK_LABELS,
  CASE_BLOCKS,
  CASE_OUTCOME_LABELS,
  DECISION_INPUT_LABELS,
  FEES_LABEL,
  PART_TITLES,
  POLICY_LEVEL_LABELS,
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_ROW_LABELS,
  RESULTS_HEADING,
  subRowsOf,
  type RequestRow,
} from './report-layout';
import type { AnnualReport } from './reports-contract';

/**
 * The annual report as files: CSV of each table (one file, a titled block
 * per table, BOM so Excel reads the Chinese) and a printable A4 page laid out
 * as the template of 国办公开办函〔2021〕30号 lays it out (merged cells
 * included), which the browser prints to PDF. Pure: text in, text out.
 */

const TOTAL = '总计';
const blank = (v: number | null) => (v === null ? '' : String(v));
const fees = (v: number | null) => (v === null ? '' : v.toFixed(2));

/** Part 3's rows as printed: the groups with sub-rows print only their sub-rows, as in the template. */
export const PRINTED_RESULT_ROWS: RequestRow[] = [
  'disclosed',
  'partial',
  ...subRowsOf('withheld'),
  ...subRowsOf('unavailable'),
  ...subRowsOf('notProcessed'),
  ...subRowsOf('other'),
  'concluded',
];

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function csvLine(cells: Array<string | number>): string {
  return cells.map((c) => csvCell(String(c))).join(',');
}

/** Which group a printed result row belongs to, for the CSV's second column. */
function groupLabelOf(row: RequestRow): string {
  for (const g of ['withheld', 'unavailable', 'notProcessed', 'other'] as const) if (subRowsOf(g).includes(row as never)) return REQUEST_ROW_LABELS[g];
  return '';
}

export function reportCsv(report: AnnualReport): string {
  const lines: string[] = [];
  const p = report.proactive;
  lines.push(csvLine([`${report.year}年度 ${PART_TITLES.proactive}`]));
  lines.push(csvLine(['第二十条第（一）项', '本年制发件数', '本年废止件数', '现行有效件数']));
  lines.push(csvLine([POLICY_LEVEL_LABELS.rule, p.rule.issued, p.rule.repealed, p.rule.inForce]));
  lines.push(csvLine([POLICY_LEVEL_LABELS.normative, p.normative.issued, p.normative.repealed, p.normative.inForce]));
  lines.push(csvLine(['第二十条第（五）项、第（六）项', '本年处理决定数量']));
  lines.push(csvLine([DECISION_INPUT_LABELS.licences, blank(p.licences)]));
  lines.push(csvLine([DECISION_INPUT_LABELS.penalties, blank(p.penalties)]));
  lines.push(csvLine([DECISION_INPUT_LABELS.enforcement, blank(p.enforcement)]));
  lines.push(csvLine(['第二十条第（八）项', '本年收费金额（单位：万元）']));
  lines.push(csvLine([FEES_LABEL, fees(p.feesWan)]));
  lines.push('');

  const rows = report.requests.rows;
  lines.push(csvLine([`${report.year}年度 ${PART_TITLES.requests}`]));
  lines.push(csvLine(['项目', '分项', ...REQUEST_COLUMNS.map((c) => (c === 'total' ? TOTAL : REQUEST_COLUMN_LABELS[c]))]));
  const line = (label: string, sub: string, row: RequestRow) => lines.push(csvLine([label, sub, ...REQUEST_COLUMNS.map((c) => rows[row][c])]));
  line(REQUEST_ROW_LABELS.received, '', 'received');
  line(REQUEST_ROW_LABELS.carriedIn, '', 'carriedIn');
  for (const row of PRINTED_RESULT_ROWS) {
    const group = groupLabelOf(row);
    line(RESULTS_HEADING, group ? `${group} ${REQUEST_ROW_LABELS[row]}` : REQUEST_ROW_LABELS[row], row);
  }
  line(REQUEST_ROW_LABELS.carriedOut, '', 'carriedOut');
  lines.push('');

  lines.push(csvLine([`${report.year}年度 ${PART_TITLES.cases}`]));
  lines.push(csvLine(['', ...CASE_COLUMNS.map((c) => (c === 'total' ? TOTAL : CASE_OUTCOME_LABELS[c]))]));
  for (const block of CASE_BLOCKS) lines.push(csvLine([CASE_BLOCK_LABELS[block], ...CASE_COLUMNS.map((c) => report.cases.table[block][c])]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function paragraphs(text: string): string {
  const parts = text.split(/\n+/).map((t) => t.trim()).filter(Boolean);
  return parts.length ? parts.map((t) => `<p>${esc(t)}</p>`).join('') : '<p class="empty">（无）</p>';
}

function proactiveHtml(r: AnnualReport): string {
  const p = r.proactive;
  const head = (item: string) => `<tr><th colspan="4" class="item">${item}</th></tr>`;
  return `<table data-table="proactive"><tbody>
${head('第二十条第（一）项')}
<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
<tr><td class="label">规章</td><td>${p.rule.issued}</td><td>${p.rule.repealed}</td><td>${p.rule.inForce}</td></tr>
<tr><td class="label">行政规范性文件</td><td>${p.normative.issued}</td><td>${p.normative.repealed}</td><td>${p.normative.inForce}</td></tr>
${head('第二十条第（五）项')}
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><td class="label">行政许可</td><td colspan="3">${blank(p.licences)}</td></tr>
${head('第二十条第（六）项')}
<tr><th>信息内容</th><th colspan="3">本年处理决定数量</th></tr>
<tr><td class="label">行政处罚</td><td colspan="3">${blank(p.penalties)}</td></tr>
<tr><td class="label">行政强制</td><td colspan="3">${blank(p.enforcement)}</td></tr>
${head('第二十条第（八）项')}
<tr><th>信息内容</th><th colspan="3">本年收费金额（单位：万元）</th></tr>
<tr><td class="label">行政事业性收费</td><td colspan="3">${fees(p.feesWan)}</td></tr>
</tbody></table>`;
}

function requestsHtml(r: AnnualReport): string {
  const rows = r.requests.rows;
  const cells = (row: RequestRow) => REQUEST_COLUMNS.map((c) => `<td data-row="${row}" data-col="${c}">${rows[row][c]}</td>`).join('');
  const resultCount = PRINTED_RESULT_ROWS.length;
  const out: string[] = [];
  out.push(`<tr><th colspan="3" rowspan="3" class="note">${BALANCE_NOTE}</th><th colspan="7">申请人情况</th></tr>`);
  out.push(`<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>`);
  out.push(`<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>`);
  out.push(`<tr><td colspan="3" class="label">${REQUEST_ROW_LABELS.received}</td>${cells('received')}</tr>`);
  out.push(`<tr><td colspan="3" class="label">${REQUEST_ROW_LABELS.carriedIn}</td>${cells('carriedIn')}</tr>`);
  let first = true;
  const lead = () => {
    if (!first) return '';
    first = false;
    return `<td rowspan="${resultCount}" class="label vertical">${RESULTS_HEADING}</td>`;
  };
  out.push(`<tr>${lead()}<td colspan="2" class="label">${REQUEST_ROW_LABELS.disclosed}</td>${cells('disclosed')}</tr>`);
  out.push(`<tr><td colspan="2" class="label">${REQUEST_ROW_LABELS.partial}</td>${cells('partial')}</tr>`);
  for (const g of ['withheld', 'unavailable', 'notProcessed', 'other'] as const) {
    subRowsOf(g).forEach((c, i) => {
      const groupCell = i === 0 ? `<td rowspan="${subRowsOf(g).length}" class="label">${REQUEST_ROW_LABELS[g]}</td>` : '';
      out.push(`<tr>${groupCell}<td class="label">${esc(REQUEST_ROW_LABELS[c])}</td>${cells(c)}</tr>`);
    });
  }
  out.push(`<tr><td colspan="2" class="label">${REQUEST_ROW_LABELS.concluded}</td>${cells('concluded')}</tr>`);
  out.push(`<tr><td colspan="3" class="label">${REQUEST_ROW_LABELS.carriedOut}</td>${cells('carriedOut')}</tr>`);
  return `<table data-table="requests"><tbody>\n${out.join('\n')}\n</tbody></table>`;
}

function casesHtml(r: AnnualReport): string {
  const heads = CASE_COLUMNS.map((c) => (c === 'total' ? TOTAL : CASE_OUTCOME_LABELS[c]));
  const t = r.cases.table;
  const cells = CASE_BLOCKS.flatMap((b) => CASE_COLUMNS.map((c) => `<td data-block="${b}" data-col="${c}">${t[b][c]}</td>`)).join('');
  return `<table data-table="cases"><tbody>
<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>
<tr>${heads.map((h) => `<th rowspan="2">${h}</th>`).join('')}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>
<tr>${[...heads, ...heads].map((h) => `<th>${h}</th>`).join('')}</tr>
<tr>${cells}</tr>
</tbody></table>`;
}

/** The printable page: A4, bordered tables, a Chinese serif for the text, page numbers in the footer. */
export function reportHtml(report: AnnualReport, bureauName: string): string {
  const title = `${esc(bureauName)}${report.year}年政府信息公开工作年度报告`;
  const draftMark = report.status === 'published' ? '' : '<p class="draft-mark">（草稿，尚未发布）</p>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>
@page { size: A4; margin: 25mm 20mm 22mm; @bottom-center { content: "— " counter(page) " —"; font-size: 10.5pt; } }
body { font-family: "FangSong", "STFangsong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt; line-height: 1.7; color: #000; margin: 0; }
h1 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 16pt; font-weight: normal; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 14pt; margin: 14pt 0 8pt; font-weight: normal; page-break-after: avoid; }
p { text-indent: 2em; margin: 0 0 6pt; }
p.empty, p.draft-mark { text-indent: 0; text-align: center; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 10.5pt; page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3pt 4pt; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
td.label { text-align: left; }
th.item { text-align: left; background: #f2f2f2; }
th.note { font-size: 9pt; }
td.vertical { width: 1.6em; text-align: center; }
table[data-table="cases"] { font-size: 9pt; }
@media screen { body { max-width: 170mm; margin: 12mm auto; } }
</style></head>
<body>
<h1>${title}</h1>
${draftMark}
<h2>${PART_TITLES.overview}</h2>
${paragraphs(report.texts.overview)}
<h2>${PART_TITLES.proactive}</h2>
${proactiveHtml(report)}
<h2>${PART_TITLES.requests}</h2>
${requestsHtml(report)}
<h2>${PART_TITLES.cases}</h2>
${casesHtml(report)}
<h2>${PART_TITLES.problems}</h2>
${paragraphs(report.texts.problems)}
<h2>${PART_TITLES.otherMatters}</h2>
${paragraphs(report.texts.otherMatters)}
</body></html>
`;
}
