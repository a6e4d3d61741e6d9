import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/call';
import { PagedListView } from '../../components/paged-list-view';
import { DepartmentFilter } from '../../components/department-filter';
import { SearchBox } from '../../components/search-box';
import { SearchResultCard } from '../../components/search-result-card';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRecentSearches } from '../../hooks/use-recent-searches';
import { useElderClass } from '../../elder-mode';
import { searchHint } from '../../search-scope';
import { go, routes } from '../../navigation';
import { NOTICE_KINDS, NOTICE_KIND_LABELS, type NoticeKind } from '../../../shared/notices/notice-kinds';
import type { SearchOrder } from '../../../shared/notices/notice-search';
import { usePageShare } from '../../hooks/use-page-share';

const PAGE_SIZE = 10;
/** Pages of a short-word search may come back empty (a bounded scan); keep going a few times before showing them. */
const MAX_EMPTY_HOPS = 5;

function safeDecode(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '').trim();
  } catch {
    return '';
  }
}

/** Search results with the matched words marked; recent searches when nothing is typed yet. */
export default function SearchPage() {
  const elder = useElderClass();
  const params = useRouter().params;
  const [q, setQ] = useState(safeDecode(params.q));
  const [kind, setKind] = useState<NoticeKind | undefined>(
    (NOTICE_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as NoticeKind) : undefined,
  );
  const [departmentId, setDepartmentId] = useState<string | undefined>(safeDecode(params.departmentId) || undefined);
  const [order, setOrder] = useState<SearchOrder>('newest');
  const { recent, remember, clear } = useRecentSearches();
  usePageShare(() => ({ title: q ? `搜索：${q}` : '搜索政务公开', path: routes.search(q || undefined, kind, departmentId) }));

  const list = usePagedList(
    useCallback(
      async (cursor: string | null) => {
        if (!q) return { items: [], nextCursor: null };
        let page = await call('notices', 'search', { q, kind, departmentId, order, cursor, limit: PAGE_SIZE });
        for (let hop = 0; page.items.length === 0 && page.nextCursor && hop < MAX_EMPTY_HOPS; hop++) {
          page = await call('notices', 'search', { q, kind, departmentId, order, cursor: page.nextCursor, limit: PAGE_SIZE });
        }
        return page;
      },
      [q, kind, departmentId, order],
    ),
    [q, kind, departmentId, order],
  );
  useReachBottom(() => void list.loadMore());
  // A search started from the home page or the list arrives in the address: remember it too.
  useEffect(() => {
    if (q) remember(q);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const run = (query: string) => {
    remember(query);
    setQ(query);
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };

  return (
    <View className={`page ${elder}`}>
      <SearchBox key={q} initial={q} autoFocus={!q} onSearch={run} />
      {!q ? (
        <View className="recent" data-testid="recent-searches">
          <View className="section-head">
            <Text className="section-head__title">最近搜索</Text>
            {recent.length > 0 && <Text role="button" tabIndex={0} className="section-head__more" onClick={clear} data-testid="clear-recent">清除</Text>}
          </View>
          {recent.length === 0 ? (
            <Text className="hint" data-testid="search-hint">{searchHint()}</Text>
          ) : (
            <View className="recent__list">
              {recent.map((r) => (
                <Text role="button" tabIndex={0} key={r} className="recent__item" onClick={() => run(r)} data-testid="recent-item">{r}</Text>
              ))}
            </View>
          )}
        </View>
      ) : (
        <>
          <ScrollView className="tabs" scrollX>
            {[undefined, ...NOTICE_KINDS].map((k) => (
              <Text role="button" aria-pressed={k === kind} tabIndex={0}
                key={k ?? 'all'}
                className={`tabs__item ${k === kind ? 'tabs__item--active' : ''}`}
                onClick={() => setKind(k)}
                data-testid={`search-tab-${k ?? 'all'}`}
              >
                {k ? NOTICE_KIND_LABELS[k] : '全部'}
              </Text>
            ))}
          </ScrollView>
          <View className="search-order">
            {(['newest', 'relevance'] as const).map((o) => (
              <Text role="button" tabIndex={0}
                key={o}
                className={`search-order__item ${o === order ? 'search-order__item--active' : ''}`}
                onClick={() => setOrder(o)}
                data-testid={`order-${o}`}
              >
                {o === 'newest' ? '最新发布' : '最相关'}
              </Text>
            ))}
            <DepartmentFilter value={departmentId} onChange={setDepartmentId} />
          </View>
          <PagedListView
            list={list}
            emptyText={`没有找到与“${q}”相关的公开信息，换个词试试`}
            renderItem={(result) => <SearchResultCard key={result.id} result={result} onOpen={(id) => go(routes.noticeDetail(id))} />}
          />
        </>
      )}
    </View>
  );
}
