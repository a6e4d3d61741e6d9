import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { RETENTION_BOUNDS, type RetentionSettings } from '../../../../shared/privacy/retention';
import { RetentionSaveSchema } from '../../../../shared/privacy/retention-contract';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { askFirst } from '../../ask-first';
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

  /**
   * A shorter period is the one change that cannot be undone: the next clean-up deletes what is past
   * the new period, and lengthening it again brings nothing back. It asks first, naming each period cut.
   */
  const save = async () => {
    const next = input();
    const cut = KEYS.filter((k) => Number.isInteger(next[k]) && next[k] < current.data![k]);
    if (cut.length > 0) {
      const list = cut.map((k) => `${RETENTION_BOUNDS[k].label}：${current.data![k]} → ${next[k]} ${RETENTION_BOUNDS[k].unit}`).join('；');
      const ask = {
        title: '确认缩短保存期限',
        content: `${list}。保存后，系统下次自动清理时将删除已超过新期限的个人信息，删除后不能恢复，再改回原期限也找不回。隐私政策同时公布新期限。`,
        confirmText: '确认缩短',
      };
      if (!(await askFirst(ask))) return;
    }
    void form.submit(next);
  };

  return (
    <View className="page form" data-testid="retention-page">
      <Text className="hint">期满后由系统自动删除个人信息：申请和咨询的办理记录匿名保留（条例第四十五条、第五十条），评价匿名计入统计。修改后在“隐私政策”中公布。</Text>
      {KEYS.map((k) => (
        <FormField key={k} label={`${RETENTION_BOUNDS[k].label}（${RETENTION_BOUNDS[k].unit}，${RETENTION_BOUNDS[k].min}–${RETENTION_BOUNDS[k].max}）`} required error={form.errors[k]}>
          <TextField name={`retention-${k}`} value={draft[k]} onChange={(value) => setDraft({ ...draft, [k]: value })} />
        </FormField>
      ))}
      <Button className="btn btn--primary btn--block" disabled={form.busy || undefined} onClick={() => void save()} data-testid="retention-save">
        保存
      </Button>
    </View>
  );
}
