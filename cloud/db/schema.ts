import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { AdminInvitesTable, EnterpriseApplicationsTable, LoginTicketsTable, RoleGrantsTable } from './schema-accounts';
import type { CertificatesTable, CheckInAttemptsTable, HandBacksTable, OrderCheckInSecretsTable } from './schema-trust';

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
  avatar_url: Generated<string | null>;
  token_version: Generated<number>;
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
  points: Generated<number>;
  review_note: string | null;
  applied_at: Date | null;
  reviewed_at: Date | null;
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

export interface OrdersTable {
  id: Generated<string>;
  kind: 'lecture' | 'service' | 'need';
  status: Generated<string>;
  requester_id: string;
  org_id: string;
  topic_id: string | null;
  service_id: string | null;
  team_id: string | null;
  volunteer_id: string | null;
  named: Generated<boolean>;
  /** tstzrange: written with rangeOf(start, end), read through lower()/upper(). */
  during: ColumnType<string, RawBuilder<string>, RawBuilder<string>>;
  duration_min: number;
  venue_type: string;
  venue_address: string | null;
  venue_link: string | null;
  headcount: number | null;
  contact_phone: string;
  note: Generated<string>;
  title: string | null;
  field: string | null;
  description: string | null;
  photos: Generated<string[]>;
  urgency: string | null;
  request_id: string;
  created_at: Date;
  updated_at: Date;
  accepted_at: Date | null;
  checked_in_at: Date | null;
  check_in_location: unknown;
  /** 0008: null until checked in; true when the requester's rotating code was shown. */
  check_in_verified: Generated<boolean | null>;
  completed_at: Date | null;
  record: unknown;
  rating: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  pending_since: Date;
  escalated_at: Date | null;
  region: string | null;
  team_broadcast_at: Date | null;
  confirmed_at: Date | null;
  disputed_at: Date | null;
  dispute_reason: string | null;
  reopen_count: Generated<number>;
  credited_minutes: number | null;
  showcase: Generated<boolean>;
  showcase_title: string | null;
}

export interface OrderEventsTable {
  id: Generated<string>;
  order_id: string;
  at: Date;
  from_status: string | null;
  to_status: string;
  by_user_id: string | null;
  note: Generated<string>;
}

export interface InboxMessagesTable {
  id: Generated<string>;
  user_id: string;
  order_id: string | null;
  title: string;
  body: Generated<string>;
  created_at: Date;
  read_at: Date | null;
}

export interface UploadsTable {
  id: string;
  user_id: string;
  mime: string;
  bytes: number;
  created_at: Date;
}

/** The bytes of an upload when the server runs on PostgreSQL (migration 0010): every process serves them. */
export interface UploadBlobsTable {
  id: string;
  data: Buffer;
}

/** A WeChat subscribe message waiting, sent, failed or skipped (migration 0006). */
export interface OutboxTable {
  id: Generated<string>;
  order_id: string;
  event: string;
  user_id: string;
  channel: Generated<string>;
  kind: string;
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  last_error: string | null;
  payload: ColumnType<unknown, string, string>;
  request: ColumnType<unknown, string | null, string | null>;
  transport: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/** Unspent one-time subscriptions per user and template kind. */
export interface SubscriptionsTable {
  user_id: string;
  kind: string;
  credits: Generated<number>;
  accepted_at: Date | null;
  rejected_at: Date | null;
  updated_at: Date;
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
  orders: OrdersTable;
  order_events: OrderEventsTable;
  inbox_messages: InboxMessagesTable;
  uploads: UploadsTable;
  upload_blobs: UploadBlobsTable;
  outbox: OutboxTable;
  subscriptions: SubscriptionsTable;
  schema_migrations: SchemaMigrationsTable;
  enterprise_applications: EnterpriseApplicationsTable;
  admin_invites: AdminInvitesTable;
  role_grants: RoleGrantsTable;
  login_tickets: LoginTicketsTable;
  order_check_in_secrets: OrderCheckInSecretsTable;
  check_in_attempts: CheckInAttemptsTable;
  hand_backs: HandBacksTable;
  certificates: CertificatesTable;
}
