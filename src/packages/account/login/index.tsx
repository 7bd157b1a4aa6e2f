import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { TicketView } from '@cloud/contract';
import { call, errorMessage } from '@/services/api';
import { sceneOf } from '@/utils/scene';
import '../shared.scss';

type State =
  | { step: 'loading' }
  | { step: 'ask'; view: TicketView }
  | { step: 'done' }
  | { step: 'failed'; message: string };

/**
 * The admin's phone after scanning the console's QR code (the ticket is the page's `scene`):
 * 「登录工会管理后台？」 with the browser that asked, then confirm. The browser is in at once.
 */
export default function ScanLoginPage() {
  const { params } = useRouter();
  const ticket = sceneOf(params, 'scene');
  const [state, setState] = useState<State>({ step: 'loading' });
  const busy = useRef(false);

  useEffect(() => {
    if (!ticket) {
      setState({ step: 'failed', message: '没有读到登录二维码，请在电脑上刷新后重新扫码' });
      return;
    }
    call('auth', 'scanTicket', { ticket }).then(
      (view) => setState({ step: 'ask', view }),
      (err) => setState({ step: 'failed', message: errorMessage(err) }),
    );
  }, [ticket]);

  const confirm = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      await call('auth', 'confirmTicket', { ticket });
      setState({ step: 'done' });
    } catch (err) {
      setState({ step: 'failed', message: errorMessage(err) });
    } finally {
      busy.current = false;
    }
  };

  const close = () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }));

  return (
    <View className="acct scan-login">
      <View className="card">
        {state.step === 'loading' && <Text className="acct__text">正在读取登录请求…</Text>}
        {state.step === 'ask' && (
          <>
            <Text className="acct__title scan-login__question">登录工会管理后台？</Text>
            <Text className="acct__text scan-login__browser">登录设备：{state.view.browser}</Text>
            <Text className="acct__text">请确认是您本人在电脑上操作。不是您本人请取消。</Text>
            <View className="acct__actions">
              <View className="btn btn--outline scan-login__cancel" onClick={close}>取消</View>
              <View className="btn btn--primary scan-login__confirm" onClick={() => void confirm()}>确认登录</View>
            </View>
          </>
        )}
        {state.step === 'done' && (
          <>
            <Text className="acct__title scan-login__done">已确认登录</Text>
            <Text className="acct__text">电脑上的管理后台已登录，可以关闭此页。</Text>
            <View className="acct__actions">
              <View className="btn btn--primary" onClick={close}>完成</View>
            </View>
          </>
        )}
        {state.step === 'failed' && (
          <>
            <Text className="acct__title">无法登录</Text>
            <Text className="acct__text scan-login__error">{state.message}</Text>
            <View className="acct__actions">
              <View className="btn btn--outline" onClick={close}>返回</View>
            </View>
          </>
        )}
      </View>
    </View>
  );
}
