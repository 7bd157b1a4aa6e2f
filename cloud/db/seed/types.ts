/**
 * The shape of the demo dataset (drawn from ../shared/seeds, Chinese union newspaper reports).
 * Records refer to each other by `key` (a stable, readable handle), never by database id: the
 * loader resolves keys to ids, so the data file stays independent of insertion order.
 */
import type { CategoryId, ServiceKind, ServiceMode, TeamRole, VenueType, VolunteerKind } from '../../contract/catalog';
import type { Role } from '../../contract/auth';

export interface SeedOrg {
  key: string;
  name: string;
  parentKey?: string;
  level: 'province' | 'city' | 'county';
  /** Region name used for filtering, e.g. 杭州, 义乌, 婺城. */
  region: string;
}

export interface SeedUser {
  key: string;
  name: string;
  roles: Role[];
  orgKey?: string;
  company?: string;
  /** 11-digit mainland mobile, fictional (e.g. 1380000xxxx). */
  phone?: string;
  /** Shown in the dev login list, e.g. "杭州市总工会 管理员". */
  label: string;
}

export interface SeedTeam {
  key: string;
  name: string;
  kind: 'lecture' | 'service';
  orgKey: string;
  region: string;
  intro: string;
}

/** "HH:mm-HH:mm" windows per ISO weekday (1 = Monday … 7 = Sunday), Asia/Shanghai time. */
export type SeedWeekly = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string[]>>;

export interface SeedVolunteer {
  key: string;
  name: string;
  orgKey: string;
  kinds: VolunteerKind[];
  /** Headline honour, e.g. 全国劳动模范. */
  title: string;
  honours: string[];
  skills: string[];
  regions: string[];
  bio: string;
  teamKey?: string;
  teamRole?: TeamRole;
  phone: string;
  weekly: SeedWeekly;
}

export interface SeedTopic {
  title: string;
  summary: string;
  category: CategoryId;
  durations: number[];
  audience: string;
  venueTypes: VenueType[];
  orgKey: string;
  /** Keys of volunteers (speakers) who give this topic. */
  speakerKeys: string[];
}

export interface SeedService {
  title: string;
  summary: string;
  field: string;
  kind: ServiceKind;
  mode: ServiceMode;
  teamKey?: string;
  orgKey: string;
  /** Keys of volunteers (technicians) who deliver it. */
  technicianKeys: string[];
}

export interface SeedData {
  orgs: SeedOrg[];
  users: SeedUser[];
  teams: SeedTeam[];
  volunteers: SeedVolunteer[];
  topics: SeedTopic[];
  services: SeedService[];
}
