import type {
  CategoryId, Service, ServiceKind, ServiceMode, Team, TeamRole, TopicSummary, VenueType, VolunteerKind,
  VolunteerSummary,
} from '../../contract';
import type { ServiceRow } from '../../db/repositories/services';
import type { TeamRow } from '../../db/repositories/teams';
import type { VolunteerRow } from '../../db/repositories/volunteers';

/** Rows → contract shapes. Repositories return rows; nothing outside the domain sees them. */

export function toVolunteerSummary(r: VolunteerRow): VolunteerSummary {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    orgId: r.org_id,
    kinds: r.kinds as VolunteerKind[],
    title: r.title,
    teamId: r.team_id,
    teamName: r.team_name,
    teamRole: r.team_role as TeamRole | null,
    skills: r.skills,
    honours: r.honours,
    regions: r.regions,
    rating: r.rating_count > 0 ? Math.round((r.rating_sum / r.rating_count) * 10) / 10 : null,
    ratingCount: r.rating_count,
    ordersDone: r.orders_done,
    serviceHours: Math.round((r.service_minutes / 60) * 10) / 10,
  };
}

export interface TopicRowLike {
  id: string;
  title: string;
  summary: string;
  category_id: string;
  category_name: string;
  durations: number[];
  audience: string;
  venue_types: string[];
  org_id: string;
  volunteer_ids: string[];
}

export function toTopicSummary(r: TopicRowLike): TopicSummary {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    category: r.category_id as CategoryId,
    categoryName: r.category_name,
    durations: r.durations.map(Number),
    audience: r.audience,
    venueTypes: r.venue_types as VenueType[],
    volunteerIds: r.volunteer_ids,
    orgId: r.org_id,
  };
}

export function toService(r: ServiceRow): Service {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    field: r.field,
    kind: r.kind as ServiceKind,
    mode: r.mode as ServiceMode,
    teamId: r.team_id,
    teamName: r.team_name,
    volunteerIds: r.volunteer_ids,
    orgId: r.org_id,
  };
}

export function toTeam(r: TeamRow): Team {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    intro: r.intro,
    region: r.region,
    orgId: r.org_id,
    orgName: r.org_name,
    captainId: r.captain_ids[0] ?? null,
    liaisonIds: r.liaison_ids,
    memberIds: r.member_ids,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Minutes since midnight → "HH:mm". */
export const minutesToClock = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
