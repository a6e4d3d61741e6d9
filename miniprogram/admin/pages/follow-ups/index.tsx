import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { go, routes } from '../../../navigation';
import { FOLLOW_UP_STATUS_LABELS, type FollowUpStatus } from '../../../../shared/ratings/follow-up';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { LevelChip } from '../../../rating/components/level-chip';
import { useRemote } from '../../../hooks/use-remote';
import { RectificationFigures } from '../../components/rectification-figures';
import { PlanBoundSettings } from '../../components/plan-bound-settings';
import { useWhoami } from '../../../hooks/use-whoami';
import '../../../rating/rating.css';

/** A status, 全部, or 未完成: 待整改 and 整改中 together, the follow-ups still owed (我的待办's figure). */
type FollowUpFilter = FollowUpStatus | 'owed' | undefined;

const FILTERS: Array<{ key: FollowUpFilter; label: string }> = [
  { key: 'owed', label: '未完成' },
  { key: 'open', label: '待整改' },
  { key: 'rectifying', label: '整改中' },
  { key: 'answered', label: '已答复' },
  { key: 'appealed', label: '申诉中' },
  { key: 'closed', label: '已办结' },
  { key: undefined, label: '全部' },
];

/** Staff: every 差评 to follow up, soonest due first; overdue ones stand out. */
export default function FollowUpsPage() {
  // Opened from 我的待办: on the follow-ups still owed, as it counts them.
  const opened = useRouter().params.filter;
  const [status, setStatus] = useState<FollowUpFilter>(opened === 'owed' ? 'owed' : 'open');
  const list = usePagedList(
    useCallback((cursor: string | null) => call('ratings', 'followUps', status === 'owed' ? { owed: true, cursor, limit: 20 } : { status, cursor, limit: 20 }), [status]),
    [status],
  );
  // The whole bureau's last twelve months: how far 差评 were followed up and rectified.
  const figures = useRemote(() => call('ratings', 'stats', {}), []);
  const { whoami } = useWhoami();
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void Promise.all([list.refresh(), figures.reload()]);
    shown.current = true;
  });
  usePullDownRefresh(() => void list.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());

  return (
    <View className="page">
      {figures.data && <RectificationFigures figures={figures.data} title="差评整改 · 近12个月" />}
      <PlanBoundSettings admin={!!whoami?.staff?.roles.includes('admin')} />
      <View className="tabs">
        {FILTERS.map((f) => (
          <Text role="button" aria-pressed={f.key === status} tabIndex={0} key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)} data-testid={`follow-up-filter-${f.key ?? 'all'}`}>
            {f.label}
          </Text>
        ))}
      </View>
      <PagedListView
        list={list}
        emptyText="没有需要处理的差评"
        renderItem={(f) => (
          <View role="button" tabIndex={0} key={f.id} className={`card rating-card ${f.overdue ? 'follow-up--overdue' : ''}`} onClick={() => go(routes.adminFollowUp(f.id))} data-testid="follow-up-item">
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
              <Text className="badge badge--muted">{FOLLOW_UP_STATUS_LABELS[f.status]}{f.reopen ? ' · 未解决重办' : ''}</Text>
              {f.status === 'rectifying' && f.response?.planDueDate ? (
                <Text className={f.overdue ? 'badge badge--overdue' : 'rating-card__meta'} data-testid={f.overdue ? 'overdue' : undefined}>
                  {f.overdue ? '整改已超期 · ' : ''}整改期限 {f.response.planDueDate}
                </Text>
              ) : f.overdue ? (
                <Text className="badge badge--overdue" data-testid="overdue">已超期 · 应于 {f.dueDate} 前答复</Text>
              ) : (
                <Text className="rating-card__meta">答复期限 {f.dueDate}{f.dueProvisional ? '（暂定）' : ''}</Text>
              )}
            </View>
          </View>
        )}
      />
    </View>
  );
}
