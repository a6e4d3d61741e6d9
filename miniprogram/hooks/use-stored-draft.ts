import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A form draft that outlives a failed call, a closed page and a killed app:
 * every change is written to Taro storage at once (a resident on a cheap
 * phone may be interrupted by a call mid-form). `fresh()` makes a new draft,
 * including anything that must stay stable across retries of one submission,
 * such as its idempotency key.
 */
export function useStoredDraft<T extends object>(key: string, fresh: () => T, isValidStored: (value: unknown) => value is T) {
  const [draft, setDraftState] = useState<T>(() => {
    const stored = readStored(key);
    return isValidStored(stored) ? stored : fresh();
  });
  const latest = useRef(draft);
  latest.current = draft;

  useEffect(() => {
    writeStored(key, draft);
  }, [key, draft]);

  const update = useCallback((patch: Partial<T>) => setDraftState((prev) => ({ ...prev, ...patch })), []);

  /** After a successful submit: the next request starts from a blank form with a new key. */
  const discard = useCallback(() => {
    Taro.removeStorageSync(key);
    const next = fresh();
    latest.current = next;
    setDraftState(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return { draft, update, discard };
}

function readStored(key: string): unknown {
  try {
    const raw = Taro.getStorageSync(key);
    return typeof raw === 'string' && raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the form still works, only the safety net is gone.
  }
}
