import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { GuideContentSchema } from '../../../../shared/inquiries/guide-contract';
import type { GuideContent } from '../../../../shared/inquiries/guide-types';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { FormField, TextField } from '../../components/form-field';
import { askFirst } from '../../ask-first';
import { guideSaveConfirmation } from '../../../../shared/inquiries/guide-confirmation';
import '../../../components/requests/requests.css';

type Texts = Omit<GuideContent, 'office' | 'inquiryWorkingDays' | 'complaintWorkingDays'> & GuideContent['office'] & { inquiryWorkingDays: string; complaintWorkingDays: string };

const FIELDS: Array<{ key: keyof Texts; label: string; multiline?: boolean }> = [
  { key: 'name', label: '政府信息公开工作机构' },
  { key: 'address', label: '办公地址' },
  { key: 'hours', label: '办公时间' },
  { key: 'phone', label: '办公电话' },
  { key: 'fax', label: '传真（可空）' },
  { key: 'email', label: '电子邮箱（可空）' },
  { key: 'inquiryLine', label: '咨询电话' },
  { key: 'complaintLine', label: '投诉举报电话' },
  { key: 'inquiryWorkingDays', label: '咨询答复时限（工作日）' },
  { key: 'complaintWorkingDays', label: '投诉举报答复时限（工作日）' },
  { key: 'categories', label: '信息分类', multiline: true },
  { key: 'howToApply', label: '申请方法', multiline: true },
  { key: 'catalogue', label: '主动公开目录', multiline: true },
  { key: 'remedies', label: '救济途径', multiline: true },
];
const OFFICE = ['name', 'address', 'hours', 'phone', 'fax', 'email'] as const;

/** Admins: the disclosure guide (条例 Art. 12) and the bureau's answer periods, saved against the version read; every version kept. */
export default function GuideEditPage() {
  const { data, reload } = useRemote(() => call('guide', 'get', {}), []);
  const [t, setT] = useState<Texts | null>(null);
  useEffect(() => {
    if (data) setT({ ...data, ...data.office, inquiryWorkingDays: String(data.inquiryWorkingDays), complaintWorkingDays: String(data.complaintWorkingDays) });
  }, [data]);
  const form = useValidatedForm({
    schema: GuideContentSchema,
    invalidToast: '请检查标红的内容',
    errorsOf: (error) => Object.fromEntries(error.issues.map((i) => [String(i.path[i.path.length - 1]), i.message])),
    serverFields: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split('.').pop() as string, v])),
    submit: (guide) => call('guide', 'save', { version: data?.version ?? 0, guide }),
    done: '已保存',
    onDone: () => reload(),
  });
  if (!data || !t) return <View className="page list-state">正在加载…</View>;
  const loaded: Texts = { ...data, ...data.office, inquiryWorkingDays: String(data.inquiryWorkingDays), complaintWorkingDays: String(data.complaintWorkingDays) };
  /** Published to everyone the moment it is saved: it asks first, naming what was edited. */
  const save = async () => {
    const office = Object.fromEntries(OFFICE.map((k) => [k, t[k]])) as unknown as GuideContent['office'];
    const guide = {
      categories: t.categories, howToApply: t.howToApply, catalogue: t.catalogue, remedies: t.remedies, inquiryLine: t.inquiryLine, complaintLine: t.complaintLine,
      office, inquiryWorkingDays: Number(t.inquiryWorkingDays), complaintWorkingDays: Number(t.complaintWorkingDays),
    };
    if (!form.validate(guide)) return;
    const changed = FIELDS.filter((f) => t[f.key] !== loaded[f.key]);
    const periodsChanged = changed.some((f) => f.key === 'inquiryWorkingDays' || f.key === 'complaintWorkingDays');
    if (!(await askFirst(guideSaveConfirmation(changed.map((f) => f.label), periodsChanged)))) return;
    void form.submit(guide);
  };
  return (
    <View className="page request-page form" data-testid="guide-edit">
      {FIELDS.map((f) => (
        <FormField key={f.key} label={f.label} error={form.errors[f.key]}>
          <TextField name={`guide-${f.key}`} multiline={f.multiline} value={t[f.key]} onChange={(v) => setT({ ...t, [f.key]: v })} />
        </FormField>
      ))}
      <Button className="btn btn--primary btn--block" disabled={form.busy || undefined} onClick={() => void save()} data-testid="save-guide">保存</Button>
      {data.history?.length ? (
        <View className="card">
          <Text className="section-title">修改记录</Text>
          {[...data.history].reverse().map((h) => (
            <Text key={h.version} className="explain__line">第 {h.version} 版 · {formatBeijingDateTime(h.at)} · {h.byName ?? ''}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
