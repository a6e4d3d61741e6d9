import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, messageOf } from '../api/call';

/** One remote value with its loading and error states, reloadable. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loader = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const value = await loader();
      if (mine === generation.current) setData(value);
    } catch (e) {
      if (mine === generation.current) setError({ code: e instanceof ApiError ? e.code : 'UNKNOWN', message: messageOf(e) });
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [loader]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, setData };
}
