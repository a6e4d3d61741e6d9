import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../api/call';
import { routes } from '../navigation';
import { useNoticeShares } from './use-page-share';

/**
 * What the notice detail page offers around the text: WeChat's 转发 to a
 * friend and 分享到朋友圈 (a deep link back to this notice, with its title), its 阅读 count
 * (counted on the server: once per reader per day), and whether it was
 * opened straight from a share with nothing to go back to.
 */
export function useNoticeShare(id: string, title: string | undefined) {
  useNoticeShares(() => ({ title: title ?? '阳光政务', path: routes.noticeDetail(id) }));
  const [views, setViews] = useState<number | null>(null);
  const [firstPage] = useState(() => Taro.getCurrentPages().length <= 1);
  const loaded = title !== undefined;
  useEffect(() => {
    if (!loaded) return;
    let current = true;
    call('notices', 'view', { id })
      .then((answer) => current && setViews(answer.views))
      .catch(() => undefined); // the count is a nicety: the notice reads the same without it
    return () => {
      current = false;
    };
  }, [id, loaded]);
  return { views, firstPage };
}

/** The link a resident copies in a browser (H5): the same route WeChat's share opens. */
export function noticeLinkOf(id: string): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}#${routes.noticeDetail(id)}`;
}
