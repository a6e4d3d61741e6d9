import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { isElderMode, onElderModeChange } from './elder-mode';
import { TAB_PAGES } from './tab-pages';

/**
 * Keeps the tab bar in step with the app: which tab is selected, the badges, 长辈模式.
 *
 * WeChat: the bar is our own component (custom-tab-bar/), and WeChat puts one instance under each tab
 * page; WeChat's setTabBarBadge does not reach it. Each tab page calls `useTabBar()` once: when the page
 * is shown its bar is told which tab it is (from the page's route, so no page repeats its index), the
 * badges and 长辈模式; a badge set or 长辈模式 switched later reaches every tab page's bar at once.
 *
 * H5: Taro draws its own bar from app.config.ts (it does not use custom-tab-bar) and selects the tab
 * itself; a badge goes through Taro's setTabBarBadge, and 长辈模式 sizes the bar in app.css.
 */
interface CustomTabBar {
  setData(data: { selected: number; badges: string[]; elder: boolean }): void;
}
/** A WeChat page object: its route ('pages/me/index') and, on a tab page, `getTabBar()`. */
interface NativePage {
  route?: string;
  getTabBar?: () => CustomTabBar | null | undefined;
}

/** Read when called (not at load) so page tests can choose the platform; Taro's build makes it a constant. */
const isWeapp = () => process.env.TARO_ENV === 'weapp';

const badges: string[] = TAB_PAGES.map(() => '');
const mountedBars = new Set<() => void>();

function showOn(page: NativePage | null | undefined): void {
  const bar = page?.getTabBar?.();
  if (!bar) return;
  bar.setData({ selected: TAB_PAGES.indexOf(`/${page?.route ?? ''}`), badges: [...badges], elder: isElderMode() });
}

/**
 * The badge on a tab ('' removes it), as WeChat's setTabBarBadge would draw it. An H5 page without a tab bar
 * refuses it; the count is shown elsewhere too (消息 on 我的), so a refusal is ignored.
 */
export function setTabBadge(index: number, text: string): void {
  if (isWeapp()) {
    badges[index] = text;
    for (const show of mountedBars) show();
    return;
  }
  try {
    const done = text ? Taro.setTabBarBadge?.({ index, text }) : Taro.removeTabBarBadge?.({ index });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // no tab bar here
  }
}

/** The class a tab page's root view adds for the room its WeChat tab bar takes (app.css). */
export const TAB_BAR_PAGE_CLASS = 'page--tab-bar';

/**
 * On each tab page, once: its WeChat tab bar shows this tab selected, the badges and 长辈模式. Returns the
 * class for the page's root view (room for the bar at the foot); nothing and '' in H5.
 */
export function useTabBar(): string {
  // The WeChat page this hook's page is, learnt when it is shown: Taro names the page being shown then.
  const page = useRef<NativePage | null>(null);
  useEffect(() => {
    if (!isWeapp()) return undefined;
    const show = () => showOn(page.current);
    mountedBars.add(show);
    const stopListening = onElderModeChange(show);
    return () => {
      mountedBars.delete(show);
      stopListening();
    };
  }, []);
  useDidShow(() => {
    if (!isWeapp()) return;
    page.current = Taro.getCurrentInstance().page as NativePage | null;
    showOn(page.current);
  });
  return isWeapp() ? TAB_BAR_PAGE_CLASS : '';
}
