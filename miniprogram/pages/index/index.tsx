import { Text, View } from '@tarojs/components';
import { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import { call } from '../../api/call';
import { ListStates } from '../../components/list-states';
import { NoticeCard } from '../../components/notice-card';
import { SearchBox } from '../../components/search-box';
import { usePagedList } from '../../hooks/use-paged-list';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { useElderClass } from '../../elder-mode';
import { useTabBar } from '../../tab-bar';
import { go, routes } from '../../navigation';
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '../../../shared/notices/notice-kinds';
import { STATUTORY_WORKING_DAYS } from '../../../shared/requests/statutory-periods';
import { PrivacyPopup } from '../../privacy/privacy-popup';
import { usePageShare } from '../../hooks/use-page-share';

const NEWEST_COUNT = 5;

/** Home: the bureau's newest disclosures, a way into each kind, and into disclosure on request (依申请公开). */
export default function HomePage() {
  usePageShare(() => ({ title: '阳光政务', path: '/pages/index/index' }));
  const elder = useElderClass();
  const tabBar = useTabBar();
  const newest = usePagedList(
    // The home page shows one short page and a link to the full list, never "load more".
    useCallback(async () => ({ ...(await call('notices', 'list', { limit: NEWEST_COUNT })), nextCursor: null }), []),
    [],
  );

  usePullDownRefresh(() => {
    void newest.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  // The app opens here: the 我的 tab's unread badge is set now, not only once 我的 has been visited.
  const unread = useUnreadCount();
  useDidShow(() => unread.reload());

  return (
    <View className={`page ${elder} ${tabBar}`}>
      {/* WeChat's privacy consent, asked when the app opens, before any privacy API. */}
      <PrivacyPopup askOnOpen />
      <View className="hero">
        <Text className="hero__title">政务公开</Text>
        <Text className="hero__subtitle">云溪区住房和城乡建设局</Text>
        <View role="button" tabIndex={0} className="hero__me" onClick={() => go(routes.me())}>我的</View>
      </View>

      <SearchBox onSearch={(q) => go(routes.search(q))} />

      <View className="kind-grid">
        {NOTICE_KINDS.map((kind) => (
          <View role="button" tabIndex={0} key={kind} className="kind-grid__item" onClick={() => go(routes.notices(kind))} data-testid={`kind-${kind}`}>
            <Text className={`kind-grid__icon kind-tag--${kind}`}>{NOTICE_KIND_LABELS[kind].slice(0, 1)}</Text>
            <Text className="kind-grid__label">{NOTICE_KIND_LABELS[kind]}</Text>
          </View>
        ))}
      </View>

      <View className="request-entry" data-testid="home-request-entry">
        <View className="request-entry__text">
          <Text className="request-entry__title">依申请公开</Text>
          <Text className="request-entry__hint">{`没有找到需要的信息？可以向本机关申请公开，${STATUTORY_WORKING_DAYS} 个工作日内答复`}</Text>
        </View>
        <View className="request-entry__actions">
          <View role="button" tabIndex={0} className="request-entry__action request-entry__action--primary" onClick={() => go(routes.newRequest())} data-testid="home-new-request">
            申请公开
          </View>
          <View role="button" tabIndex={0} className="request-entry__action" onClick={() => go(routes.myRequests())} data-testid="home-my-requests">
            我的申请
          </View>
        </View>
      </View>

      <View className="section-head">
        <Text className="section-head__title">最新公开</Text>
        <Text role="button" tabIndex={0} className="section-head__more" onClick={() => go(routes.notices())}>查看全部 ›</Text>
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
