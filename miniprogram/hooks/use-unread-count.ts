import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { call } from '../api/call';
import { ME_TAB_INDEX } from '../tab-pages';

/** The badge text WeChat shows: a number, or 99+. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * The 我的 tab's badge. WeChat refuses it on a page outside the tab bar and an
 * H5 build may have no tab bar to show it on: either way the 消息 row still
 * shows the count, so a refusal is ignored.
 */
function showOnTab(count: number): void {
  try {
    const done = count > 0 ? Taro.setTabBarBadge?.({ index: ME_TAB_INDEX, text: badgeText(count) }) : Taro.removeTabBarBadge?.({ index: ME_TAB_INDEX });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // no tab bar here
  }
}

/** The resident's unread message count for the badge on 我的 (the tab and its 消息 row); a failure just hides the badge. */
export function useUnreadCount(): { count: number; reload: () => void } {
  const [count, setCount] = useState(0);
  const reload = useCallback(() => {
    call('inbox', 'unreadCount', {})
      .then((r) => r.count)
      .catch(() => 0)
      .then((n) => {
        setCount(n);
        showOnTab(n);
      });
  }, []);
  return { count, reload };
}
