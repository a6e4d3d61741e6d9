import { ScrollView, Text, View } from '@tarojs/components';
import { CASE_COLUMNS } from '../../shared/reports/cases-table';
import {
  CASE_BLOCK_LABELS,
  CASE_BLOCKS,
  CASE_OUTCOME_LABELS,
  PART_TITLES,
  REQUEST_COLUMN_LABELS,
  REQUEST_COLUMNS,
  REQUEST_ROW_LABELS,
  REQUEST_ROWS,
  SUBDIVIDED_GROUPS,
} from '../../shared/reports/report-layout';
import type { AnnualReport } from '../../shared/reports/reports-contract';

/**
 * The report's tables on the phone: every row the wire carries (the group
 * rows too, marked, which the printed page folds into merged cells), scrolled
 * sideways when the screen is narrow. The printable page is the export's.
 */
const isGroup = (row: string) => (SUBDIVIDED_GROUPS as readonly string[]).includes(row) || row === 'concluded';

export function RequestsTable(props: { report: AnnualReport }) {
  const { rows } = props.report.requests;
  return (
    // A wide table scrolls sideways: focusable, so the keyboard can scroll it too.
    <ScrollView scrollX className="report-table-scroll" tabIndex={0} aria-label="收到和处理政府信息公开申请情况表">
      <View className="report-table" data-testid="report-requests">
        <View className="report-table__row report-table__row--head">
          <Text className="report-table__label">项目</Text>
          {REQUEST_COLUMNS.map((c) => (
            <Text key={c} className="report-table__cell">{REQUEST_COLUMN_LABELS[c]}</Text>
          ))}
        </View>
        {REQUEST_ROWS.map((row) => (
          <View key={row} className={`report-table__row ${isGroup(row) ? 'report-table__row--group' : ''}`}>
            <Text className="report-table__label">{REQUEST_ROW_LABELS[row]}</Text>
            {REQUEST_COLUMNS.map((c) => (
              <Text key={c} className="report-table__cell" data-testid={`cell-${row}-${c}`}>{rows[row][c]}</Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

export function ProactiveTable(props: { report: AnnualReport }) {
  const p = props.report.proactive;
  const line = (label: string, values: Array<number | string | null>, testId: string) => (
    <View className="report-table__row" data-testid={testId}>
      <Text className="report-table__label">{label}</Text>
      {values.map((v, i) => (
        <Text key={i} className="report-table__cell">{v === null ? '未填' : v}</Text>
      ))}
    </View>
  );
  return (
    <View className="report-table" data-testid="report-proactive">
      <View className="report-table__row report-table__row--head">
        <Text className="report-table__label">信息内容</Text>
        <Text className="report-table__cell">本年制发</Text>
        <Text className="report-table__cell">本年废止</Text>
        <Text className="report-table__cell">现行有效</Text>
      </View>
      {line('规章', [p.rule.issued, p.rule.repealed, p.rule.inForce], 'proactive-rule')}
      {line('行政规范性文件', [p.normative.issued, p.normative.repealed, p.normative.inForce], 'proactive-normative')}
      {line('行政许可（本年处理决定）', [p.licences], 'proactive-licences')}
      {line('行政处罚（本年处理决定）', [p.penalties], 'proactive-penalties')}
      {line('行政强制（本年处理决定）', [p.enforcement], 'proactive-enforcement')}
      {line('行政事业性收费（万元）', [p.feesWan === null ? null : p.feesWan.toFixed(2)], 'proactive-fees')}
    </View>
  );
}

export function CasesTable(props: { report: AnnualReport }) {
  const t = props.report.cases.table;
  return (
    <ScrollView scrollX className="report-table-scroll" tabIndex={0} aria-label="政府信息公开行政复议、行政诉讼情况表">
      <View className="report-table" data-testid="report-cases">
        <View className="report-table__row report-table__row--head">
          <Text className="report-table__label" />
          {CASE_COLUMNS.map((c) => (
            <Text key={c} className="report-table__cell">{c === 'total' ? '总计' : CASE_OUTCOME_LABELS[c]}</Text>
          ))}
        </View>
        {CASE_BLOCKS.map((b) => (
          <View key={b} className="report-table__row">
            <Text className="report-table__label">{CASE_BLOCK_LABELS[b]}</Text>
            {CASE_COLUMNS.map((c) => (
              <Text key={c} className="report-table__cell" data-testid={`case-${b}-${c}`}>{t[b][c]}</Text>
            ))}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}

/** A published 年度报告 as residents read it: the six parts in the template's order, numbers as published. */
export function AnnualReportView(props: { report: AnnualReport }) {
  const { report } = props;
  const text = (t: string) =>
    t.split('\n').map((p, i) => (p.trim() ? <Text key={i} className="notice-body__paragraph">{p}</Text> : null));
  return (
    <View data-testid="annual-report-view">
      <Text className="report-part">{PART_TITLES.overview}</Text>
      {text(report.texts.overview)}
      <Text className="report-part">{PART_TITLES.proactive}</Text>
      <ProactiveTable report={report} />
      <Text className="report-part">{PART_TITLES.requests}</Text>
      <RequestsTable report={report} />
      <Text className="report-part">{PART_TITLES.cases}</Text>
      <CasesTable report={report} />
      <Text className="report-part">{PART_TITLES.problems}</Text>
      {text(report.texts.problems)}
      <Text className="report-part">{PART_TITLES.otherMatters}</Text>
      {text(report.texts.otherMatters)}
    </View>
  );
}
