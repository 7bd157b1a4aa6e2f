import Taro from '@tarojs/taro';

export type AdminTab = 'dashboard' | 'overdue' | 'orders' | 'export' | 'outbox' | 'review' | 'menu';

export const adminRoutes: Record<AdminTab, string> = {
  dashboard: '/packages/admin/dashboard/index',
  overdue: '/packages/admin/overdue/index',
  orders: '/packages/admin/orders/index',
  export: '/packages/admin/export/index',
  outbox: '/packages/admin/outbox/index',
  // The manage subpackage's pages, in the desktop sidebar too (on a phone: 我的 → 审核与管理).
  review: '/packages/manage/applications/index',
  menu: '/packages/manage/index/index',
};

/** `wideOnly`: in the desktop sidebar only; the phone's top tabs have room for five. */
export const ADMIN_TABS: { tab: AdminTab; label: string; wideOnly?: true }[] = [
  { tab: 'dashboard', label: '数据看板' },
  { tab: 'overdue', label: '超时待办' },
  { tab: 'orders', label: '订单管理' },
  { tab: 'export', label: '导出报表' },
  { tab: 'outbox', label: '消息发送' },
  { tab: 'review', label: '志愿者审核', wideOnly: true },
  { tab: 'menu', label: '菜单与队伍', wideOnly: true },
];

/** Which sidebar entry a manage page belongs to: the review list, or the menu and team editing. */
export const manageTabOf = (path: string): AdminTab => (path.includes('/applications/') ? 'review' : 'menu');

/** The order detail page of the order subpackage (admins may read it). */
export const orderDetailUrl = (id: string) => `/packages/order/detail/index?id=${encodeURIComponent(id)}`;

/** Switch between the console's pages without stacking them. */
export function switchAdminTab(tab: AdminTab, query = ''): void {
  void Taro.redirectTo({ url: `${adminRoutes[tab]}${query}` });
}
