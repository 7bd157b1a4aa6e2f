import Taro from '@tarojs/taro';

export type AdminTab = 'dashboard' | 'overdue' | 'orders' | 'export' | 'outbox';

export const adminRoutes: Record<AdminTab, string> = {
  dashboard: '/packages/admin/dashboard/index',
  overdue: '/packages/admin/overdue/index',
  orders: '/packages/admin/orders/index',
  export: '/packages/admin/export/index',
  outbox: '/packages/admin/outbox/index',
};

export const ADMIN_TABS: { tab: AdminTab; label: string }[] = [
  { tab: 'dashboard', label: '数据看板' },
  { tab: 'overdue', label: '超时待办' },
  { tab: 'orders', label: '订单管理' },
  { tab: 'export', label: '导出报表' },
  { tab: 'outbox', label: '消息发送' },
];

/** The order detail page of the order subpackage (admins may read it). */
export const orderDetailUrl = (id: string) => `/packages/order/detail/index?id=${encodeURIComponent(id)}`;

/** Switch between the console's pages without stacking them. */
export function switchAdminTab(tab: AdminTab, query = ''): void {
  void Taro.redirectTo({ url: `${adminRoutes[tab]}${query}` });
}
