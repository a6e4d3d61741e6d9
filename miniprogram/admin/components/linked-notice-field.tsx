import { Picker, View } from '@tarojs/components';
import { call } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';
import type { NoticeKind } from '../../../shared/notices/notice-kinds';
import { FormField } from './form-field';

/**
 * Links a notice to another one residents can open: a picker of the most recently updated published
 * notices (of `kind` when given) instead of an id typed by hand. The server checks the link again on save.
 */
export function LinkedNoticeField(props: {
  label: string;
  kind?: NoticeKind;
  /** The notice being edited: never offered as its own link. */
  selfId?: string;
  value: string | null;
  error?: string;
  testId: string;
  onChange: (id: string | null) => void;
}) {
  const { label, kind, selfId, value, error, testId, onChange } = props;
  const published = useRemote(() => call('notices', 'manageList', { status: 'published', kind, limit: 50 }), [kind]);
  const options = [
    { id: null as string | null, title: '不关联' },
    ...(published.data?.items ?? []).filter((n) => n.id !== selfId).map((n) => ({ id: n.id as string | null, title: n.title })),
  ];
  if (value && !options.some((o) => o.id === value)) options.push({ id: value, title: `已关联的信息（${value}）` });
  const index = Math.max(0, options.findIndex((o) => o.id === (value || null)));
  return (
    <FormField label={label} error={error ?? published.error?.message}>
      <Picker mode="selector" range={options.map((o) => o.title)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.id ?? null)} data-testid={testId}>
        <View className="field__picker">{published.loading && !published.data ? '正在加载…' : options[index].title}</View>
      </Picker>
    </FormField>
  );
}
