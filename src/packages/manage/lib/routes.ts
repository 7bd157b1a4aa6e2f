/** Pages of the manage subpackage (kept here, not in the main package's routes). */
export const manageRoutes = {
  home: '/packages/manage/index/index',
  applications: '/packages/manage/applications/index',
  topics: '/packages/manage/topics/index',
  topic: (id?: string) => `/packages/manage/topic/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  services: '/packages/manage/services/index',
  service: (id?: string) => `/packages/manage/service/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  teams: '/packages/manage/teams/index',
  team: (id?: string) => `/packages/manage/team/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
};
