import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PLAN_MAX_WORKING_DAYS_LIMIT, RatingSettingsSaveSchema } from '../../../shared/ratings/ratings-schema';
import { call } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { FormField, TextField } from './form-field';

/**
 * The bureau's bound on 限期整改 plan dates (`planMaxWorkingDays`), on the 差评整改 page: officers read
 * the bound they answer within; an admin changes it here (`ratings.saveSettings`, through the change
 * road). Plans already dated keep their dates.
 */
export function PlanBoundSettings({ admin }: { admin: boolean }) {
  const current = useRemote(() => call('ratings', 'settings', {}), []);
  // What the admin typed; until then the saved bound. The field mounts with its value and is not set
  // again straight after: H5's Taro input throws (console.error) when its value changes before it has drawn.
  const [typed, setDraft] = useState<string | null>(null);
  const form = useValidatedForm({
    schema: RatingSettingsSaveSchema,
    submit: (data) => call('ratings', 'saveSettings', data),
    done: '已保存',
    onDone: (saved) => current.setData(saved),
  });
  if (!current.data) return null;
  const bound = current.data.planMaxWorkingDays;
  const draft = typed ?? String(bound);
  return (
    <View className="card form" data-testid="plan-bound-settings">
      <Text className="section-head__title">限期整改期限</Text>
      <Text className="hint" data-testid="plan-bound">
        限期整改的完成日期须在答复之日后、{bound} 个工作日以内（按本机关工作日历计算）；差评应在 {current.data.followUpWorkingDays} 个工作日内答复。
      </Text>
      {admin && (
        <>
          <FormField label={`限期整改最长期限（工作日，1–${PLAN_MAX_WORKING_DAYS_LIMIT}）`} required error={form.errors.planMaxWorkingDays}>
            <TextField name="plan-max-working-days" keyboard="number" value={draft} onChange={setDraft} />
          </FormField>
          <Button
            className="btn btn--primary btn--block"
            disabled={form.busy || undefined}
            onClick={() => void form.submit({ planMaxWorkingDays: Number(draft), version: current.data!.version })}
            data-testid="plan-bound-save"
          >
            保存
          </Button>
        </>
      )}
    </View>
  );
}
