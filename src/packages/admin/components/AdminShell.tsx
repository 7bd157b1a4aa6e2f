import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { goTab, routes } from '@/utils/routes';
import { ADMIN_TABS, switchAdminTab, type AdminTab } from '../lib/routes';

export interface AdminShellProps {
  active: AdminTab;
  /** Rendered top right of the content on a desktop, under the tabs on a phone. */
  badge?: Partial<Record<AdminTab, number>>;
  children?: ReactNode;
}

/**
 * The console frame: side navigation on a desktop (≥ 1024 px), top tabs on a phone. Pages of the
 * console are for union admins only; anyone else gets a way back to 我的.
 */
export function AdminShell({ active, badge, children }: AdminShellProps) {
  const user = useStore((s) => s.user);
  if (!user || !user.roles.includes('admin')) {
    return (
      <View className="admin admin--denied">
        <StateView
          loading={false}
          error={null}
          empty
          emptyText={user ? '工会管理后台仅对工会管理员开放' : '请先登录工会管理员账号'}
          emptyAction={{ text: '去“我的”', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }
  return (
    <View className={`admin admin--${active}`}>
      <View className="admin__nav">
        <View className="admin__brand">
          <Text className="admin__brand-title">工会管理后台</Text>
          <Text className="admin__brand-org">{user.orgName ?? ''}</Text>
        </View>
        <View className="admin__tabs">
          {ADMIN_TABS.map((t) => (
            <View
              key={t.tab}
              data-tab={t.tab}
              className={`admin__tab${t.tab === active ? ' admin__tab--active' : ''}${t.wideOnly ? ' admin__tab--wide-only' : ''}`}
              onClick={() => t.tab !== active && switchAdminTab(t.tab)}
            >
              <Text>{t.label}</Text>
              {badge?.[t.tab] ? <Text className="admin__tab-badge">{badge[t.tab]}</Text> : null}
            </View>
          ))}
        </View>
        <View className="admin__who">
          <Text>{user.name}</Text>
        </View>
      </View>
      <View className="admin__main">{children}</View>
    </View>
  );
}
