export default defineAppConfig({
  pages: ['pages/index/index', 'pages/orders/index', 'pages/tasks/index', 'pages/me/index'],
  subPackages: [
    {
      // Everything reached from the menu but not needed at launch.
      root: 'packages/menu',
      pages: [
        'topic/index',
        'volunteer/index',
        'team/index',
        'teams/index',
        'services/index',
        'service/index',
      ],
    },
    {
      // The volunteer's task pages: detail, service record, availability.
      root: 'packages/task',
      pages: ['detail/index', 'record/index', 'availability/index'],
    },
    {
      // The requester's order pages: booking, posting a need, detail with timeline, inbox.
      root: 'packages/order',
      pages: ['book/index', 'need/index', 'detail/index', 'inbox/index'],
    },
    {
      // The union admin console: dashboard with charts, overdue queue, orders, export, WeChat messages.
      root: 'packages/admin',
      pages: ['dashboard/index', 'overdue/index', 'orders/index', 'export/index', 'outbox/index'],
    },
    {
      // The user's 申报 (application to become a volunteer).
      root: 'packages/apply',
      pages: ['index/index'],
    },
    {
      // The union admin's review and menu editing: applications, topics, services, teams.
      root: 'packages/manage',
      pages: ['index/index', 'applications/index', 'topics/index', 'topic/index', 'services/index', 'service/index', 'teams/index', 'team/index'],
    },
    {
      // Accounts: accepting an admin invitation, confirming a desktop login, enterprise
      // verification, the admin's users, roles and invitations, and the profile form.
      root: 'packages/account',
      pages: ['invite/index', 'login/index', 'enterprise/index', 'admin/index', 'profile/index'],
    },
  ],
  // Fetch a tab's next pages while the user looks at the tab.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/menu'] },
    'pages/orders/index': { network: 'all', packages: ['packages/order'] },
    'pages/tasks/index': { network: 'all', packages: ['packages/task'] },
  },
  // Inject a page's code only when it is opened, and only the components it uses.
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check: guarded APIs wait for the consent sheet (src/services/privacy.ts).
  __usePrivacyCheck__: true,
  // Check-in records where the volunteer is (optional; check-in works without it).
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '签到时记录服务地点' },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '劳模工匠点单',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '点单',
        iconPath: 'assets/tabbar/menu.png',
        selectedIconPath: 'assets/tabbar/menu-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '订单',
        iconPath: 'assets/tabbar/orders.png',
        selectedIconPath: 'assets/tabbar/orders-active.png',
      },
      {
        pagePath: 'pages/tasks/index',
        text: '任务',
        iconPath: 'assets/tabbar/tasks.png',
        selectedIconPath: 'assets/tabbar/tasks-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
});
