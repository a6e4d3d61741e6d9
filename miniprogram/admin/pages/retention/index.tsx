import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { RETENTION_BOUNDS, type RetentionSettings } from '../../../../shared/privacy/retention';
import { RetentionSaveSchema } from '../../../../shared/privacy/retention-contract';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { FormField, TextField } from '../../components/form-field';

const KEYS = Object.keys(RETENTION_BOUNDS) as Array<keyof RetentionSettings>;
type Draft = Record<keyof RetentionSettings, string>;

/**
 * 个人信息保存期限 (admins): how long residents' personal data is kept before the apply-retention job
 * anonymises or removes it; the 隐私政策 page publishes the same numbers.
 */
export default function RetentionPage() {
  const current = useRemote(() => call('retention', 'get', {}), []);
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (current.data) setDraft(Object.fromEntries(KEYS.map((k) => [k, String(current.data![k])])) as Draft);
  }, [current.data]);
  const form = useValidatedForm({
    schema: RetentionSaveSchema,
    submit: (data) => call('retention', 'save', data),
    done: '已保存',
    onDone: (saved) => current.setData(saved),
  });

  if (current.error && !current.data) return <View className="page list-state list-state--error">{current.error.message}</View>;
  if (!current.data || !draft) return <View className="page list-state">正在加载…</View>;
  const version = current.data.version;
  const input = () => ({ ...Object.fromEntries(KEYS.map((k) => [k, Number(draft[k])])), version }) as RetentionSettings & { version: number };

  return (
    <View className="page form" data-testid="retention-page">
      <Text className="hint">期满后由系统自动删除个人信息：申请和咨询的办理记录匿名保留（条例第四十五条、第五十条），评价匿名计入统计。修改后在“隐私政策”中公布。</Text>
      {KEYS.map((k) => (
        <FormField key={k} label={`${RETENTION_BOUNDS[k].label}（${RETENTION_BOUNDS[k].unit}，${RETENTION_BOUNDS[k].min}–${RETENTION_BOUNDS[k].max}）`} required error={form.errors[k]}>
          <TextField name={`retention-${k}`} value={draft[k]} onChange={(value) => setDraft({ ...draft, [k]: value })} />
        </FormField>
      ))}
      <Button className="btn btn--primary btn--block" disabled={form.busy || undefined} onClick={() => void form.submit(input())} data-testid="retention-save">
        保存
      </Button>
    </View>
  );
}
