import { Text, View } from '@tarojs/components';
import { usePullDownRefresh } from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../api/call';
import { ListStates } from '../../components/list-states';
import { NoticeCard } from '../../components/notice-card';
import { SearchBox } from '../../components/search-box';
import { usePagedList } from '../../hooks/use-paged-list';
import { useElderClass } from '../../elder-mode';
import { go, routes } from '../../navigation';
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../shared/notices/notice-kinds';

const NEWEST_COUNT = 5;

/** Home: the bureau's newest disclosures and a way into each kind. */
export default function HomePage() {
  const elder = useElderClass();
  const newest = usePagedList(
    // The home page shows one short page and a link to the full list, never "load more".
    useCallback(async () => ({ ...(await call('notices', 'list', { limit: NEWEST_COUNT })), nextCursor: null }), []),
    [],
  );

  usePullDownRefresh(() => {
    void newest.refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={`page ${elder}`}>
      <View className="hero">
        <Text className="hero__title">政务公开</Text>
        <Text className="hero__subtitle">云溪区住房和城乡建设局</Text>
        <View className="hero__me" onClick={() => go(routes.me())}>我的</View>
      </View>

      <SearchBox onSearch={(q) => go(routes.search(q))} />

      <View className="kind-grid">
        {NOTICE_KINDS.map((kind) => (
          <View key={kind} className="kind-grid__item" onClick={() => go(routes.notices(kind))} data-testid={`kind-${kind}`}>
            <Text className={`kind-grid__icon kind-tag--${kind}`}>{NOTICE_KIND_LABELS[kind].slice(0, 1)}</Text>
            <Text className="kind-grid__label">{NOTICE_KIND_LABELS[kind]}</Text>
          </View>
        ))}
      </View>

      <View className="section-head">
        <Text className="section-head__title">最新公开</Text>
        <Text className="section-head__more" onClick={() => go(routes.notices())}>查看全部 ›</Text>
      </View>
      {newest.items.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} onOpen={(id) => go(routes.noticeDetail(id))} />
      ))}
      {newest.status !== 'ready' || newest.items.length === 0 ? (
        <ListStates
          status={newest.status}
          count={newest.items.length}
          hasMore={false}
          error={newest.error}
          emptyText="暂无公开信息"
          onRetry={() => void newest.refresh()}
          onLoadMore={() => undefined}
        />
      ) : null}
    </View>
  );
}
