import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { matchesAllTerms, pageWithTotal, searchTerms, type PageQuery } from './search';

export interface TeamFilter extends PageQuery {
  kind?: 'lecture' | 'service';
  q?: string;
}

function baseQuery(db: Kysely<DB>) {
  const ids = (role: string) =>
    sql<string[]>`ARRAY(SELECT v.id::text FROM volunteers v WHERE v.team_id = t.id
      AND v.status = 'approved' AND v.team_role = ${role} ORDER BY v.id)`;
  return db
    .selectFrom('teams as t')
    .innerJoin('orgs as o', 'o.id', 't.org_id')
    .select([
      't.id', 't.name', 't.kind', 't.intro', 't.region', 't.org_id', 'o.name as org_name',
      ids('captain').as('captain_ids'), ids('liaison').as('liaison_ids'),
      sql<string[]>`ARRAY(SELECT v.id::text FROM volunteers v WHERE v.team_id = t.id
        AND v.status = 'approved' ORDER BY v.id)`.as('member_ids'),
    ]);
}

export type TeamRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function listTeams(db: Kysely<DB>, f: TeamFilter) {
  let q = baseQuery(db).select(sql<string>`count(*) over ()`.as('total'));
  if (f.kind) q = q.where('t.kind', '=', f.kind);
  const terms = searchTerms(f.q);
  if (terms.length) q = q.where(matchesAllTerms(terms, [sql.ref('t.name'), sql.ref('t.intro'), sql.ref('t.region')]));
  return pageWithTotal((limit, offset) => q.orderBy('t.id').limit(limit).offset(offset).execute(), f);
}

export async function getTeam(db: Kysely<DB>, id: string) {
  return baseQuery(db).where('t.id', '=', id).executeTakeFirst();
}
