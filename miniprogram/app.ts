import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { initTransport } from './api/transport';
import { labelNavigationBar } from './h5-navigation-bar';
import { activateRolesByKeyboard, focusableButtons, focusablePages } from './h5-keyboard';
import { describeTabBar } from './h5-tab-bar';
import { go, routes } from './navigation';
import { registerPrivacyAuthorization } from './privacy/privacy-authorization';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    // A privacy API called on a page without the popup: the 隐私政策 page shows it.
    registerPrivacyAuthorization(() => go(routes.privacyPolicy()));
    if (process.env.TARO_ENV === 'h5') {
      labelNavigationBar();
      activateRolesByKeyboard();
      focusablePages();
      focusableButtons();
      describeTabBar();
    }
    // A link to a page the app does not have (old, mistyped, moved): say so and offer the way home,
    // rather than WeChat's blank error or H5's empty screen. WeChat wants the redirect made at once.
    Taro.onPageNotFound(() => {
      void Taro.redirectTo({ url: routes.notFound() });
    });
  });
  return children;
}

export default App;
