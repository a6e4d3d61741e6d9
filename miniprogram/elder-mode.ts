import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';

/**
 * 长辈模式: larger text and more spacing everywhere, chosen on 我的 and kept
 * on the phone. The look is in app.css under `.elder`. In the H5 build the
 * class sits on <html>, so every page follows at once; a WeChat page has no
 * shared root, so each page puts `useElderClass()` on its root view (pages
 * without it keep the normal size in WeChat only).
 */
const KEY = 'sg-elder-mode';
export const ELDER_CLASS = 'elder';

export function isElderMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
}

const listeners = new Set<(on: boolean) => void>();

export function setElderMode(on: boolean): void {
  try {
    Taro.setStorageSync(KEY, on);
  } catch {
    // Not remembered, but still applied for this visit.
  }
  applyToDocument(on);
  for (const listener of listeners) listener(on);
}

/** Called with the new choice whenever it changes (the WeChat tab bar follows it: tab-bar.ts); returns the unsubscribe. */
export function onElderModeChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function applyToDocument(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle(ELDER_CLASS, on);
  }
}

/** The class for a page's root view: `<View className={`page ${useElderClass()}`}>`. */
export function useElderClass(): string {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => applyToDocument(on), [on]);
  useEffect(() => onElderModeChange(setOn), []);
  // Coming back from 我的 after switching: pick up the new choice.
  useDidShow(() => setOn(isElderMode()));
  return on ? ELDER_CLASS : '';
}
