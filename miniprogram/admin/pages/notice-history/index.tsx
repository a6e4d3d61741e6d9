import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../../api/call';
import { PagedListView } from '../../../components/paged-list-view';
import { usePagedList } from '../../../hooks/use-paged-list';
import { go, routes } from '../../../navigation';
import { NOTICE_STATUS_LABELS } from '../../../../shared/notices/notice-kinds';
import { VERSION_ACTION_LABELS } from '../../../../shared/notices/notice-versions';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';

/** Staff: every kept version of one notice, newest first; each opens with its diff against the one before. */
export default function NoticeHistoryPage() {
  const id = useRouter().params.id ?? '';
  const list = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'versions', { id, cursor, limit: 20 }), [id]),
    [id],
  );
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <View className="page">
      <Text className="hint">每次保存、发布、撤回和定时都保留当时的全文。点一个版本，查看它改了什么。</Text>
      <PagedListView
        list={list}
        emptyText="还没有保留的版本（本功能启用前的修改未保留全文）"
        renderItem={(v) => (
          <View role="button" tabIndex={0} key={v.noticeVersion} className="card version-card" onClick={() => go(routes.adminNoticeVersion(id, v.noticeVersion))} data-testid="version-item">
            <View className="notice-card__head">
              <Text className="version-card__action">
                第 {v.noticeVersion} 版 · {VERSION_ACTION_LABELS[v.action]}
              </Text>
              <Text className={`badge badge--status-${v.status}`}>{NOTICE_STATUS_LABELS[v.status]}</Text>
            </View>
            <Text className="notice-card__title">{v.title}</Text>
            {v.detail ? <Text className="version-card__detail">{v.detail}</Text> : null}
            <View className="notice-card__meta">
              <Text>{v.actorName || '—'}</Text>
              <Text>{formatBeijingDateTime(v.at)}</Text>
            </View>
          </View>
        )}
      />
    </View>
  );
}
