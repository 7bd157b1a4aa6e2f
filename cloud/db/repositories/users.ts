import { sql, type Kysely } from 'kysely';
import { NEW_USER_NAME } from '../../contract/identity-codes';
import { fragmentOnce } from '../fragment-once';
import { PREPARED } from '../prepared';
import type { DB } from '../schema';
import { pageWithTotal, type PageQuery } from './search';

/** The caller's row and what rides along: the org, and the approved volunteer record if any. */
function callerFrom(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('volunteers as v', (j) => j.onRef('v.user_id', '=', 'u.id').on('v.status', '=', 'approved'));
}

// The volunteer's pool fields and the org's region ride along: the caller is read once per
// request (at sign-in check) and the actions reuse this row instead of reading it again.
const CALLER_COLUMNS = ['u.id', 'u.name', 'u.roles', 'u.org_id', 'o.name as org_name', 'o.region as org_region', 'u.company', 'u.label',
  'v.id as volunteer_id', 'v.kinds as volunteer_kinds', 'v.skills as volunteer_skills', 'v.regions as volunteer_regions',
  'v.team_id as volunteer_team_id', 'u.phone', 'u.avatar_url', 'u.token_version'] as const;

/** A digest of every column of the caller's row: it changes whenever any of them does. */
const CALLER_FINGERPRINT = sql<string>`md5(row(${sql.raw(CALLER_COLUMNS.map((c) => c.split(' as ')[0]).join(', '))})::text)`;

function baseQuery(db: Kysely<DB>) {
  return callerFrom(db).select(CALLER_COLUMNS).select(CALLER_FINGERPRINT.as('fingerprint'));
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/**
 * The callers' rows as last read, per database handle, for the writes that check them in their
 * own statement (`callerIsCurrent`) instead of reading them first (issue 14). Bounded; the
 * least recently read go first.
 */
const remembered = new WeakMap<Kysely<DB>, Map<string, UserRow>>();
const MAX_REMEMBERED = 10_000;

function remember(db: Kysely<DB>, id: string, row: UserRow | undefined) {
  let rows = remembered.get(db);
  if (!rows) remembered.set(db, (rows = new Map()));
  rows.delete(id);
  if (!row) return;
  if (rows.size >= MAX_REMEMBERED) rows.delete(rows.keys().next().value!);
  rows.set(id, row);
}

/** The row of `id` as this process last read it, if it did. Trust it only through `callerIsCurrent`. */
export const rememberedUser = (db: Kysely<DB>, id: string): UserRow | undefined => remembered.get(db)?.get(id);

/** True in a statement while the caller's row is still exactly `row` (same digest). */
const callerIsCurrentOnce = fragmentOnce(
  (db: Kysely<DB>, id: string, fingerprint: string) => callerFrom(db).select(sql`1`.as('one')).where('u.id', '=', id).where(CALLER_FINGERPRINT, '=', fingerprint),
  (inner) => sql<boolean>`EXISTS (${inner})`,
);
export const callerIsCurrent = (db: Kysely<DB>, row: Pick<UserRow, 'id' | 'fingerprint'>) => callerIsCurrentOnce(db, row.id, row.fingerprint);

// Every signed-in request reads its caller: a prepared statement.
export async function getUser(db: Kysely<DB>, id: string) {
  const row = await baseQuery(db).where('u.id', '=', id).modifyEnd(PREPARED).executeTakeFirst();
  remember(db, id, row);
  return row;
}

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
