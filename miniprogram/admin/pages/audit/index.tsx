import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { AuditFiltersSchema, type AuditEntryView, type AuditExport, type AuditFilters } from '../../../../shared/audit/audit-contract';
import { AUDIT_KIND_LABELS } from '../../../../shared/audit/audit-record';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { DateField, FormField, TextField } from '../../components/form-field';
import './audit.css';

type Draft = Record<keyof AuditFilters, string>;
const EMPTY: Draft = { actor: '', recordId: '', action: '', from: '', to: '' };

/**
 * A person or record narrowed to by a tap: the box shows its name (张敏, 申请 2026-0001) while the
 * search goes by the OPENID or id behind it, which no screen shows. Typing in the box lets it go.
 */
type Pinned = Partial<Record<'actor' | 'recordId', { value: string; shown: string }>>;

/** The filters as the server takes them: a blank box is no filter; a pinned box sends what it stands for. */
function filtersOf(draft: Draft, pinned: Pinned = {}): Partial<Draft> {
  return Object.fromEntries(
    Object.entries(draft)
      .map(([k, v]) => {
        const pin = pinned[k as keyof Pinned];
        return [k, pin && pin.shown === v ? pin.value : v.trim()];
      })
      .filter(([, v]) => v !== ''),
  );
}

/**
 * Admin: 操作记录 — who changed what and who saw whose full personal data. Search by person (name),
 * record (a tracking or case number), action and dates; tap a person or a record to narrow to it;
 * export what is found as CSV for Excel. People and records are shown by name, never by OPENID or
 * internal id (the export keeps those, for whoever audits the trail).
 */
