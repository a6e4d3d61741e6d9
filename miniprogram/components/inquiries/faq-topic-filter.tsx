import { Picker, Text } from '@tarojs/components';
import { call } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';

/**
 * 全部主题 or one topic of the FAQ (faq.topics, with how many entries each has, for the department
 * chosen beside it): the way to narrow by topic without first finding an entry that has it.
 */
export function FaqTopicFilter(props: { departmentId: string | undefined; value: string | undefined; onChange: (topic: string | undefined) => void }) {
  const topics = useRemote(() => call('faq', 'topics', props.departmentId ? { departmentId: props.departmentId } : {}), [props.departmentId]);
  const options = [{ topic: undefined as string | undefined, label: '全部主题' }, ...(topics.data?.topics ?? []).map((t) => ({ topic: t.topic as string | undefined, label: `${t.topic}（${t.count}）` }))];
  // A topic tapped on an entry may not be among the department's: show it anyway, as chosen.
  if (props.value && !options.some((o) => o.topic === props.value)) options.push({ topic: props.value, label: props.value });
  const index = Math.max(0, options.findIndex((o) => o.topic === props.value));
  return (
    <Picker mode="selector" range={options.map((o) => o.label)} value={index} onChange={(e) => props.onChange(options[Number(e.detail.value)]?.topic)} data-testid="faq-topic-picker">
      <Text className={`search-order__item ${props.value ? 'search-order__item--active' : ''}`} aria-label="按主题筛选">
        {props.value ? `主题：${props.value}` : '全部主题'} ▾
      </Text>
    </Picker>
  );
}
