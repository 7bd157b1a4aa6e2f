import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { matchesAllTerms, pageWithTotal, searchTerms, type PageQuery } from './search';

export interface VolunteerFilter extends PageQuery {
  kind?: string;
  skill?: string;
  teamId?: string;
  region?: string;
  q?: string;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .leftJoin('teams as t', 't.id', 'v.team_id')
    .where('v.status', '=', 'approved')
    .select([
      'v.id', 'v.user_id', 'u.name', 'v.kinds', 'v.title', 'v.team_id', 't.name as team_name', 'v.team_role',
      'v.skills', 'v.honours', 'v.regions', 'v.rating_sum', 'v.rating_count', 'v.orders_done',
      'v.service_minutes', 'v.bio', 'v.org_id', 'o.name as org_name',
    ]);
}

export type VolunteerRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function listVolunteers(db: Kysely<DB>, f: VolunteerFilter) {
  let q = baseQuery(db).select(sql<string>`count(*) over ()`.as('total'));
  if (f.kind) q = q.where(sql<boolean>`v.kinds @> ARRAY[${f.kind}]::text[]`);
  if (f.skill) q = q.where(sql<boolean>`${f.skill} = ANY(v.skills)`);
  if (f.region) q = q.where(sql<boolean>`${f.region} = ANY(v.regions)`);
  if (f.teamId) q = q.where('v.team_id', '=', f.teamId);
  const terms = searchTerms(f.q);
  if (terms.length) {
    q = q.where(
      matchesAllTerms(terms, [
        sql.ref('u.name'), sql.ref('v.title'), sql`array_to_string(v.skills, ' ')`,
        sql`array_to_string(v.honours, ' ')`, sql`coalesce(t.name, '')`,
      ]),
    );
  }
  return pageWithTotal((limit, offset) => q.orderBy('v.orders_done', 'desc').orderBy('v.id').limit(limit).offset(offset).execute(), f);
}

export async function volunteersByIds(db: Kysely<DB>, ids: string[]): Promise<VolunteerRow[]> {
  if (!ids.length) return [];
  return baseQuery(db).where('v.id', 'in', ids).orderBy('v.id').execute();
}

export async function volunteersOfTeam(db: Kysely<DB>, teamId: string): Promise<VolunteerRow[]> {
  // Captain first, then liaisons, then members: the order a team page shows them in.
  return baseQuery(db)
    .where('v.team_id', '=', teamId)
    .orderBy(sql`array_position(ARRAY['captain','liaison','member']::text[], v.team_role)`)
    .orderBy('v.id')
    .execute();
}

export async function getVolunteer(db: Kysely<DB>, id: string) {
  return baseQuery(db).where('v.id', '=', id).executeTakeFirst();
}

export async function windowsOf(db: Kysely<DB>, volunteerId: string) {
  return db
    .selectFrom('volunteer_windows')
    .select(['weekday', 'start_minute', 'end_minute'])
    .where('volunteer_id', '=', volunteerId)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute();
}

export async function blockedDaysOf(db: Kysely<DB>, volunteerId: string, fromDay: string, toDay: string) {
  const rows = await db
    .selectFrom('volunteer_blocked_days')
    .select(sql<string>`day::text`.as('day'))
    .where('volunteer_id', '=', volunteerId)
    .where(sql<boolean>`day BETWEEN ${fromDay}::date AND ${toDay}::date`)
    .execute();
  return new Set(rows.map((r) => r.day));
}

export async function topicsOfVolunteer(db: Kysely<DB>, volunteerId: string) {
  return db
    .selectFrom('topic_volunteers as tv')
    .innerJoin('topics as t', 't.id', 'tv.topic_id')
    .select(['t.id', 't.title', 't.category_id'])
    .where('tv.volunteer_id', '=', volunteerId)
    .where('t.active', '=', true)
    .orderBy('t.id')
    .execute();
}

export async function servicesOfVolunteer(db: Kysely<DB>, volunteerId: string) {
  return db
    .selectFrom('service_volunteers as sv')
    .innerJoin('services as s', 's.id', 'sv.service_id')
    .select(['s.id', 's.title', 's.field'])
    .where('sv.volunteer_id', '=', volunteerId)
    .where('s.active', '=', true)
    .orderBy('s.id')
    .execute();
}
