import { useCallback, useState } from 'react';
import { call } from '../api/call';

/** The resident's unread message count for the badge on 我的; a failure just hides the badge. */
export function useUnreadCount(): { count: number; reload: () => void } {
  const [count, setCount] = useState(0);
  const reload = useCallback(() => {
    call('inbox', 'unreadCount', {})
      .then((r) => setCount(r.count))
      .catch(() => setCount(0));
  }, []);
  return { count, reload };
}
