import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { TextAvatar } from '@/components/TextAvatar';
import { VolunteerStats } from '@/components/VolunteerStats';
import { ROLE_LABEL } from '@/utils/labels';
import { needsProfile } from '@/components/ProfileSheet/form';
import { go, routes } from '@/utils/routes';
import { ourPageOf } from '@/utils/scene';
import { useRootClass } from '@/hooks/useElder';
import { RoleChips } from './role-chips';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';



/** weapp: WeChat already knows the caller; ask the cloud which user that is. */
function WeappLogin() {
  const login = useStore((s) => s.login);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      login(null, await call('auth', 'me', {}));
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'UNAUTHENTICATED'
          ? '当前微信尚未绑定账号，请联系所在工会开通'
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="me__weapp-login">
      <View className={`btn btn--primary${busy ? ' btn--disabled' : ''}`} onClick={() => !busy && void signIn()}>
        {busy ? '登录中…' : '微信一键登录'}
      </View>
      {error && <Text className="me__error">{error}</Text>}
    </View>
  );
}

const APPLY_STATUS = { applied: '审核中', approved: '已通过', rejected: '未通过，可重新申报' } as const;

/** 申报 entry for a signed-in user who is not a volunteer yet, with where their application stands. */
function ApplyEntry() {
  const [status, setStatus] = useState<string | null>(null);
  const busy = useRef(false);
  const load = () => {
    if (busy.current) return;
    busy.current = true;
    call('task', 'application', {})
      .then((a) => setStatus(a ? APPLY_STATUS[a.status] : null), () => undefined)
      .finally(() => (busy.current = false));
  };
  useEffect(load, []);
  useDidShow(load);
  return (
    <View className="me__row me__entry me__entry--apply" onClick={() => go(routes.apply)}>
      <Text className="me__key">申报成为志愿者</Text>
      <Text className="me__value apply-entry-status">{status ?? '宣讲或技术服务'} ›</Text>
    </View>
  );
}

const ENTERPRISE_STATUS = { applied: '审核中', approved: '已通过', rejected: '未通过，可重新申请' } as const;

/** 企业认证 entry for a signed-in user who is not an enterprise contact yet, with where it stands. */
function EnterpriseEntry() {
  const [status, setStatus] = useState<string | null>(null);
  const load = () => {
    call('auth', 'enterpriseApplication', {}).then((a) => setStatus(a ? ENTERPRISE_STATUS[a.status] : null), () => undefined);
  };
  useEffect(load, []);
  useDidShow(load);
  return (
    <View className="me__row me__entry me__entry--enterprise" onClick={() => go(routes.enterprise)}>
      <Text className="me__key">企业认证</Text>
      <Text className="me__value enterprise-entry-status">{status ?? '成为企业联系人'} ›</Text>
    </View>
  );
}

/** The admin's phone scans the console's QR code (a mini-program code, or a plain one off CloudBase). */
async function scanConsoleCode() {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true });
    const ours = ourPageOf(res as { path?: string; result?: string });
    if (!ours) {
      void Taro.showToast({ title: '不是管理后台的登录二维码', icon: 'none' });
      return;
    }
    go(ours.page === 'login' ? routes.scanLogin(ours.value) : routes.invite(ours.value));
  } catch {
    // cancelled
  }
}

/** 长辈模式 on and off; remembered on this device (the store saves it). */
function ElderSwitch() {
  const elder = useStore((s) => s.elder);
  const setElder = useStore((s) => s.setElder);
  return (
    <View className="card me__more me__more--elder">
      <View
        className="me__row me__entry me__entry--elder"
        role="switch"
        aria-checked={elder}
        onClick={() => setElder(!elder)}
      >
        <View className="me__elder-text">
          <Text className="me__key">长辈模式</Text>
          <Text className="me__elder-hint">字更大、按钮更大，首页更简单</Text>
        </View>
        <View className={`me__switch${elder ? ' me__switch--on' : ''}`}>
          <View className="me__switch-knob" />
        </View>
      </View>
    </View>
  );
}

/** Ends this session on the server too (best effort), then forgets it here. */
function signOut(logout: () => void) {
  void call('auth', 'logout', {}).catch(() => undefined);
  logout();
}

/** 我的: who I am, my roles, sign in and out. */
/**
 * Signing in on H5: the desktop login by scanning and, in dev mode, the demo accounts. Required
 * inside a build-time constant branch, so the mini-program's main package carries neither.
 */
function H5SignIn() {
  if (process.env.TARO_ENV !== 'weapp') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { H5SignIn: SignIn } = require('./h5-sign-in') as typeof import('./h5-sign-in');
    return <SignIn />;
  }
  return null;
}

