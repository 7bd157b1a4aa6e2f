import { useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { Me } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { sceneOf } from '@/utils/scene';
import '../shared.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Opened from an invitation's QR code or link (`?code=`, or `scene` for a mini-program code), or
 * from 我的 to type a code: the caller becomes an admin of the invitation's union.
 */
export default function InvitePage() {
  const { params } = useRouter();
  const user = useStore((s) => s.user);
  const token = useStore((s) => s.token);
  const setUser = useStore((s) => s.setUser);
  const [code, setCode] = useState(() => sceneOf(params, 'code'));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Me | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  // On WeChat the caller is known by the OPENID; on H5 a session is needed.
  const signedIn = IS_WEAPP || token !== null;

  const accept = async () => {
    if (busyRef.current) return;
    if (!code.trim()) {
      setError('请填写邀请码');
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const me = await call('auth', 'acceptInvite', { code: code.trim() });
      if (user) setUser(me);
      else useStore.getState().login(null, me);
      setDone(me);
    } catch (err) {
      setError(err instanceof ApiError && err.fields?.code ? `${err.message}` : errorMessage(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className="acct invite">
        <Text className="acct__ok invite__done">您已成为{done.orgName}的管理员。</Text>
        <View className="card">
          <Text className="acct__text">可在「我的」进入工会管理后台：审核、派单、统计，以及邀请下级工会管理员。</Text>
          <View className="acct__actions">
            <View className="btn btn--primary" onClick={() => void Taro.redirectTo({ url: '/packages/admin/dashboard/index' })}>
              进入管理后台
            </View>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="acct invite">
      {error && <Text className="acct__banner invite__error">{error}</Text>}
      <View className="card">
        <Text className="acct__title">接受管理员邀请</Text>
        <Text className="acct__text">邀请码由上级或本级工会管理员生成，仅可使用一次，过期失效。接受后您将成为该工会的管理员。</Text>
        <View className="acct-field">
          <Text className="acct-field__label">邀请码</Text>
          <Input className="acct__input invite__code" value={code} maxlength={20} placeholder="如 ABCD-EFGH-JKLM" onInput={(e) => setCode(e.detail.value)} />
        </View>
        {!signedIn && <Text className="acct__text">请先在「我的」登录后再接受邀请。</Text>}
        <View className="acct__actions">
          <View className={`btn btn--primary invite__accept${busy || !signedIn ? ' btn--disabled' : ''}`} onClick={() => signedIn && void accept()}>
            {busy ? '提交中…' : '接受邀请'}
          </View>
        </View>
      </View>
    </View>
  );
}
