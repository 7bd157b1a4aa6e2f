import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError, conflict, notFound, type AccountUser, type Page, type RevocableRole, type Role, type RoleGrant } from '../../contract';
import { insertMessages } from '../../db/repositories/inbox';
import type { DB } from '../../db/schema';
import type { RoleGrantsTable } from '../../db/schema-accounts';
import { requireAdmin } from '../admin/scope';
import { pageQuery } from '../catalog/service';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';

type Db = Kysely<DB> | Transaction<DB>;

export const ROLE_NAMES: Record<RevocableRole, string> = { enterprise: '企业联系人', volunteer: '劳模工匠志愿者', admin: '工会管理员' };

/** One line of the record: every role granted or taken back goes through here, in the change's transaction. */
export async function recordGrant(
  trx: Db,
  g: { userId: string; byUserId: string | null; role: RevocableRole; orgId: string | null; change: RoleGrantsTable['change']; via: RoleGrantsTable['via']; at: Date },
) {
  await trx
    .insertInto('role_grants')
    .values({ user_id: g.userId, by_user_id: g.byUserId, role: g.role, org_id: g.orgId, change: g.change, via: g.via, at: g.at })
    .execute();
}

/** Adds a role (once); the users.roles CHECK keeps the set to the four known roles. */
export const addRole = (trx: Db, userId: string, role: Role) =>
  trx.updateTable('users').set({ roles: sql`array(SELECT DISTINCT unnest(roles || ARRAY[${role}]::text[]) ORDER BY 1)` }).where('id', '=', userId).execute();

function userQuery(db: Db) {
  return db
    .selectFrom('users as u')
    .leftJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.name', 'u.roles', 'u.org_id', 'o.name as org_name', 'u.company', 'u.phone', 'u.avatar_url', 'u.created_at']);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

const toAccountUser = (r: UserRow): AccountUser => ({
  id: r.id, name: r.name, roles: r.roles as Role[], orgId: r.org_id, orgName: r.org_name, company: r.company, phone: r.phone,
  avatarUrl: r.avatar_url, createdAt: toIso(r.created_at),
});

/** The users of the admin's orgs (their own and below), by name, phone or company; optionally one role. */
export async function users(db: Kysely<DB>, actor: FullActor, input: { q?: string; role?: Role; page?: number; pageSize?: number }): Promise<Page<AccountUser>> {
  const scope = await requireAdmin(db, actor);
  const p = pageQuery(input);
  let q = userQuery(db).select(sql<string>`count(*) over ()`.as('total')).where('u.org_id', 'in', scope.orgIds);
  if (input.role) q = q.where(sql<boolean>`${input.role} = ANY(u.roles)`);
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.phone', 'like', like), eb('u.company', 'ilike', like)]));
  }
  const rows = await q.orderBy('u.id').limit(p.limit).offset(p.offset).execute();
  return { items: rows.map(toAccountUser), total: rows.length ? Number(rows[0].total) : 0, page: p.page, pageSize: p.pageSize };
}

/**
 * Takes a role back: from a user of the admin's orgs (their own and below, never above), never
 * from oneself. The user's sessions end (token version) and they are told; a volunteer's profile
 * is suspended (it leaves the menu and the pool). Recorded with who, whom, what and when.
 */
export async function revokeRole(db: Kysely<DB>, now: Date, actor: FullActor, input: { userId: string; role: RevocableRole }): Promise<AccountUser> {
  const scope = await requireAdmin(db, actor);
  if (input.userId === actor.userId) throw new AppError('FORBIDDEN', '不能收回自己的身份', { userId: '不能收回自己的身份' });
  const target = await userQuery(db).where('u.id', '=', input.userId).executeTakeFirst();
  if (!target) throw notFound('用户');
  const volunteer = input.role === 'volunteer'
    ? await db.selectFrom('volunteers').select(['id', 'org_id']).where('user_id', '=', input.userId).executeTakeFirst()
    : undefined;
  // A volunteer belongs where their profile is registered; everyone else where their account is.
  const orgId = volunteer?.org_id ?? target.org_id;
  if (!orgId || !scope.orgIds.includes(orgId)) throw new AppError('FORBIDDEN', '该用户不在您的管辖范围内', { userId: '不在您的管辖范围内' });
  if (!target.roles.includes(input.role)) throw conflict(`该用户没有${ROLE_NAMES[input.role]}身份`);
  await db.transaction().execute(async (trx) => {
    // Guarded: of two admins revoking at once, one changes the row and records it.
    const res = await trx
      .updateTable('users')
      .set({
        roles: sql`CASE WHEN array_remove(roles, ${input.role}) = '{}' THEN ARRAY['worker']::text[] ELSE array_remove(roles, ${input.role}) END`,
        token_version: sql`token_version + 1`,
      })
      .where('id', '=', input.userId)
      .where(sql<boolean>`${input.role} = ANY(roles)`)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict(`该用户没有${ROLE_NAMES[input.role]}身份`);
    if (volunteer) await trx.updateTable('volunteers').set({ status: 'suspended', reviewed_at: now }).where('id', '=', volunteer.id).execute();
    await recordGrant(trx, { userId: input.userId, byUserId: actor.userId, role: input.role, orgId, change: 'revoked', via: 'revoke', at: now });
    await insertMessages(trx, [{ userId: input.userId, orderId: null, title: `${ROLE_NAMES[input.role]}身份已被收回`, body: `${actor.name} 收回了您的${ROLE_NAMES[input.role]}身份。如有疑问请联系所在工会。` }], now);
  });
  return toAccountUser(await userQuery(db).where('u.id', '=', input.userId).executeTakeFirstOrThrow());
}

/** The record of grants and revocations in the admin's orgs, newest first (optionally of one user). */
export async function roleGrants(db: Kysely<DB>, actor: FullActor, input: { userId?: string; page?: number; pageSize?: number }): Promise<Page<RoleGrant>> {
  const scope = await requireAdmin(db, actor);
  const p = pageQuery(input);
  let q = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('users as b', 'b.id', 'g.by_user_id')
    .leftJoin('orgs as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.user_id', 'u.name as user_name', 'g.by_user_id', 'b.name as by_name', 'g.role', 'g.org_id', 'o.name as org_name', 'g.change', 'g.via', 'g.at',
      sql<string>`count(*) over ()`.as('total')])
    .where('g.org_id', 'in', scope.orgIds);
  if (input.userId) q = q.where('g.user_id', '=', input.userId);
  const rows = await q.orderBy('g.at', 'desc').orderBy('g.id', 'desc').limit(p.limit).offset(p.offset).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, userId: r.user_id, userName: r.user_name, byUserId: r.by_user_id, byName: r.by_name, role: r.role, orgId: r.org_id, orgName: r.org_name,
      change: r.change, via: r.via, at: toIso(r.at),
    })),
    total: rows.length ? Number(rows[0].total) : 0,
    page: p.page,
    pageSize: p.pageSize,
  };
}