export default function MePage() {
  const user = useStore((s) => s.user);
  const token = useStore((s) => s.token);
  const { logout, setUser } = useStore.getState();
  const rootClass = useRootClass('me');

  // Refresh the profile when the tab shows; an expired session is cleared by the api client.
  useDidShow(() => {
    if (user == null || (!IS_WEAPP && token == null)) return;
    call('auth', 'me', {}).then(setUser, () => undefined);
  });

  if (user == null) {
    return (
      <View className={rootClass}>
        <View className="me__header">
          <View className="me__avatar-empty">?</View>
          <View className="me__who">
            <Text className="me__name">未登录</Text>
            <Text className="me__org">登录后可点单、查看订单和任务</Text>
          </View>
        </View>
        {IS_WEAPP ? <WeappLogin /> : (
          <H5SignIn />
        )}
        <ElderSwitch />
      </View>
    );
  }

  return (
    <View className={rootClass}>
      <View className="me__header">
        {user.avatarUrl ? <Image className="me__avatar" src={user.avatarUrl} mode="aspectFill" /> : <TextAvatar name={user.name} size="large" />}
        <View className="me__who">
          <Text className="me__name">{user.name}</Text>
          <RoleChips roles={user.roles} />
        </View>
      </View>
      {needsProfile(user) && (
        <View className="card me__profile-prompt" onClick={() => go(routes.profile())}>
          <Text className="me__profile-prompt-title">完善个人资料</Text>
          <Text className="me__profile-prompt-text">填写姓名、头像、手机号和所属工会后即可点单、申报和接单</Text>
          <Text className="btn btn--primary me__profile-prompt-go">去完善</Text>
        </View>
      )}
      <View className="card me__info">
        <View className="me__row">
          <Text className="me__key">所属工会</Text>
          <Text className="me__value">{user.orgName ?? '—'}</Text>
        </View>
        {user.company && (
          <View className="me__row">
            <Text className="me__key">工作单位</Text>
            <Text className="me__value">{user.company}</Text>
          </View>
        )}
        <View className="me__row">
          <Text className="me__key">身份</Text>
          <Text className="me__value">{user.roles.map((r) => ROLE_LABEL[r]).join('、')}</Text>
        </View>
        {user.phone && (
          <View className="me__row">
            <Text className="me__key">手机号</Text>
            <Text className="me__value">{user.phone}</Text>
          </View>
        )}
        {!needsProfile(user) && (
          <View className="me__row me__entry me__entry--profile" onClick={() => go(routes.profile())}>
            <Text className="me__key">个人资料</Text>
            <Text className="me__value">修改 ›</Text>
          </View>
        )}
      </View>
      {user.volunteerId && <VolunteerStats />}
      {(!user.roles.includes('volunteer') || !user.roles.includes('enterprise') || user.roles.includes('admin')) && (
        <View className="card me__more">
          {/* Admins run the review; they are not offered 申报 themselves (finding 7). */}
          {!user.roles.includes('volunteer') && !user.roles.includes('admin') && <ApplyEntry />}
          {!user.roles.includes('enterprise') && <EnterpriseEntry />}
          {user.roles.includes('admin') && (
            <View className="me__row me__entry me__entry--manage" onClick={() => void Taro.navigateTo({ url: '/packages/manage/index/index' })}>
              <Text className="me__key">审核与管理</Text>
              <Text className="me__value">志愿者审核、菜单与队伍 ›</Text>
            </View>
          )}
        </View>
      )}
      {user.roles.includes('admin') && (
        <View className="card me__more me__more--admin">
          <View
            className="me__row me__entry me__entry--admin"
            onClick={() => void Taro.navigateTo({ url: '/packages/admin/dashboard/index' })}
          >
            <Text className="me__key">工会管理后台</Text>
            <Text className="me__value">数据看板、派单转办、导出 ›</Text>
          </View>
          <View className="me__row me__entry me__entry--accounts" onClick={() => go(routes.accounts)}>
            <Text className="me__key">账号与权限</Text>
            <Text className="me__value">企业认证审核、邀请管理员 ›</Text>
          </View>
          {IS_WEAPP && (
            <View className="me__row me__entry me__entry--scan" onClick={() => void scanConsoleCode()}>
              <Text className="me__key">扫码登录电脑端</Text>
              <Text className="me__value">扫描管理后台的二维码 ›</Text>
            </View>
          )}
        </View>
      )}
      {!user.roles.includes('admin') && (
        <View className="card me__more me__more--invite">
          <View className="me__row me__entry me__entry--invite" onClick={() => go(routes.invite())}>
            <Text className="me__key">接受管理员邀请</Text>
            <Text className="me__value">输入或扫描邀请码 ›</Text>
          </View>
        </View>
      )}
      <ElderSwitch />
      <View className="me__logout">
        <View className="btn btn--outline me__logout-btn" onClick={() => signOut(logout)}>
          退出登录
        </View>
      </View>
    </View>
  );
}
