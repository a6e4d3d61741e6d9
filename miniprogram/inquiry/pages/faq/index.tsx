import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { DepartmentFilter } from '../../../components/department-filter';
import { FaqListItem } from '../../../components/inquiries/faq-list-item';
import { FaqTopicFilter } from '../../../components/inquiries/faq-topic-filter';
import { PagedListView } from '../../../components/paged-list-view';
import { SearchBox } from '../../../components/search-box';
import { useElderClass } from '../../../elder-mode';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRemote } from '../../../hooks/use-remote';
import { go, routes } from '../../../navigation';
import { formatBeijingDate } from '../../../../shared/time/beijing-time';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';
import { usePageShare } from '../../../hooks/use-page-share';

/**
 * 常见问题: the bureau's checked answers, newest checked first, searchable (its own full-text index
 * in the local cloud), narrowed by department and by topic (from the list of topics, or tap an entry's); `?id=` opens one
 * entry whole. Not found here: 我要咨询.
 */
export default function FaqPage() {
  const elder = useElderClass();
  const params = useRouter().params;
  const [q, setQ] = useState(params.q ? decodeURIComponent(params.q) : '');
  usePageShare(() => ({ title: '常见问题', path: routes.faq({ id: params.id, q: q || undefined }) }));
  if (params.id) return <FaqEntry id={params.id} elder={elder} />;
  return <FaqList q={q} setQ={setQ} elder={elder} />;
}

function FaqList({ q, setQ, elder }: { q: string; setQ: (q: string) => void; elder: string }) {
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [topic, setTopic] = useState<string | undefined>(undefined);
  const filters = { ...(departmentId ? { departmentId } : {}), ...(topic ? { topic } : {}) };
  const list = usePagedList(
    useCallback(
      async (cursor: string | null) => (q ? { items: (await call('faq', 'search', { q, limit: 20, ...filters })).items, nextCursor: null } : call('faq', 'list', { cursor, limit: 20, ...filters })),
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [q, departmentId, topic],
    ),
    [q, departmentId, topic],
  );
  useListPageEvents(list);
  const filtered = Boolean(departmentId || topic);
  return (
    <View className={`page ${elder} request-page`} data-testid="faq-page">
      <SearchBox initial={q} onSearch={setQ} placeholder="搜索常见问题" />
      {/* 按部门、按主题: a department and a topic from their lists (or tap the topic on any entry). */}
      <View className="search-order" data-testid="faq-filters">
        <DepartmentFilter value={departmentId} onChange={setDepartmentId} />
        <FaqTopicFilter departmentId={departmentId} value={topic} onChange={setTopic} />
        {topic && (
          <Text role="button" tabIndex={0} className="search-order__item" onClick={() => setTopic(undefined)} data-testid="faq-topic-filter" aria-label={`清除主题筛选：${topic}`}>
            清除主题 ✕
          </Text>
        )}
      </View>
      <View className="card">
        <PagedListView
          list={list}
          emptyText={q || filtered ? '没有找到相关的常见问题，可以直接咨询' : '暂无常见问题'}
          renderItem={(f) => <FaqListItem key={f.id} faq={f} onOpen={(id) => go(routes.faq({ id }))} onTopic={setTopic} />}
        />
      </View>
      <Button className="btn btn--primary btn--block" onClick={() => go(routes.ask())} data-testid="faq-ask">没有找到？我要咨询</Button>
    </View>
  );
}

function FaqEntry({ id, elder }: { id: string; elder: string }) {
  const { data, error, setData } = useRemote(() => call('faq', 'get', { id }), [id]);
  const [thanked, setThanked] = useState<string | null>(null);
  if (!data) return <View className={`page ${elder} list-state`}>{error ? error.message : '正在加载…'}</View>;
  return (
    <View className={`page ${elder} request-page`} data-testid="faq-detail">
      <View className="card">
        <Text className="faq-item__q" data-testid="faq-question">{data.question}</Text>
        <Text className="faq-item__a" data-testid="faq-answer">{data.answer}</Text>
        <Text className="faq-item__meta">{data.topic}{data.departmentName ? ` · ${data.departmentName}` : ''} · {formatBeijingDate(data.checkedAt)} 核对</Text>
      </View>
      <Button
        className="btn btn--plain btn--block"
        disabled={thanked !== null || undefined}
        data-testid="faq-helpful"
        onClick={() =>
          void call('faq', 'helpful', { id })
            .then((v) => {
              setData(v);
              setThanked('感谢您的反馈');
            })
            .catch((e) => setThanked(messageOf(e)))
        }
      >
        {thanked ?? `有帮助（${data.helpfulCount}）`}
      </Button>
      <Button className="btn btn--plain btn--block" onClick={() => go(routes.ask())}>仍有疑问，我要咨询</Button>
    </View>
  );
}
