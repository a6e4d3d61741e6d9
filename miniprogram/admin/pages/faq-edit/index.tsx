import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { routes } from '../../../navigation';
import { FaqContentSchema } from '../../../../shared/inquiries/faq-contract';
import type { FaqView } from '../../../../shared/inquiries/faq-types';
import { formatBeijingDate } from '../../../../shared/time/beijing-time';
import { FormField, TextField } from '../../components/form-field';
import '../../../components/requests/requests.css';
import { askFirst } from '../../ask-first';
import { StaffLoadState } from '../../components/staff-load-state';

/**
 * Answerers: write a FAQ entry, or check one (saving marks it checked today, which moves its yearly
 * review on), or retire one that no longer holds. `?id=` opens an entry; none starts a new one.
 */
export default function FaqEditPage() {
  const id = useRouter().params.id;
  const existing = useRemote<FaqView | null>(() => (id ? call('faq', 'get', { id }) : Promise.resolve(null)), [id]);
  const [v, setV] = useState({ question: '', answer: '', topic: '' });
  useEffect(() => {
    if (existing.data) setV({ question: existing.data.question, answer: existing.data.answer, topic: existing.data.topic });
  }, [existing.data]);
  const topics = useRemote(() => call('faq', 'topics', {}), []);
  const entry = existing.data;
  const form = useValidatedForm({
    schema: FaqContentSchema,
    invalidToast: '请检查标红的内容',
    serverFields: (fields) => Object.fromEntries(Object.entries(fields).map(([k, m]) => [k.replace(/^entry\./, ''), m])),
    submit: (checked) => call('faq', 'save', entry ? { id: entry.id, version: entry.version, entry: checked } : { entry: checked }),
    done: '已保存并标记为已核对',
    onDone: (saved) => (entry ? existing.setData(saved) : Taro.redirectTo({ url: routes.adminFaqEdit(saved.id) })),
  });
  const field = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  if (id && !entry) return <StaffLoadState error={existing.error} reload={existing.reload} what="条常见问题" back={{ label: '返回咨询投诉', url: routes.adminInquiries() }} />;

  return (
    <View className="page request-page form" data-testid="faq-edit">
      {entry ? <Text className="hint">上次核对：{formatBeijingDate(entry.checkedAt)}{entry.fromCase ? '（由咨询件发布）' : ''}</Text> : null}
      <FormField label="问题" required error={form.errors.question}>
        <TextField name="faqEditQuestion" value={v.question} onChange={field('question')} />
      </FormField>
      <FormField label="回答" required error={form.errors.answer}>
        <TextField multiline name="faqEditAnswer" value={v.answer} onChange={field('answer')} />
      </FormField>
      <FormField label="主题" required error={form.errors.topic}>
        <TextField name="faqEditTopic" value={v.topic} onChange={field('topic')} />
        {/* The topics in use, to pick instead of typing a near-duplicate (养犬登记 beside 犬只登记) that splits the 按主题 filter. */}
        {topics.data && topics.data.topics.length > 0 ? (
          <View className="search-order" data-testid="faq-edit-topics">
            {topics.data.topics.map((t) => (
              <View key={t.topic} className={`search-order__item ${t.topic === v.topic ? 'search-order__item--active' : ''}`} role="button" aria-pressed={t.topic === v.topic} tabIndex={0} onClick={() => field('topic')(t.topic)}>
                {t.topic}
              </View>
            ))}
          </View>
        ) : null}
      </FormField>
      <Button className="btn btn--primary btn--block" disabled={form.busy || undefined} onClick={() => void form.submit({ ...v, ...(entry?.departmentId ? { departmentId: entry.departmentId } : {}) })} data-testid="save-faq">
        {entry ? '保存（已核对）' : '发布'}
      </Button>
      {entry ? (
        <Button
          className="btn btn--danger btn--block"
          disabled={form.busy || undefined}
          data-testid="retire-faq"
          onClick={async () => {
            const ask = {
              title: '确认停用',
              content: `“${entry.question}”将从常见问题中撤下，居民不再能查到，打开旧链接时看到“已不存在”。停用后不能修改或恢复，如仍需要请新建一条。`,
              confirmText: '确认停用',
            };
            if (await askFirst(ask)) void form.send(() => call('faq', 'retire', { id: entry.id, version: entry.version }), { done: '已停用', onDone: () => Taro.navigateBack() });
          }}
        >
          停用
        </Button>
      ) : null}
    </View>
  );
}
