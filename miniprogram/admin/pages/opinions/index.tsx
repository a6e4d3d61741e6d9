import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { COMMENT_STATUS_LABELS } from '../../../../shared/notices/comment-rules';
import type { CommentStatus } from '../../../../shared/notices/notice-comments';
import { periodStatus } from '../../../../shared/notices/period-status';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { useRemote } from '../../../hooks/use-remote';
import { go, routes } from '../../../navigation';
import { OpinionDecision } from '../../components/opinion-decision';

const FILTERS: Array<{ key: CommentStatus | undefined; label: string }> = [
  { key: 'pending', label: COMMENT_STATUS_LABELS.pending },
  { key: 'published', label: COMMENT_STATUS_LABELS.published },
  { key: 'hidden', label: COMMENT_STATUS_LABELS.hidden },
  { key: undefined, label: '全部' },
];

/** Staff (publishers): residents' opinions on one consultation (?id=), or the consultations to choose from. */
export default function OpinionsPage() {
  const id = useRouter().params.id;
  return id ? <Moderation noticeId={id} /> : <PickConsultation />;
}

function PickConsultation() {
  const list = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'manageList', { kind: 'consultation', status: 'published', cursor, limit: 20 }), []),
    [],
  );
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  return (
    <View className="page">
      <Text className="hint">选择一项征求意见，审核居民留言：公开（可附答复）或不予公开。</Text>
      <PagedListView
        list={list}
        emptyText="还没有已发布的征求意见"
        renderItem={(n) => (
          <View role="button" tabIndex={0} key={n.id} className="card notice-card" onClick={() => go(routes.adminOpinions(n.id))} data-testid="opinions-notice">
            <Text className="notice-card__title">{n.title}</Text>
            <View className="notice-card__meta">
              <Text>{n.departmentName}</Text>
              {n.period && <Text>{n.period.start} 至 {n.period.end}</Text>}
            </View>
          </View>
        )}
      />
    </View>
  );
}

function Moderation({ noticeId }: { noticeId: string }) {
  const [status, setStatus] = useState<CommentStatus | undefined>('pending');
  const notice = useRemote(() => call('notices', 'manageGet', { id: noticeId }), [noticeId]);
  const list = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'manageComments', { id: noticeId, status, cursor, limit: 10 }), [noticeId, status]),
    [noticeId, status],
  );
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  const n = notice.data;
  const period = n && n.kind === 'consultation' ? n.period : null;
  return (
    <View className="page" data-testid="moderation">
      {n && (
        <View className="card">
          <Text className="notice-card__title" data-testid="moderation-notice">{n.title}</Text>
          {period && (
            <Text className="hint">
              征求意见 {period.start} 至 {period.end}（{periodStatus(period, beijingToday(new Date()), 'consultation').state === 'open' ? '进行中' : '不在期内'}）。
              只有公开的意见（连同答复）居民才能看到；留言者身份不会公开。
            </Text>
          )}
        </View>
      )}
      {notice.error && <Text className="hint">{notice.error.message}</Text>}
      <View className="tabs tabs--inline">
        {FILTERS.map((f) => (
          <Text role="button" aria-pressed={f.key === status} tabIndex={0} key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`moderation-tab-${f.key ?? 'all'}`}>
            {f.label}
          </Text>
        ))}
      </View>
      <PagedListView
        list={list}
        emptyText={status === 'pending' ? '没有待审核的意见' : '这里还没有意见'}
        renderItem={(c) => <OpinionDecision key={`${c.id}-${c.version}`} comment={c} notice={n ? { title: n.title } : null} onChanged={() => void list.refresh()} />}
      />
    </View>
  );
}
