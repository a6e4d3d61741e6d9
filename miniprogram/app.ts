import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initTransport } from './api/transport';
import { labelNavigationBar } from './h5-navigation-bar';
import { go, routes } from './navigation';
import { registerPrivacyAuthorization } from './privacy/privacy-authorization';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    // A privacy API called on a page without the popup: the 隐私政策 page shows it.
    registerPrivacyAuthorization(() => go(routes.privacyPolicy()));
    if (process.env.TARO_ENV === 'h5') labelNavigationBar();
  });
  return children;
}

export default App;
