import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** An org and every org below it (省 → 市 → 区县): the reach of that org's admins. */
export async function orgSubtree(db: Db, orgId: string): Promise<string[]> {
  const res = await sql<{ id: string }>`
    WITH RECURSIVE sub AS (
      SELECT id FROM orgs WHERE id = ${orgId}
      UNION ALL
      SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id
    )
    SELECT id::text AS id FROM sub`.execute(db);
  return res.rows.map((r) => r.id);
}

export function listOrgs(db: Db, ids: string[]) {
  return db.selectFrom('orgs').select(['id', 'name', 'parent_id', 'level', 'region']).where('id', 'in', ids).orderBy('id').execute();
}

/** Where a volunteer belongs: their own org and, if they are in a team, the team's org. */
export function volunteerOrgs(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteers as v')
    .leftJoin('teams as t', 't.id', 'v.team_id')
    .select(['v.org_id', 't.org_id as team_org_id'])
    .where('v.id', '=', volunteerId)
    .executeTakeFirst();
}
