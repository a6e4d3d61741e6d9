import { useCallback, useState } from 'react';
import { call } from '../api/call';
import { setTabBadge } from '../tab-bar';
import { ME_TAB_INDEX } from '../tab-pages';

/** The badge text WeChat shows: a number, or 99+. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
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
        // On the 我的 tab (the WeChat bar, or Taro's in H5); the 消息 row shows the count too.
        setTabBadge(ME_TAB_INDEX, n > 0 ? badgeText(n) : '');
      });
  }, []);
  return { count, reload };
}
