import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { go, routes } from '../../../navigation';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, type NoticeStatus } from '../../../../shared/notices/notice-kinds';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { NoticeCardExtras } from '../../components/notice-card-extras';
import { useViewCounts } from '../../use-view-counts';
import { NoticeManageNote } from '../../components/notice-manage-note';

type Filter = NoticeStatus | 'scheduled' | undefined;

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: undefined, label: '全部' },
  { key: 'draft', label: '草稿' },
  // 定时发布: drafts set to publish themselves, soonest first
  { key: 'scheduled', label: '定时发布' },
  { key: 'published', label: '已发布' },
  { key: 'withdrawn', label: '已撤回' },
];

/** Staff: every notice in every state, newest edit first. */
export default function AdminNoticesPage() {
  // Opened from 我的待办's 定时发布: on that filter.
  const opened = useRouter().params.filter;
  const [status, setStatus] = useState<Filter>(opened === 'scheduled' ? 'scheduled' : undefined);
  const list = usePagedList(
    useCallback(
      (cursor: string | null) =>
        call('notices', 'manageList', status === 'scheduled' ? { scheduled: true, cursor, limit: 20 } : { status, cursor, limit: 20 }),
      [status],
    ),
    [status],
  );
  const views = useViewCounts(list.items.filter((n) => n.status !== 'draft').map((n) => n.id));
  const shown = useRef(false);
  // Coming back from the editor: show what was just saved.
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <View className="page">
      <View className="toolbar">
        <View className="tabs tabs--inline">
          {FILTERS.map((f) => (
            <Text role="button" aria-pressed={f.key === status} tabIndex={0} key={f.label} className={`tabs__item ${f.key === status ? 'tabs__item--active' : ''}`} onClick={() => setStatus(f.key)}>
              {f.label}
            </Text>
          ))}
        </View>
        <Button className="btn btn--primary btn--small" onClick={() => go(routes.adminNoticeEdit())} data-testid="new-notice">
          ＋ 新建
        </Button>
      </View>
      <PagedListView
        list={list}
        emptyText="这里还没有信息"
        renderItem={(n) => (
          // The card opens on a tap anywhere; for the keyboard and screen readers its title is the button (the card holds 意见审核, a button of its own).
          <View key={n.id} className="card notice-card" onClick={() => go(routes.adminNoticeEdit(n.id))} data-testid="admin-notice">
            <View className="notice-card__head">
              <Text className={`kind-tag kind-tag--${n.kind}`}>{NOTICE_KIND_LABELS[n.kind]}</Text>
              <Text className={`badge badge--status-${n.status}`}>{NOTICE_STATUS_LABELS[n.status]}</Text>
              {n.scheduledAt ? <Text className="badge badge--scheduled" data-testid="scheduled-badge">定时发布</Text> : null}
            </View>
            <Text className="notice-card__title" role="button" tabIndex={0}>{n.title}</Text>
            <NoticeManageNote notice={n} />
            <View className="notice-card__meta">
              <Text>{n.departmentName}</Text>
              <Text>修改于 {formatBeijingDateTime(n.updatedAt)}</Text>
            </View>
            <NoticeCardExtras notice={n} views={views[n.id]} />
          </View>
        )}
      />
    </View>
  );
}
