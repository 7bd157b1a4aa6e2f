import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DevUser, Role } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { TextAvatar } from '@/components/TextAvatar';
import { FilterChips, type FilterOption } from '@/components/FilterChips';
import { ScanLogin } from '@/components/ScanLogin';
import { ROLE_LABEL } from '@/utils/labels';
import { RoleChips } from './role-chips';

/** H5 only (see H5SignIn in index.tsx): the mini-program signs in through WeChat instead. */

const ROLE_OPTIONS: FilterOption<Role>[] = (['worker', 'enterprise', 'volunteer', 'admin'] as const).map((r) => ({
  value: r,
  label: ROLE_LABEL[r],
}));

/** h5 demo: pick one of the seeded users (the server offers this only in dev mode). */
function DevLogin() {
  const login = useStore((s) => s.login);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | undefined>(undefined);
  // In production the demo login does not exist (NOT_FOUND): then this block is not shown at all.
  const users = useAsync(
    () => call('auth', 'devUsers', {}).catch((err: unknown) => {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') return null;
      throw err;
    }),
    [],
  );
  const shown = users.data?.items.filter((u) => role == null || u.roles.includes(role)) ?? [];

  const signIn = async (u: DevUser) => {
    if (busyId) return;
    setBusyId(u.id);
    try {
      const res = await call('auth', 'devLogin', { userId: u.id });
      login(res.token, res.user);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      void Taro.showToast({ title: `已登录：${res.user.name}`, icon: 'none' });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusyId(null);
    }
  };

  if (users.status === 'ready' && users.data === null) return null;
  return (
    <View className="me__dev">
      <View className="me__dev-head">
        <Text className="me__dev-title">演示账号快速登录</Text>
        <Text className="me__dev-note">仅在开发演示环境提供</Text>
      </View>
      <View className="me__dev-filter">
        <FilterChips options={ROLE_OPTIONS} value={role} onChange={setRole} />
      </View>
      <StateView
        loading={users.status === 'loading'}
        error={users.error}
        empty={shown.length === 0}
        emptyText="没有可用的演示账号"
        onRetry={() => void users.reload()}
        skeletonRows={2}
      >
        {shown.map((u) => (
          <View key={u.id} className="dev-user" data-id={u.id} onClick={() => void signIn(u)}>
            <TextAvatar name={u.name} />
            <View className="dev-user__body">
              <Text className="dev-user__name">{u.name}</Text>
              {u.label !== '' && <Text className="dev-user__label">{u.label}</Text>}
              <RoleChips roles={u.roles} />
            </View>
            <Text className="dev-user__go">{busyId === u.id ? '登录中…' : '登录'}</Text>
          </View>
        ))}
      </StateView>
    </View>
  );
}

/** Signed out on H5: the console's QR login, then (dev mode only) the demo accounts. */
export function H5SignIn() {
  return (
    <>
      <ScanLogin />
      <DevLogin />
    </>
  );
}
