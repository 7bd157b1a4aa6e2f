import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { matchesAllTerms, pageWithTotal, searchTerms, type PageQuery } from './search';

export interface ServiceFilter extends PageQuery {
  field?: string;
  q?: string;
  teamId?: string;
}

function baseQuery(db: Kysely<DB>, includeInactive = false) {
  return db
    .selectFrom('services as s')
    .leftJoin('teams as t', 't.id', 's.team_id')
    .where((eb) => (includeInactive ? eb.lit(true) : eb('s.active', '=', true)))
    .select([
      's.id', 's.title', 's.summary', 's.field', 's.kind', 's.mode', 's.team_id', 't.name as team_name', 's.org_id',
      sql<string[]>`ARRAY(SELECT sv.volunteer_id::text FROM service_volunteers sv
        WHERE sv.service_id = s.id ORDER BY sv.volunteer_id)`.as('volunteer_ids'),
    ]);
}

export type ServiceRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function listServices(db: Kysely<DB>, f: ServiceFilter) {
  let q = baseQuery(db).select(sql<string>`count(*) over ()`.as('total'));
  if (f.field) q = q.where('s.field', '=', f.field);
  if (f.teamId) q = q.where('s.team_id', '=', f.teamId);
  const terms = searchTerms(f.q);
  if (terms.length) {
    q = q.where(matchesAllTerms(terms, [sql.ref('s.title'), sql.ref('s.summary'), sql.ref('s.field'), sql`coalesce(t.name, '')`]));
  }
  return pageWithTotal((limit, offset) => q.orderBy('s.id').limit(limit).offset(offset).execute(), f);
}

/** A service on the menu; `includeInactive` also finds one the admin has taken off it. */
export async function getService(db: Kysely<DB>, id: string, includeInactive = false) {
  return baseQuery(db, includeInactive).where('s.id', '=', id).executeTakeFirst();
}