export default function AuditPage() {
  const { params } = useRouter();
  // A link from a record's page names the record; its box shows 该记录 rather than the id.
  const startPins: Pinned = {
    ...(params.recordId ? { recordId: { value: params.recordId, shown: params.recordLabel || '该记录' } } : {}),
    ...(params.actor ? { actor: { value: params.actor, shown: params.actorName || '该人员' } } : {}),
  };
  const start: Draft = { ...EMPTY, recordId: startPins.recordId?.shown ?? '', actor: startPins.actor?.shown ?? '' };
  const [draft, setDraft] = useState<Draft>(start);
  const [pinned, setPinned] = useState<Pinned>(startPins);
  const [filters, setFilters] = useState<Partial<Draft>>(() => filtersOf(start, startPins));
  const [exported, setExported] = useState<AuditExport | null>(null);
  const form = useValidatedForm({ schema: AuditFiltersSchema });
  const list = usePagedList(useCallback((cursor: string | null) => call('audit', 'search', { ...filters, cursor }), [filters]), [filters]);
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  const search = (next: Draft = draft, pins: Pinned = pinned) => {
    const checked = form.validate(filtersOf(next, pins));
    if (!checked) return;
    setExported(null);
    setFilters(filtersOf(next, pins));
  };
  const narrow = (key: keyof Pinned, value: string, shown: string) => {
    const next = { ...draft, [key]: shown };
    const pins = { ...pinned, [key]: { value, shown } };
    setDraft(next);
    setPinned(pins);
    search(next, pins);
  };
  const exportCsv = () => {
    const checked = form.validate(filtersOf(draft, pinned));
    if (!checked) return;
    void form.send(() => call('audit', 'export', checked), {
      done: (out) => (out.truncated ? `已导出最近 ${out.rows} 条，请缩小日期范围导出其余` : `已导出 ${out.rows} 条`),
      doneIcon: 'none',
      onDone: (out) => {
        setExported(out);
        downloadInBrowser(out);
      },
    });
  };
  const field = (key: keyof Draft) => ({ name: `audit-${key}`, value: draft[key], onChange: (value: string) => setDraft({ ...draft, [key]: value }) });

  return (
    <View className="page form">
      <View className="card" data-testid="audit-filters">
        <FormField label="人员（姓名）" error={form.errors.actor}>
          <TextField {...field('actor')} placeholder="如 张敏" />
        </FormField>
        <FormField label="记录编号" error={form.errors.recordId}>
          <TextField {...field('recordId')} placeholder="如申请编号、咨询编号；或点记录名称" />
        </FormField>
        <FormField label="操作" error={form.errors.action}>
          <TextField {...field('action')} placeholder="如 requests.reply" />
        </FormField>
        <View className="audit-filters__row">
          <FormField label="从" error={form.errors.from}>
            <DateField {...field('from')} label="起始日期" placeholder="不限" clearable />
          </FormField>
          <FormField label="至" error={form.errors.to}>
            <DateField {...field('to')} label="截止日期" placeholder="不限" clearable />
          </FormField>
        </View>
        <View className="audit-actions">
          <Button className="btn btn--primary" onClick={() => search()} data-testid="audit-search">查询</Button>
          <Button className="btn" disabled={form.busy || undefined} onClick={exportCsv} data-testid="audit-export">导出 CSV</Button>
        </View>
      </View>

      {exported && <ExportResult exported={exported} />}

      <PagedListView
        list={list}
        emptyText="没有符合条件的操作记录"
        renderItem={(entry: AuditEntryView) => (
          <View key={entry.id} className={`audit-entry ${entry.kind === 'personalDataViewed' ? 'audit-entry--view' : ''}`} data-testid="audit-entry">
            <View className="audit-entry__head">
              <Text role="button" tabIndex={0} className="audit-entry__who" onClick={() => narrow('actor', entry.actor, entry.actorLabel)} data-testid="audit-entry-actor">{entry.actorLabel}</Text>
              <Text className="audit-entry__time">{formatBeijingDateTime(entry.at)}</Text>
            </View>
            <Text className="audit-entry__what">
              {AUDIT_KIND_LABELS[entry.kind]} · {entry.actionLabel}
            </Text>
            <Text className="audit-entry__meta">{entry.action}</Text>
            {entry.recordIds.length > 0 && (
              <View className="audit-entry__meta">
                记录：
                {(entry.records ?? []).map((record) => (
                  <Text
                    role="button"
                    tabIndex={0}
                    key={record.id}
                    className={`audit-entry__record ${record.gone ? 'audit-entry__record--gone' : ''}`}
                    onClick={() => narrow('recordId', record.id, record.label)}
                    data-testid="audit-entry-record"
                  >
                    {record.label}
                  </Text>
                ))}
              </View>
            )}
            {entry.fields.length > 0 && <Text className="audit-entry__meta">涉及字段：{entry.fields.join('、')}</Text>}
          </View>
        )}
      />
    </View>
  );
}

/**
 * What became of the export. A browser saves the file at once. WeChat cannot save a CSV where the
 * clerk finds it, so the file is written to the app's own folder and sent to a chat
 * (shareFileMessage, which WeChat allows only straight from a tap), to be opened on a computer.
 */
function ExportResult(props: { exported: AuditExport }) {
  const { exported } = props;
  const sendToChat = () => {
    const fs = Taro.getFileSystemManager();
    const filePath = `${Taro.env.USER_DATA_PATH}/${exported.filename}`;
    fs.writeFileSync(filePath, exported.csv, 'utf8');
    void Taro.shareFileMessage({ filePath, fileName: exported.filename }).catch(() =>
      Taro.showToast({ title: '未能发送文件，请稍后重试', icon: 'none' }),
    );
  };
  return (
    <View className="audit-export" data-testid="audit-export-result">
      <Text className="audit-export__text">
        {exported.filename}：{exported.rows} 条{exported.truncated ? '（仅最近的部分，请缩小日期范围）' : ''}
      </Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="btn btn--primary btn--block" onClick={sendToChat} data-testid="audit-export-share">
          发送到微信聊天（在电脑上用 Excel 打开）
        </Button>
      )}
    </View>
  );
}

function downloadInBrowser(exported: AuditExport): void {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([exported.csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exported.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
