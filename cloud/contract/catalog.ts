import { z } from 'zod';
import type { ShowcaseCase } from './admin';
import { idSchema, isoDateTime, pagingShape, searchText, lineText } from './common';

/** The eight lecture categories (SPEC "The menu"). Ids are stable slugs. */
export const CATEGORIES = [
  { id: 'laomo', name: '劳模精神' },
  { id: 'gongjiang', name: '工匠精神' },
  { id: 'laodong', name: '劳动精神' },
  { id: 'jineng', name: '技能培训' },
  { id: 'anquan', name: '安全生产' },
  { id: 'zhengce', name: '政策法规' },
  { id: 'jiankang', name: '健康生活' },
  { id: 'shehui', name: '社会服务' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];
const categoryIds = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

export const VENUE_TYPES = [
  'enterprise', 'workshop', 'team', 'site', 'village', 'school', 'community', 'office', 'online',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

export const VOLUNTEER_KINDS = ['speaker', 'technician'] as const;
export type VolunteerKind = (typeof VOLUNTEER_KINDS)[number];

export const SERVICE_MODES = ['onsite', 'remote', 'both'] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SERVICE_KINDS = ['tackle', 'help', 'training', 'collab'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const TEAM_ROLES = ['captain', 'liaison', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

// ---- inputs -------------------------------------------------------------------------------

export const catalogInput = {
  categories: z.object({}).strict(),
  // The union org tree (省 → 市 → 区县), public: a first-time user picks theirs in the profile.
  orgs: z.object({ ...pagingShape }).strict(),
  topics: z
    .object({
      category: z.enum(categoryIds, { error: '未知的分类' }).optional(),
      q: searchText,
      volunteerId: idSchema.optional(),
      ...pagingShape,
    })
    .strict(),
  topic: z.object({ id: idSchema }).strict(),
  services: z
    .object({
      field: lineText().trim().max(20, '领域最多 20 字').optional(),
      q: searchText,
      teamId: idSchema.optional(),
      ...pagingShape,
    })
    .strict(),
  service: z.object({ id: idSchema }).strict(),
  volunteers: z
    .object({
      kind: z.enum(VOLUNTEER_KINDS, { error: '类型应为 speaker 或 technician' }).optional(),
      skill: lineText().trim().max(20, '技能最多 20 字').optional(),
      teamId: idSchema.optional(),
      region: lineText().trim().max(20, '地区最多 20 字').optional(),
      q: searchText,
      ...pagingShape,
    })
    .strict(),
  volunteer: z
    .object({ id: idSchema, from: isoDateTime.optional(), to: isoDateTime.optional() })
    .strict(),
  teams: z
    .object({
      kind: z.enum(['lecture', 'service'], { error: '类型应为 lecture 或 service' }).optional(),
      q: searchText,
      ...pagingShape,
    })
    .strict(),
  team: z.object({ id: idSchema }).strict(),
};

// ---- outputs ------------------------------------------------------------------------------

export interface Category {
  id: CategoryId;
  name: string;
  /** How many topics the category holds, for the menu grid. */
  topicCount: number;
}

export interface TopicSummary {
  id: string;
  title: string;
  summary: string;
  category: CategoryId;
  categoryName: string;
  /** Durations offered, minutes. */
  durations: number[];
  audience: string;
  venueTypes: VenueType[];
  volunteerIds: string[];
  orgId: string;
}

export interface VolunteerSummary {
  id: string;
  userId: string;
  name: string;
  /** The union organisation the volunteer belongs to. */
  orgId: string;
  kinds: VolunteerKind[];
  /** Headline honour shown under the name, e.g. 全国劳动模范. */
  title: string;
  teamId: string | null;
  teamName: string | null;
  teamRole: TeamRole | null;
  skills: string[];
  honours: string[];
  regions: string[];
  /** Average 1–5, null until the first rating. */
  rating: number | null;
  ratingCount: number;
  ordersDone: number;
  serviceHours: number;
}

export interface TopicDetail extends TopicSummary {
  volunteers: VolunteerSummary[];
}

export interface Service {
  id: string;
  title: string;
  summary: string;
  field: string;
  kind: ServiceKind;
  mode: ServiceMode;
  teamId: string | null;
  teamName: string | null;
  volunteerIds: string[];
  orgId: string;
}

export interface ServiceDetail extends Service {
  volunteers: VolunteerSummary[];
}

/** A weekly availability window in Asia/Shanghai local time; weekday 1 = Monday … 7 = Sunday. */
export interface WeeklyWindow {
  weekday: number;
  /** "HH:mm" */
  start: string;
  /** "HH:mm" */
  end: string;
}

export interface TimeSlot {
  start: string;
  end: string;
}

export interface VolunteerProfile extends VolunteerSummary {
  bio: string;
  orgId: string;
  orgName: string;
  topics: { id: string; title: string; category: CategoryId }[];
  services: { id: string; title: string; field: string }[];
  weekly: WeeklyWindow[];
  /** Bookable time between `from` and `to` (availability minus blocked days and bookings). */
  freeSlots: TimeSlot[];
  /** 优秀案例 the union picked from this volunteer's completed orders. */
  cases: ShowcaseCase[];
}

export interface Team {
  id: string;
  name: string;
  kind: 'lecture' | 'service';
  intro: string;
  region: string;
  orgId: string;
  orgName: string;
  captainId: string | null;
  liaisonIds: string[];
  memberIds: string[];
}

export interface TeamDetail extends Team {
  members: VolunteerSummary[];
  services: Service[];
  totals: { ordersDone: number; serviceHours: number; members: number };
  cases: ShowcaseCase[];
}
