import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';
import type { PagedList } from './use-paged-list';

/**
 * A list page's lifecycle: pull down to refresh, load more at the bottom,
 * and refresh when coming back to the page (a detail may have changed what
 * the list shows), but not on the first show, which the list loads itself.
 */
export function useListPageEvents<T>(list: PagedList<T>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void list.refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void list.loadMore());
}
