/**
 * Stand-in for `@tarojs/taro` in jsdom page tests (see recipes.md: Taro's own
 * H5 components do not load in jsdom). Page lifecycle hooks register their
 * callbacks here so a test can "pull down" or "reach the bottom"; navigation
 * and toasts are recorded so a test can assert what the resident was shown.
 * The real rendering is covered by the end-to-end tests in Chromium.
 */
import { useEffect, useRef } from 'react';

type Callback = () => void;
/** The WeChat page object `Taro.getCurrentInstance().page` answers (a tab page's `getTabBar()`, its `route`). */
let currentPage: Record<string, unknown> | null = null;
/**
 * Every mounted component's callback for each page event, with the page current when it registered: Taro
 * calls all of a page's (its own hooks and its components'), and only that page's.
 */
type Registered = { callback: Callback; page: Record<string, unknown> | null };
const hooks: Record<'pullDownRefresh' | 'reachBottom' | 'didShow', Set<Registered>> = {
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  didShow: new Set(),
};

/** What `Taro.getCurrentInstance().page` answers from now on (null: none, as outside WeChat). */
export function setCurrentPage(page: Record<string, unknown> | null): void {
  currentPage = page;
}
let routerParams: Record<string, string> = {};
/** How many pages are on the stack (1: the page was opened directly, e.g. from a shared link). */
let pageStackDepth = 2;
/** The page's onShareAppMessage, as WeChat would call it when the resident taps 转发. */
let shareAppMessage: (() => { title?: string; path?: string }) | null = null;
/** The page's onShareTimeline (分享到朋友圈). */
let shareTimelineCallback: (() => { title?: string; query?: string }) | null = null;

/** What the page answers when WeChat asks what to share (the resident tapped 转发), or throws if it registered nothing. */
export function shareMessage(): { title?: string; path?: string } {
  if (!shareAppMessage) throw new Error('the page did not register useShareAppMessage');
  return shareAppMessage();
}

/** What the page answers for 分享到朋友圈, or throws if it registered nothing. */
export function shareTimeline(): { title?: string; query?: string } {
  if (!shareTimelineCallback) throw new Error('the page did not register useShareTimeline');
  return shareTimelineCallback();
}

export const recorded = {
  navigations: [] as string[],
  toasts: [] as string[],
  stopPullDownRefresh: 0,
  clipboard: null as string | null,
  /** The tab bar's badges by index, as setTabBarBadge / removeTabBarBadge left them. */
  tabBadges: {} as Record<number, string>,
  /** Every confirmation shown (showModal), in order: what the person read before deciding. */
  modals: [] as Array<{ title: string; content: string }>,
  /** How the next confirmations are answered (true: 确定). */
  modalAnswer: true,
};

export function resetTaro(params: Record<string, string> = {}, options: { stackDepth?: number } = {}): void {
  routerParams = params;
  pageStackDepth = options.stackDepth ?? 2;
  shareAppMessage = null;
  shareTimelineCallback = null;
  recorded.navigations.length = 0;
  recorded.toasts.length = 0;
  recorded.stopPullDownRefresh = 0;
  recorded.clipboard = null;
  recorded.tabBadges = {};
  recorded.modals.length = 0;
  recorded.modalAnswer = true;
  for (const set of Object.values(hooks)) set.clear();
  currentPage = null;
}

/** The page event on the current page (setCurrentPage; by default the one page a test renders). */
export function trigger(hook: keyof typeof hooks): void {
  const callbacks = [...hooks[hook]].filter((r) => r.page === currentPage).map((r) => r.callback);
  if (callbacks.length === 0) throw new Error(`the page did not register ${hook}`);
  for (const callback of callbacks) callback();
}

function registering(name: keyof typeof hooks) {
  return (callback: Callback) => {
    const latest = useRef(callback);
    latest.current = callback;
    useEffect(() => {
      const registered = { callback: () => latest.current(), page: currentPage };
      hooks[name].add(registered);
      return () => void hooks[name].delete(registered);
    }, []);
  };
}

export const usePullDownRefresh = registering('pullDownRefresh');
export const useReachBottom = registering('reachBottom');
export const useDidShow = registering('didShow');
export const useLaunch = (callback: Callback) => useEffect(callback, []);
export const useRouter = () => ({ params: routerParams, path: '' });
export const useShareAppMessage = (callback: () => { title?: string; path?: string }) => {
  shareAppMessage = callback;
};
export const useShareTimeline = (callback: () => { title?: string; query?: string }) => {
  shareTimelineCallback = callback;
};

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
  showModal: async ({ title = '', content = '' }: { title?: string; content?: string }) => {
    recorded.modals.push({ title, content });
    return { confirm: recorded.modalAnswer, cancel: !recorded.modalAnswer };
  },
  setClipboardData: async ({ data }: { data: string }) => {
    recorded.clipboard = data;
  },
  setTabBarBadge: async ({ index, text }: { index: number; text: string }) => {
    recorded.tabBadges[index] = text;
  },
  removeTabBarBadge: async ({ index }: { index: number }) => {
    delete recorded.tabBadges[index];
  },
  getCurrentPages: () => Array.from({ length: pageStackDepth }, () => ({})),
  getCurrentInstance: () => ({ page: currentPage, router: { params: routerParams, path: '' } }),
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
  useShareAppMessage,
  useShareTimeline,
};

export default Taro;
