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
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fetcher = useCallback(fetchPage, deps);

  const load = useCallback(
    async (mode: 'loading' | 'refreshing') => {
      const mine = ++generation.current;
      busy.current = true;
      setStatus(mode);
      setError(null);
      try {
        const page = await fetcher(null);
        if (mine !== generation.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setHasMore(page.nextCursor !== null);
        setStatus('ready');
      } catch (e) {
        if (mine !== generation.current) return;
        setError(messageOf(e));
        setStatus(mode === 'refreshing' && items.length ? 'ready' : 'error');
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    // `items.length` only decides whether a failed refresh keeps the old list on screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fetcher],
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
      if (mine !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
      setHasMore(page.nextCursor !== null);
      setStatus('ready');
    } catch (e) {
      if (mine !== generation.current) return;
      setError(messageOf(e));
      setStatus('ready');
    } finally {
      if (mine === generation.current) busy.current = false;
    }
  }, [cursor, hasMore, fetcher]);

  const refresh = useCallback(() => load('refreshing'), [load]);

  return { items, status, error, hasMore, refresh, loadMore };
}
