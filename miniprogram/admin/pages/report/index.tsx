import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useWhoami } from '../../../hooks/use-whoami';
import { go, routes } from '../../../navigation';
import { CASE_KIND_LABELS, CASE_OUTCOME_LABELS, DECISION_INPUT_LABELS, DECISION_INPUTS, PART_TITLES, type CaseKind, type CaseOutcome } from '../../../../shared/reports/report-layout';
import { REPORT_TEXT_KEYS, type ReportTexts } from '../../../../shared/reports/report-record';
import { reportingYear } from '../../../../shared/reports/report-reminder';
import type { AnnualReport, CaseView, ReportExport } from '../../../../shared/reports/reports-contract';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { CasesTable, ProactiveTable, RequestsTable } from '../../../components/report-tables';
import { DateField, FormField, TextField } from '../../components/form-field';
import './report.css';

type InputsDraft = Record<(typeof DECISION_INPUTS)[number] | 'feesWan', string>;

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/**
 * 年度报告: the year's report computed from the records, its checks with the
 * records behind each, the figures and texts the admin enters, the printable
 * page and CSV, and publishing. Viewers see the same, without the editing.
 */
export default function ReportPage() {
  const { params } = useRouter();
  const [year, setYear] = useState(() => Number(params.year) || reportingYear(beijingToday(new Date())));
  const { whoami } = useWhoami();
  const admin = !!whoami?.staff?.roles.includes('admin');
  const remote = useRemote(() => call('reports', 'annual', { year }), [year]);
  const report = remote.data;

  return (
    <View className="page form">
      <View className="card report-head">
        <Button className="btn btn--plain" onClick={() => setYear(year - 1)} data-testid="report-prev">上一年</Button>
        <Text className="report-head__year" data-testid="report-year">{year} 年度</Text>
        <Button className="btn btn--plain" onClick={() => setYear(year + 1)} data-testid="report-next">下一年</Button>
      </View>
      {remote.loading && !report && <View className="list-state"><Text>正在计算…</Text></View>}
      {remote.error && (
        <View className="list-state list-state--error">
          <Text>{remote.error.message}</Text>
          <Button className="btn btn--plain" onClick={() => void remote.reload()}>重试</Button>
        </View>
      )}
      {report && report.year === year && <ReportBody report={report} admin={admin} onChanged={(r) => remote.setData(r)} reload={() => void remote.reload()} />}
    </View>
  );
}

