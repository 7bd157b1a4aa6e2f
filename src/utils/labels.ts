import type { CategoryId, Role, ServiceKind, ServiceMode, TeamRole, VenueType, VolunteerKind } from '@cloud/contract';

/**
 * Chinese names of the contract's enums. Records keep them exhaustive when the contract grows.
 * (The contract's own CATEGORIES constant is not imported: it would pull zod into the bundle.)
 */
export const CATEGORY_LABEL: Record<CategoryId, string> = {
  laomo: '劳模精神',
  gongjiang: '工匠精神',
  laodong: '劳动精神',
  jineng: '技能培训',
  anquan: '安全生产',
  zhengce: '政策法规',
  jiankang: '健康生活',
  shehui: '社会服务',
};

export const VENUE_LABEL: Record<VenueType, string> = {
  enterprise: '企业',
  workshop: '车间',
  team: '班组',
  site: '工地',
  village: '乡村',
  school: '学校',
  community: '社区',
  office: '机关',
  online: '网络',
};

export const SERVICE_KIND_LABEL: Record<ServiceKind, string> = {
  tackle: '技术攻关',
  help: '技术帮扶',
  training: '技术培训',
  collab: '技术协作',
};

export const SERVICE_MODE_LABEL: Record<ServiceMode, string> = {
  onsite: '上门服务',
  remote: '远程指导',
  both: '上门/远程',
};

export const ROLE_LABEL: Record<Role, string> = {
  worker: '职工',
  enterprise: '企业',
  volunteer: '志愿者',
  admin: '管理员',
};

export const TEAM_ROLE_LABEL: Record<TeamRole, string> = {
  captain: '队长',
  liaison: '联络员',
  member: '队员',
};

export const VOLUNTEER_KIND_LABEL: Record<VolunteerKind, string> = {
  speaker: '宣讲',
  technician: '技术',
};

export const TEAM_KIND_LABEL: Record<'lecture' | 'service', string> = {
  lecture: '宣讲团',
  service: '技术服务队',
};

/** A length of time as people say it: "45 分钟", "2 小时", "1 小时 30 分钟" (not "120 分钟"). */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} 分钟`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} 小时` : `${h} 小时 ${m % 60} 分钟`;
}

/** "45/60/90 分钟" */
export function formatDurations(minutes: number[]): string {
  if (minutes.length === 0) return '时长面议';
  return `${[...minutes].sort((a, b) => a - b).join('/')} 分钟`;
}

/** What each score means, where a rating is given (index = score; 0 = not yet chosen). */
export const RATING_WORDS = ['请点选星级', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

/** "4.6" or null when unrated. */
export function formatRating(rating: number | null): string | null {
  return rating == null ? null : rating.toFixed(1);
}

/** The first character of a name, for text avatars. */
export function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? '?';
}
