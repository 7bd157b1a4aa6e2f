import Taro from '@tarojs/taro';

/** Every page path in one place, so links and app.config.ts cannot drift apart silently. */
export const routes = {
  home: '/pages/index/index',
  orders: '/pages/orders/index',
  tasks: '/pages/tasks/index',
  me: '/pages/me/index',
  topic: (id: string) => `/packages/menu/topic/index?id=${encodeURIComponent(id)}`,
  volunteer: (id: string) => `/packages/menu/volunteer/index?id=${encodeURIComponent(id)}`,
  team: (id: string) => `/packages/menu/team/index?id=${encodeURIComponent(id)}`,
  teams: (kind?: 'lecture' | 'service') => `/packages/menu/teams/index${kind ? `?kind=${kind}` : ''}`,
  service: (id: string) => `/packages/menu/service/index?id=${encodeURIComponent(id)}`,
  services: (teamId?: string) =>
    `/packages/menu/services/index${teamId ? `?teamId=${encodeURIComponent(teamId)}` : ''}`,
  // Accounts (packages/account): accepting an invitation, the phone's side of the desktop login,
  // the enterprise application, the admin's accounts console.
  invite: (code?: string) => `/packages/account/invite/index${code ? `?code=${encodeURIComponent(code)}` : ''}`,
  scanLogin: (ticket: string) => `/packages/account/login/index?scene=${encodeURIComponent(ticket)}`,
  enterprise: '/packages/account/enterprise/index',
  profile: (from?: 'book') => `/packages/account/profile/index${from ? `?from=${from}` : ''}`,
  accounts: '/packages/account/admin/index',
  /** 申报: a user's application to become a volunteer (packages/apply). */
  apply: '/packages/apply/index/index',
};

export function go(url: string): void {
  void Taro.navigateTo({ url });
}

export function goTab(url: string): void {
  void Taro.switchTab({ url });
}