function ReportBody(props: { report: AnnualReport; admin: boolean; onChanged: (r: AnnualReport) => void; reload: () => void }) {
  const { report, admin } = props;
  const editable = admin && report.status === 'draft';
  // The case being changed in the form below the list; null: the form records a new one.
  const [editing, setEditing] = useState<CaseView | null>(null);
  const failing = report.checks.filter((c) => !c.ok);
  const exportAs = async (format: 'csv' | 'html') => {
    try {
      const out = await call('reports', 'export', { year: report.year, format });
      openExport(out, format);
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  const publish = async () => {
    const early = failing.length === 1 && failing[0].code === 'yearOver';
    const { confirm } = await Taro.showModal({ title: '发布年度报告', content: early ? '本年度尚未结束，数字还会变化。确定提前发布吗？' : '发布后数字固定，不再随记录变化。确定发布吗？' });
    if (!confirm) return;
    try {
      await call('reports', 'publish', { year: report.year, version: report.version, ...(early ? { confirmEarly: true } : {}) });
      void Taro.showToast({ title: '已发布' });
      props.reload();
    } catch (e) {
      void Taro.showModal({ title: '未能发布', content: messageOf(e), showCancel: false });
    }
  };

  return (
    <>
      <View className="report-section" data-testid="report-status">
        <Text className="report-section__title">{report.status === 'published' ? '已发布' : '草稿（由记录实时计算）'}</Text>
        <Text className="report-meta">发布期限：{report.deadline}（《政府信息公开条例》第四十九条）</Text>
      </View>

      <View className="report-section" data-testid="report-checks">
        <Text className="report-section__title">发布前检查</Text>
        {report.checks.map((c) => (
          <View key={c.code} className={`report-check ${c.ok ? 'report-check--ok' : 'report-check--fail'}`} data-testid={`check-${c.code}`} data-ok={c.ok ? 'yes' : 'no'}>
            <Text>{c.ok ? '✓ ' : '✗ '}{c.message}</Text>
            {c.records?.map((r) => (
              <Text role="button" tabIndex={0} key={r.id} className="report-check__record" onClick={() => go(r.kind === 'notice' ? routes.adminNoticeEdit(r.id) : routes.adminRequest(r.id))} data-testid={`report-check-record-${r.id}`}>{r.trackingNumber}</Text>
            ))}
          </View>
        ))}
      </View>

      <View className="report-actions">
        <Button className="btn" onClick={() => void exportAs('html')} data-testid="report-print">打印版（A4）</Button>
        <Button className="btn" onClick={() => void exportAs('csv')} data-testid="report-csv">导出 CSV</Button>
        <Button className="btn" onClick={() => go(routes.adminReportStats(report.year))} data-testid="report-stats-entry">工作统计</Button>
        {editable && <Button className="btn btn--primary" onClick={() => void publish()} data-testid="report-publish">发布</Button>}
      </View>

      <View className="report-section">
        <Text className="report-section__title">{PART_TITLES.proactive}</Text>
        <ProactiveTable report={report} />
      </View>
      <View className="report-section">
        <Text className="report-section__title">{PART_TITLES.requests}</Text>
        <RequestsTable report={report} />
      </View>
      <View className="report-section">
        <Text className="report-section__title">{PART_TITLES.cases}</Text>
        <CasesTable report={report} />
        {report.cases.list.map((c) => (
          <View key={c.id} className="report-case" data-testid={`case-${c.id}`}>
            <Text>
              {c.filedOn} {CASE_KIND_LABELS[c.kind]}{c.kind === 'litigation' ? (c.afterReconsideration ? '（复议后起诉）' : '（直接起诉）') : ''} · {CASE_OUTCOME_LABELS[c.outcome]} · {c.summary}
            </Text>
            {c.requestId && c.trackingNumber && (
              <Text role="button" tabIndex={0} className="report-check__record" onClick={() => go(routes.adminRequest(c.requestId as string))} data-testid={`case-request-${c.id}`}> · {c.trackingNumber}</Text>
            )}
            {editable && editing?.id !== c.id && (
              <Button className="btn btn--plain" onClick={() => setEditing(c)} data-testid={`case-edit-${c.id}`}>修改</Button>
            )}
          </View>
        ))}
        {editable && (
          <CaseForm
            key={editing ? `${editing.id}-${editing.version}` : 'new'}
            year={report.year}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              props.reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </View>

      {editable ? <InputsForm report={report} onSaved={props.onChanged} /> : <Texts texts={report.texts} />}
    </>
  );
}

function Texts(props: { texts: ReportTexts }) {
  return (
    <>
      {REPORT_TEXT_KEYS.map((k) => (
        <View key={k} className="report-section">
          <Text className="report-section__title">{PART_TITLES[k]}</Text>
          <Text className="report-text">{props.texts[k] || '（尚未填写）'}</Text>
        </View>
      ))}
    </>
  );
}

function InputsForm(props: { report: AnnualReport; onSaved: (r: AnnualReport) => void }) {
  const { report } = props;
  const fromReport = (): InputsDraft => ({
    licences: report.proactive.licences?.toString() ?? '',
    penalties: report.proactive.penalties?.toString() ?? '',
    enforcement: report.proactive.enforcement?.toString() ?? '',
    feesWan: report.proactive.feesWan?.toString() ?? '',
  });
  const [inputs, setInputs] = useState<InputsDraft>(fromReport);
  const [texts, setTexts] = useState<ReportTexts>({ overview: report.texts.overview, problems: report.texts.problems, otherMatters: report.texts.otherMatters });
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setInputs(fromReport()), [report.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    try {
      const saved = await call('reports', 'saveInputs', {
        year: report.year,
        version: report.version,
        inputs: { licences: numberOrNull(inputs.licences), penalties: numberOrNull(inputs.penalties), enforcement: numberOrNull(inputs.enforcement), feesWan: numberOrNull(inputs.feesWan) },
        texts,
      });
      setErrors({});
      props.onSaved(saved);
      void Taro.showToast({ title: '已保存' });
    } catch (e) {
      setErrors((e as { fields?: Record<string, string> }).fields ?? {});
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };

  return (
    <View className="report-section" data-testid="report-inputs">
      <Text className="report-section__title">需填写的数据（{PART_TITLES.proactive}）</Text>
      {DECISION_INPUTS.map((k) => (
        <FormField key={k} label={`${DECISION_INPUT_LABELS[k]}：本年处理决定数量`} error={errors[`inputs.${k}`]}>
          <TextField name={`report-${k}`} value={inputs[k]} onChange={(v) => setInputs({ ...inputs, [k]: v })} placeholder="件数" />
        </FormField>
      ))}
      <FormField label="行政事业性收费：本年收费金额（万元）" error={errors['inputs.feesWan']}>
        <TextField name="report-feesWan" value={inputs.feesWan} onChange={(v) => setInputs({ ...inputs, feesWan: v })} placeholder="如 35.60" />
      </FormField>
      {REPORT_TEXT_KEYS.map((k) => (
        <FormField key={k} label={PART_TITLES[k]} error={errors[`texts.${k}`]}>
          <TextField multiline name={`report-${k}`} value={texts[k]} onChange={(v) => setTexts({ ...texts, [k]: v })} placeholder="可先采用根据数据生成的草稿再修改" />
          <Button className="btn btn--plain" onClick={() => setTexts({ ...texts, [k]: report.texts.drafts[k] })} data-testid={`use-draft-${k}`}>采用草稿</Button>
        </FormField>
      ))}
      <Button className="btn btn--primary btn--block" onClick={() => void save()} data-testid="report-save">保存</Button>
    </View>
  );
}

type CaseDraft = { kind: CaseKind; filedOn: string; outcome: CaseOutcome; afterReconsideration: boolean; summary: string; trackingNumber: string };

/**
 * Records a new 行政复议/行政诉讼 case, or changes the one picked in the list (its outcome once decided,
 * a mistyped date): either may name the request it concerns by its tracking number, which the server
 * looks up, so Part 4's cases link to their requests.
 */
function CaseForm(props: { year: number; editing: CaseView | null; onSaved: () => void; onCancel: () => void }) {
  const { editing } = props;
  const [draft, setDraft] = useState<CaseDraft>(() =>
    editing
      ? { kind: editing.kind, filedOn: editing.filedOn, outcome: editing.outcome, afterReconsideration: editing.afterReconsideration, summary: editing.summary, trackingNumber: editing.trackingNumber ?? '' }
      : { kind: 'reconsideration', filedOn: `${props.year}-01-01`, outcome: 'pending', afterReconsideration: false, summary: '', trackingNumber: '' },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      const content = { ...draft, trackingNumber: draft.trackingNumber.trim() || null };
      await call('reports', 'saveCase', { ...(editing ? { id: editing.id, version: editing.version } : {}), case: content });
      setErrors({});
      if (!editing) setDraft({ ...draft, summary: '', trackingNumber: '' });
      void Taro.showToast({ title: editing ? '已保存修改' : '已登记' });
      props.onSaved();
    } catch (e) {
      setErrors((e as { fields?: Record<string, string> }).fields ?? {});
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };
  const kinds = Object.keys(CASE_KIND_LABELS) as CaseKind[];
  const outcomes = Object.keys(CASE_OUTCOME_LABELS) as CaseOutcome[];
  return (
    <View data-testid="case-form">
      <Text className="report-section__title">{editing ? '修改案件' : '登记案件'}</Text>
      <View className="report-actions">
        {kinds.map((k) => (
          <Button key={k} className={`btn ${draft.kind === k ? 'btn--primary' : ''}`} onClick={() => setDraft({ ...draft, kind: k, afterReconsideration: false })} data-testid={`case-kind-${k}`}>{CASE_KIND_LABELS[k]}</Button>
        ))}
        {draft.kind === 'litigation' && (
          <Button className={`btn ${draft.afterReconsideration ? 'btn--primary' : ''}`} onClick={() => setDraft({ ...draft, afterReconsideration: !draft.afterReconsideration })}>复议后起诉</Button>
        )}
      </View>
      <View className="report-actions">
        {outcomes.map((o) => (
          <Button key={o} className={`btn ${draft.outcome === o ? 'btn--primary' : ''}`} onClick={() => setDraft({ ...draft, outcome: o })} data-testid={`case-outcome-${o}`}>{CASE_OUTCOME_LABELS[o]}</Button>
        ))}
      </View>
      <FormField label="受理/立案日期" error={errors['case.filedOn']}>
        <DateField name="case-filedOn" label="受理/立案日期" value={draft.filedOn} onChange={(v) => setDraft({ ...draft, filedOn: v })} />
      </FormField>
      <FormField label="案号与摘要" error={errors['case.summary']}>
        <TextField name="case-summary" value={draft.summary} onChange={(v) => setDraft({ ...draft, summary: v })} placeholder="如 云复〔2026〕3号，不服不予公开答复" />
      </FormField>
      <FormField label="涉及的申请（申请编号，可不填）" error={errors['case.trackingNumber'] ?? errors['case.requestId']}>
        <TextField name="case-trackingNumber" value={draft.trackingNumber} onChange={(v) => setDraft({ ...draft, trackingNumber: v })} placeholder="如 依申〔2026〕000012号" />
      </FormField>
      <Button className="btn btn--block" onClick={() => void save()} data-testid="case-save">{editing ? '保存修改' : '登记案件'}</Button>
      {editing && <Button className="btn btn--plain btn--block" onClick={props.onCancel} data-testid="case-cancel">取消修改</Button>}
    </View>
  );
}

/**
 * The printable page opens in a new browser tab (print it to PDF there); a CSV is downloaded. WeChat
 * cannot print or save where a clerk finds it: the file goes to a chat, to be opened on a computer.
 */
function openExport(out: ReportExport, format: 'csv' | 'html'): void {
  if (process.env.TARO_ENV === 'weapp') {
    const fs = Taro.getFileSystemManager();
    const filePath = `${Taro.env.USER_DATA_PATH}/${out.filename}`;
    fs.writeFileSync(filePath, out.content, 'utf8');
    void Taro.shareFileMessage({ filePath, fileName: out.filename }).catch(() => Taro.showToast({ title: '未能发送文件，请稍后重试', icon: 'none' }));
    return;
  }
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([out.content], { type: out.mimeType }));
  if (format === 'html') window.open(url, '_blank');
  else {
    const link = document.createElement('a');
    link.href = url;
    link.download = out.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
