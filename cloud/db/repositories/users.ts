import { sql, type Kysely } from 'kysely';
import { NEW_USER_NAME } from '../../contract/identity-codes';
import { PREPARED } from '../prepared';
import type { DB } from '../schema';
import { pageWithTotal, type PageQuery } from './search';

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('volunteers as v', (j) => j.onRef('v.user_id', '=', 'u.id').on('v.status', '=', 'approved'))
    // The volunteer's pool fields and the org's region ride along: the caller is read once per
    // request (at sign-in check) and the actions reuse this row instead of reading it again.
    .select(['u.id', 'u.name', 'u.roles', 'u.org_id', 'o.name as org_name', 'o.region as org_region', 'u.company', 'u.label',
      'v.id as volunteer_id', 'v.kinds as volunteer_kinds', 'v.skills as volunteer_skills', 'v.regions as volunteer_regions',
      'v.team_id as volunteer_team_id', 'u.phone', 'u.avatar_url', 'u.token_version']);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

// Every signed-in request reads its caller: a prepared statement.
export const getUser = (db: Kysely<DB>, id: string) => baseQuery(db).where('u.id', '=', id).modifyEnd(PREPARED).executeTakeFirst();

export const findUserByOpenid = (db: Kysely<DB>, openid: string) =>
  baseQuery(db).where('u.openid', '=', openid).modifyEnd(PREPARED).executeTakeFirst();

/** A WeChat user seen for the first time becomes a worker; roles grow through registration. */
export async function createUserForOpenid(db: Kysely<DB>, openid: string): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ name: NEW_USER_NAME, openid, roles: ['worker'], org_id: null, company: null, phone: null })
    .onConflict((oc) => oc.column('openid').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  // Lost a race with a concurrent first call of the same user: the row exists now.
  const existing = await db.selectFrom('users').select('id').where('openid', '=', openid).executeTakeFirstOrThrow();
  return existing.id;
}

/** Demo users for the dev quick login: admins first, then enterprises, workers, volunteers. */
export function listDevUsers(db: Kysely<DB>, page: PageQuery) {
  const q = baseQuery(db)
    .select(sql<string>`count(*) over ()`.as('total'))
    .orderBy(sql`CASE WHEN 'admin' = ANY(u.roles) THEN 1 WHEN 'enterprise' = ANY(u.roles) THEN 2
      WHEN 'worker' = ANY(u.roles) THEN 3 ELSE 4 END`)
    .orderBy('u.id');
  return pageWithTotal((limit, offset) => q.limit(limit).offset(offset).execute(), page);
}
