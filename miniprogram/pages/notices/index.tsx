import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../../api/call';
import { DepartmentFilter } from '../../components/department-filter';
import { NoticeCard } from '../../components/notice-card';
import { PagedListView } from '../../components/paged-list-view';
import { FeedLinks } from '../../components/feed-links';
import { SearchBox } from '../../components/search-box';
import { usePagedList } from '../../hooks/use-paged-list';
import { useElderClass } from '../../elder-mode';
import { useTabBar } from '../../tab-bar';
import { go, routes } from '../../navigation';
import { takeTabQuery } from '../../tab-pages';
import { NOTICE_KINDS, NOTICE_KIND_LABELS, type NoticeKind } from '../../../shared/notices/notice-kinds';
import { useNoticeShares } from '../../hooks/use-page-share';

export const PAGE_SIZE = 10;
const TAB_PATH = '/pages/notices/index';

function parseKind(value: string | undefined): NoticeKind | undefined {
  return (NOTICE_KINDS as readonly string[]).includes(value ?? '') ? (value as NoticeKind) : undefined;
}

/** All published notices, by kind, newest first; pull to refresh, scroll to load more. */
export default function NoticesPage() {
  const elder = useElderClass();
  const tabBar = useTabBar();
  const router = useRouter();
  const [kind, setKind] = useState<NoticeKind | undefined>(() => parseKind(router.params.kind ?? takeTabQuery(TAB_PATH)?.kind));
  // Shared from a kind's tab, the link opens that kind.
  useNoticeShares(() => ({ title: kind ? `政务公开 · ${NOTICE_KIND_LABELS[kind]}` : '政务公开', path: routes.notices(kind) }));
  // Reached through the tab bar, this page keeps its kind; reached from the home grid, it takes the grid's.
  useDidShow(() => {
    const left = takeTabQuery(TAB_PATH);
    if (left) setKind(parseKind(left.kind));
  });

  // Kept like the kind: the page stays alive behind the tab bar, and a search from here takes both.
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const list = usePagedList(
    useCallback((cursor: string | null) => call('notices', 'list', { kind, departmentId, cursor, limit: PAGE_SIZE }), [kind, departmentId]),
    [kind, departmentId],
  );

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const tabs: Array<{ key: NoticeKind | undefined; label: string }> = [
    { key: undefined, label: '全部' },
    ...NOTICE_KINDS.map((k) => ({ key: k, label: NOTICE_KIND_LABELS[k] })),
  ];

  return (
    <View className={`page ${elder} ${tabBar}`}>
      <SearchBox
        placeholder={kind ? `在${NOTICE_KIND_LABELS[kind]}中搜索` : undefined}
        onSearch={(q) => go(routes.search(q, kind, departmentId))}
      />
      <ScrollView className="tabs" scrollX>
        {tabs.map((tab) => (
          <Text role="button" aria-pressed={tab.key === kind} tabIndex={0}
            key={tab.label}
            className={`tabs__item ${tab.key === kind ? 'tabs__item--active' : ''}`}
            onClick={() => setKind(tab.key)}
            data-testid={`tab-${tab.key ?? 'all'}`}
          >
            {tab.label}
          </Text>
        ))}
      </ScrollView>
      <View className="search-order">
        <DepartmentFilter value={departmentId} onChange={setDepartmentId} />
      </View>
      <PagedListView
        list={list}
        emptyText={`${departmentId ? '该部门' : ''}${kind ? `暂无${NOTICE_KIND_LABELS[kind]}` : '暂无公开信息'}`}
        renderItem={(notice) => <NoticeCard key={notice.id} notice={notice} onOpen={(id) => go(routes.noticeDetail(id))} />}
      />
      <FeedLinks kind={kind} departmentId={departmentId} />
    </View>
  );
}
