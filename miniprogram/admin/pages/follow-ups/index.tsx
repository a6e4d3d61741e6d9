import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { go, routes } from '../../../navigation';
import { FOLLOW_UP_STATUS_LABELS, type FollowUpStatus } from '../../../../shared/ratings/follow-up';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { LevelChip } from '../../../rating/components/level-chip';
import '../../../rating/rating.css';

const FILTERS: Array<{ key: FollowUpStatus | undefined; label: string }> = [
  { key: 'open', label: '待整改' },
  { key: 'answered', label: '已答复' },
  { key: 'appealed', label: '申诉中' },
  { key: 'closed', label: '已办结' },
  { key: undefined, label: '全部' },
];

/** Staff: every 差评 to follow up, soonest due first; overdue ones stand out. */
export default function FollowUpsPage() {
  const [status, setStatus] = useState<FollowUpStatus | undefined>('open');
  const list = usePagedList(useCallback((cursor: string | null) => call('ratings', 'followUps', { status, cursor, limit: 20 }), [status]), [status]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  return (
    <View className="page">
      <View className="tabs">
        {FILTERS.map((f) => (
          <Text key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`follow-up-filter-${f.key ?? 'all'}`}>
            {f.label}
          </Text>
        ))}
      </View>
      <PagedListView
        list={list}
        emptyText="没有需要处理的差评"
        renderItem={(f) => (
          <View key={f.id} className={`card rating-card ${f.overdue ? 'follow-up--overdue' : ''}`} onClick={() => go(routes.adminFollowUp(f.id))} data-testid="follow-up-item">
            <View className="rating-card__head">
              <Text className="rating-card__title">{f.windowName}</Text>
              <LevelChip level={f.rating.level} />
            </View>
            <Text className="rating-card__meta">
              {f.serviceName ? `${f.serviceName} · ` : ''}
              {formatBeijingDateTime(f.openedAt)} · {f.rater.contactName || '未留称呼'}
            </Text>
            {f.rating.comment && <Text className="rating-card__comment">{f.rating.comment}</Text>}
            <View className="rating-card__head">
              <Text className="badge badge--muted">{FOLLOW_UP_STATUS_LABELS[f.status]}</Text>
              {f.overdue ? (
                <Text className="badge badge--overdue" data-testid="overdue">已超期 · 应于 {f.dueDate} 前答复</Text>
              ) : (
                <Text className="rating-card__meta">答复期限 {f.dueDate}</Text>
              )}
            </View>
          </View>
        )}
      />
    </View>
  );
}
