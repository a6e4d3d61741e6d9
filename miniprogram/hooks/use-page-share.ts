import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';

export interface PageShare {
  title: string;
  /** The route that reopens this page as the resident sees it (from `routes` in navigation.ts). */
  path: string;
}

/**
 * WeChat's 转发 (to a friend or group) for a public page: the title and the path that reopens the same
 * page. The page config must also say `enableShareAppMessage: true`. Personal and staff pages do not
 * call this, so WeChat offers no 转发 there.
 */
export function usePageShare(share: () => PageShare): void {
  useShareAppMessage(() => share());
}

/**
 * 转发 and 分享到朋友圈 for a notice. A timeline share reopens the page it was shared from with this
 * query (WeChat keeps the path itself); the page config also says `enableShareTimeline: true`.
 */
export function useNoticeShares(share: () => PageShare): void {
  useShareAppMessage(() => share());
  useShareTimeline(() => {
    const { title, path } = share();
    return { title, query: path.includes('?') ? path.slice(path.indexOf('?') + 1) : '' };
  });
}
