import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';

/**
 * Recent searches, kept on the phone only (never sent anywhere): the newest
 * first, without repeats, at most MAX_RECENT.
 */
const KEY = 'sg-recent-searches';
export const MAX_RECENT = 10;

export function readRecentSearches(): string[] {
  try {
    const value = Taro.getStorageSync(KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

function write(list: string[]): void {
  try {
    Taro.setStorageSync(KEY, list);
  } catch {
    // Storage full or unavailable: searching still works, it is just not remembered.
  }
}

export function useRecentSearches() {
  const [recent, setRecent] = useState<string[]>(readRecentSearches);
  const remember = useCallback((q: string) => {
    const query = q.trim();
    if (!query) return;
    const next = [query, ...readRecentSearches().filter((r) => r !== query)].slice(0, MAX_RECENT);
    write(next);
    setRecent(next);
  }, []);
  const clear = useCallback(() => {
    write([]);
    setRecent([]);
  }, []);
  return { recent, remember, clear };
}
