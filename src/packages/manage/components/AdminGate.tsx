import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { StateView } from '@/components/StateView';
import { useStore } from '@/stores';
import { goTab, routes } from '@/utils/routes';
import { AdminShell } from '../../admin/components/AdminShell';
import { useIsWide } from '../../admin/components/useIsWide';
import { manageTabOf } from '../../admin/lib/routes';

/**
 * Renders the page only for a union admin; anyone else gets a polite explanation instead of a
 * screen of FORBIDDEN errors. The server checks every action again.
 */
export function AdminGate({ children }: { children: ReactNode }) {
  const user = useStore((s) => s.user);
  // At desktop width the manage pages sit in the console's frame, with its sidebar (finding 7).
  const wide = useIsWide();
  if (user == null) {
    return (
      <View className="mg-page mg-gate">
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="请先登录工会管理员账号"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }
  if (!user.roles.includes('admin')) {
    return (
      <View className="mg-page mg-gate mg-gate--forbidden">
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="抱歉，审核与管理仅对工会管理员开放"
          emptyHint="如需维护菜单或审核志愿者，请联系所在工会开通管理员权限。"
          emptyAction={{ text: '返回我的', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }
  if (wide) {
    const path = Taro.getCurrentInstance().router?.path ?? '';
    return <AdminShell active={manageTabOf(path)}>{children}</AdminShell>;
  }
  return <>{children}</>;
}
