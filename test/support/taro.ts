/**
 * Stand-in for `@tarojs/taro` in jsdom page tests (see recipes.md: Taro's own
 * H5 components do not load in jsdom). Page lifecycle hooks register their
 * callbacks here so a test can "pull down" or "reach the bottom"; navigation
 * and toasts are recorded so a test can assert what the resident was shown.
 * The real rendering is covered by the end-to-end tests in Chromium.
 */
import { useEffect, useRef } from 'react';

type Callback = () => void;
const hooks: Record<'pullDownRefresh' | 'reachBottom' | 'didShow', Callback | null> = {
  pullDownRefresh: null,
  reachBottom: null,
  didShow: null,
};
let routerParams: Record<string, string> = {};

export const recorded = {
  navigations: [] as string[],
  toasts: [] as string[],
  stopPullDownRefresh: 0,
};

export function resetTaro(params: Record<string, string> = {}): void {
  routerParams = params;
  recorded.navigations.length = 0;
  recorded.toasts.length = 0;
  recorded.stopPullDownRefresh = 0;
  hooks.pullDownRefresh = hooks.reachBottom = hooks.didShow = null;
}

export function trigger(hook: keyof typeof hooks): void {
  const callback = hooks[hook];
  if (!callback) throw new Error(`the page did not register ${hook}`);
  callback();
}

function registering(name: keyof typeof hooks) {
  return (callback: Callback) => {
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      hooks[name] = () => latest.current();
      return () => {
        hooks[name] = null;
      };
    }, []);
  };
}

export const usePullDownRefresh = registering('pullDownRefresh');
export const useReachBottom = registering('reachBottom');
export const useDidShow = registering('didShow');
export const useLaunch = (callback: Callback) => useEffect(callback, []);
export const useRouter = () => ({ params: routerParams, path: '' });

const storage = new Map<string, unknown>();

const Taro = {
  navigateTo: async ({ url }: { url: string }) => {
    recorded.navigations.push(url);
  },
  navigateBack: async () => undefined,
  reLaunch: async ({ url }: { url: string }) => {
    recorded.navigations.push(url);
  },
  redirectTo: async ({ url }: { url: string }) => {
    recorded.navigations.push(url);
  },
  switchTab: async ({ url }: { url: string }) => {
    recorded.navigations.push(url);
  },
  stopPullDownRefresh: () => {
    recorded.stopPullDownRefresh++;
  },
  showToast: async ({ title }: { title: string }) => {
    recorded.toasts.push(title);
  },
  setClipboardData: async () => undefined,
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  request: async () => {
    throw new Error('page tests install an in-process transport; HTTP is not used');
  },
  cloud: { init: () => undefined, callFunction: async () => ({ result: null }) },
  usePullDownRefresh,
  useReachBottom,
  useDidShow,
  useLaunch,
  useRouter,
};

export default Taro;
