import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/call';

/**
 * Cursor paging for every list in the app: first load, pull-to-refresh,
 * load-more at the bottom, and the four states a resident must always be
 * shown (loading, empty, error, end of list). A stale response (the filter
 * changed while it was in flight) is dropped.
 */
export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

export type ListStatus = 'loading' | 'refreshing' | 'ready' | 'loadingMore' | 'error';

export interface PagedList<T> {
  items: T[];
  status: ListStatus;
  /** Message for a failed first load or a failed "load more". */
  error: string | null;
  hasMore: boolean;
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
}

export function usePagedList<T>(
  fetchPage: (cursor: string | null) => Promise<PageResult<T>>,
  deps: unknown[],
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const generation = useRef(0);
  const busy = useRef(false);
  const shownCount = useRef(0);
  shownCount.current = items.length;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetcher = useCallback(fetchPage, deps);

  const accept = useCallback((page: PageResult<T>, append: boolean) => {
    setItems((prev) => (append ? [...prev, ...page.items] : page.items));
    setCursor(page.nextCursor);
    setHasMore(page.nextCursor !== null);
    setStatus('ready');
  }, []);

  const load = useCallback(
    async (mode: 'loading' | 'refreshing') => {
      const mine = ++generation.current;
      busy.current = true;
      setStatus(mode);
      setError(null);
      try {
        const page = await fetcher(null);
        if (mine === generation.current) accept(page, false);
      } catch (e) {
        if (mine !== generation.current) return;
        setError(messageOf(e));
        // A failed refresh keeps the list already on screen; only a failed first load is an error page.
        setStatus(mode === 'refreshing' && shownCount.current ? 'ready' : 'error');
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [fetcher, accept],
  );

  useEffect(() => {
    setItems([]);
    void load('loading');
  }, [load]);

  const loadMore = useCallback(async () => {
    if (busy.current || !hasMore || cursor === null) return;
    const mine = generation.current;
    busy.current = true;
    setStatus('loadingMore');
    setError(null);
    try {
      const page = await fetcher(cursor);
      if (mine === generation.current) accept(page, true);
    } catch (e) {
      if (mine !== generation.current) return;
      setError(messageOf(e));
      setStatus('ready');
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, [cursor, hasMore, fetcher, accept]);

  const refresh = useCallback(() => load('refreshing'), [load]);

  return { items, status, error, hasMore, refresh, loadMore };
}
