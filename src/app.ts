import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { call } from '@/services/api';
import { installPrivacyHandler } from '@/services/privacy';
import { useStore } from '@/stores';
import './app.scss';

// H5: the 网络不可用 / 页面不存在 screens, in place before the router loads its first page. The
// branch is a build-time constant, so the weapp bundle does not carry the module.
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('@/services/offline') as typeof import('@/services/offline')).installFaultScreens();
}

/** On weapp the cloud knows the caller from WeChat: ask who that is once at launch. */
async function restoreWeappSession(): Promise<void> {
  try {
    const me = await call('auth', 'me', {});
    useStore.getState().login(null, me);
  } catch {
    // Not registered yet or offline: the 我的 page offers to try again.
  }
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // CLOUD_ENV is set at build time; empty means the account's default environment.
      Taro.cloud.init({ env: process.env.CLOUD_ENV || undefined, traceUser: true });
      installPrivacyHandler();
      void restoreWeappSession();
    }
  });
  // The current page renders here.
  return children;
}

export default App;
