/**
 * What assistive technology needs on Taro's elements, typed on every component: a `role` (a tappable
 * View or Text is a button, link or tab to a screen reader only if it says so) and `tabIndex` (in H5
 * it makes a tappable element reachable by the keyboard; WeChat ignores it). Taro passes both to the
 * H5 element as attributes; `aria-*` attributes need no declaration.
 */
import '@tarojs/components/types/common';

declare module '@tarojs/components/types/common' {
  interface StandardProps {
    role?: string;
    tabIndex?: number;
  }
}
