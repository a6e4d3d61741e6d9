import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usesWechatCloud } from '../api/transport';
import type { NoticeKind } from '../../shared/notices/notice-kinds';

/**
 * Where the open feeds of published notices are read: FEEDS_URL when the build names it (on
 * CloudBase, the HTTP access address bound to the `feeds` function), else the local cloud that
 * serves this app (`/feeds`). A WeChat build on CloudBase without FEEDS_URL has no public address
 * to give, so no link is shown.
 */
export function feedsBaseUrl(): string | null {
  const configured = typeof FEEDS_URL !== 'undefined' ? FEEDS_URL : '';
  if (configured) return configured.replace(/\/+$/, '');
  if (usesWechatCloud()) return null;
  const local = typeof LOCAL_CLOUD_URL !== 'undefined' ? LOCAL_CLOUD_URL : '';
  const origin = local || (typeof window !== 'undefined' && window.location ? window.location.origin : '');
  return origin ? `${origin.replace(/\/+$/, '')}/feeds` : null;
}

/** The feed of what the list shows (its kind and department), in either format. */
export function feedUrl(base: string, format: 'atom' | 'json', filter: { kind?: NoticeKind; departmentId?: string }): string {
  const params = [filter.kind ? `kind=${encodeURIComponent(filter.kind)}` : '', filter.departmentId ? `department=${encodeURIComponent(filter.departmentId)}` : ''].filter(Boolean);
  return `${base}/notices.${format}${params.length ? `?${params.join('&')}` : ''}`;
}

/**
 * Under the notices list: 订阅本栏目 as Atom or JSON Feed, for newsrooms and other sites that follow
 * what the bureau publishes. A tap copies the address (a mini-program cannot open a feed reader).
 */
export function FeedLinks(props: { kind?: NoticeKind; departmentId?: string }) {
  const base = feedsBaseUrl();
  if (!base) return null;
  const copy = async (format: 'atom' | 'json') => {
    try {
      await Taro.setClipboardData({ data: feedUrl(base, format, props) });
      void Taro.showToast({ title: '订阅地址已复制，可粘贴到阅读器', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '复制失败', icon: 'none' });
    }
  };
  return (
    <View className="feed-links" data-testid="feed-links">
      <Text>订阅本栏目：</Text>
      <Text role="button" tabIndex={0} className="feed-links__item" onClick={() => void copy('atom')} data-testid="feed-atom">Atom</Text>
      <Text> · </Text>
      <Text role="button" tabIndex={0} className="feed-links__item" onClick={() => void copy('json')} data-testid="feed-json">JSON Feed</Text>
    </View>
  );
}
