import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../api/call';
import { PagedListView } from '../../components/paged-list-view';
import { SearchBox } from '../../components/search-box';
import { useElderClass } from '../../elder-mode';
import { useTabBar } from '../../tab-bar';
import { guideSearchPlaceholder } from '../../search-scope';
import { usePagedList } from '../../hooks/use-paged-list';
import { go, routes } from '../../navigation';
import type { NoticeSummary } from '../../../shared/notices/notice-schema';
import { usePageShare } from '../../hooks/use-page-share';

/** 办事: every service guide, what kind of case and how long at a glance, and a search within guides. */
export default function GuidesPage() {
  usePageShare(() => ({ title: '办事指南', path: routes.guides() }));
  const elder = useElderClass();
  const tabBar = useTabBar();
  const list = usePagedList(useCallback((cursor: string | null) => call('notices', 'list', { kind: 'guide', cursor, limit: 20 }), []), []);
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());

  return (
    <View className={`page ${elder} ${tabBar}`}>
      <SearchBox placeholder={guideSearchPlaceholder()} onSearch={(q) => go(routes.search(q, 'guide'))} />
      <PagedListView
        list={list}
        emptyText="暂无办事指南"
        renderItem={(guide: NoticeSummary) => (
          <View role="button" tabIndex={0} key={guide.id} className="card guide-card" onClick={() => go(routes.noticeDetail(guide.id))} data-testid="guide-card">
            <Text className="notice-card__title">{guide.title}</Text>
            {guide.summary ? <Text className="guide-card__facts">{guide.summary}</Text> : null}
            <Text className="guide-card__dept">{guide.departmentName}</Text>
          </View>
        )}
      />
    </View>
  );
}
