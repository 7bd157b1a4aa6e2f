import type { Generated } from 'kysely';

/**
 * Table types for Kysely. bigint columns come back from pg as decimal strings, which is also
 * the id format of the API contract.
 */
export interface OrgsTable {
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  level: 'province' | 'city' | 'county';
  region: string;
}

export interface UsersTable {
  id: Generated<string>;
  name: string;
  phone: string | null;
  openid: string | null;
  org_id: string | null;
  company: string | null;
  roles: Generated<string[]>;
  label: Generated<string>;
  created_at: Generated<Date>;
}

export interface TeamsTable {
  id: Generated<string>;
  name: string;
  kind: 'lecture' | 'service';
  org_id: string;
  region: string;
  intro: Generated<string>;
}

export interface VolunteersTable {
  id: Generated<string>;
  user_id: string;
  org_id: string;
  kinds: string[];
  title: Generated<string>;
  honours: Generated<string[]>;
  skills: Generated<string[]>;
  regions: Generated<string[]>;
  bio: Generated<string>;
  team_id: string | null;
  team_role: 'captain' | 'liaison' | 'member' | null;
  status: Generated<'applied' | 'approved' | 'rejected' | 'suspended'>;
  rating_sum: Generated<number>;
  rating_count: Generated<number>;
  orders_done: Generated<number>;
  service_minutes: Generated<number>;
}

export interface VolunteerWindowsTable {
  volunteer_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}

export interface VolunteerBlockedDaysTable {
  volunteer_id: string;
  /** Written as 'YYYY-MM-DD'; read it back with `day::text` to avoid time-zone shifts. */
  day: string;
}

export interface CategoriesTable {
  id: string;
  name: string;
  sort: number;
}

export interface TopicsTable {
  id: Generated<string>;
  title: string;
  summary: Generated<string>;
  category_id: string;
  durations: number[];
  audience: Generated<string>;
  venue_types: Generated<string[]>;
  org_id: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface TopicVolunteersTable {
  topic_id: string;
  volunteer_id: string;
}

export interface ServicesTable {
  id: Generated<string>;
  title: string;
  summary: Generated<string>;
  field: string;
  kind: 'tackle' | 'help' | 'training' | 'collab';
  mode: 'onsite' | 'remote' | 'both';
  team_id: string | null;
  org_id: string;
  active: Generated<boolean>;
}

export interface ServiceVolunteersTable {
  service_id: string;
  volunteer_id: string;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface DB {
  orgs: OrgsTable;
  users: UsersTable;
  teams: TeamsTable;
  volunteers: VolunteersTable;
  volunteer_windows: VolunteerWindowsTable;
  volunteer_blocked_days: VolunteerBlockedDaysTable;
  categories: CategoriesTable;
  topics: TopicsTable;
  topic_volunteers: TopicVolunteersTable;
  services: ServicesTable;
  service_volunteers: ServiceVolunteersTable;
  schema_migrations: SchemaMigrationsTable;
}
