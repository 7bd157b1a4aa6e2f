import type { Kysely } from 'kysely';
import { notFound, unauthenticated, type DevUser, type Me, type Page, type Role } from '../../contract';
import * as usersRepo from '../../db/repositories/users';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';

export function toMe(r: usersRepo.UserRow): Me {
  return {
    id: r.id,
    name: r.name,
    roles: r.roles as Role[],
    ...(r.volunteer_id ? { volunteerId: r.volunteer_id } : {}),
    orgId: r.org_id,
    orgName: r.org_name,
    company: r.company,
    profileComplete: isProfileComplete(r),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.avatar_url ? { avatarUrl: r.avatar_url } : {}),
  };
}

/** What booking and applications need of a person: a name, a mobile number and their union. */
export const isProfileComplete = (r: { name: string; phone: string | null; org_id: string | null }) =>
  r.name.trim() !== '' && r.phone !== null && r.org_id !== null;

export async function me(db: Kysely<DB>, userId: string): Promise<Me> {
  const row = await usersRepo.getUser(db, userId);
  // A token for a user that no longer exists (e.g. the database was reset) is a logged-out state.
  if (!row) throw unauthenticated();
  return toMe(row);
}

export async function devUsers(db: Kysely<DB>, paging: { page?: number; pageSize?: number }): Promise<Page<DevUser>> {
  const p = pageQuery({ page: paging.page, pageSize: paging.pageSize ?? 100 });
  const { rows, total } = await usersRepo.listDevUsers(db, p);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, roles: r.roles as Role[], label: r.label })),
    total,
    page: p.page,
    pageSize: p.pageSize,
  };
}

export async function userForLogin(db: Kysely<DB>, userId: string): Promise<Me> {
  const row = await usersRepo.getUser(db, userId);
  if (!row) throw notFound('用户');
  return toMe(row);
}

/** CloudBase: WeChat vouches for the OPENID; a first-time user is created as a worker. */
/** The caller behind a WeChat OPENID, with the row read (a first-time user is created first). */
export async function callerForOpenid(db: Kysely<DB>, openid: string): Promise<{ userId: string; user?: usersRepo.UserRow }> {
  const found = await usersRepo.findUserByOpenid(db, openid);
  return found ? { userId: found.id, user: found } : { userId: await usersRepo.createUserForOpenid(db, openid) };
}
