import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError, conflict, type Invite, type Me } from '../../contract';
import { insertMessages } from '../../db/repositories/inbox';
import type { DB } from '../../db/schema';
import { checkInScope, requireAdmin } from '../admin/scope';
import { me } from '../auth/service';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';
import { qrImage } from './qr';
import { addRole, recordGrant } from './roles';
import { INVITE_PAGE, type WeChatApi } from './settings';

/** Letters and digits nobody confuses when reading a code aloud or typing it (no 0/O, 1/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 12 characters of 32: 60 bits, shown as ABCD-EFGH-JKLM. */
const CODE_LENGTH = 12;

export function newInviteCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.replace(/(.{4})(?=.)/g, '$1-');
}

/** What was typed or scanned, as the code it means: case, spaces and hyphens do not matter. */
export const normalizeInviteCode = (input: string) => input.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Only the hash is stored: reading the table does not let anyone accept an invitation. */
export const inviteHash = (code: string) => createHash('sha256').update(normalizeInviteCode(code)).digest('hex');

export const invitePath = (code: string) => `/${INVITE_PAGE}?code=${encodeURIComponent(normalizeInviteCode(code))}`;

/**
 * A one-time admin invitation for `orgId`. `actor` null: the server's command line, which may
 * invite for any org (the very first admin); an admin may invite for their own org or one below.
 */
export async function createInvite(
  db: Kysely<DB>, now: Date, actor: FullActor | null, orgId: string, ttlHours: number, wechat?: WeChatApi,
): Promise<Invite> {
  const scope = actor ? await requireAdmin(db, actor) : null;
  const org = await db.selectFrom('orgs').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', '工会组织不存在', { orgId: '没有这个工会组织' });
  if (scope) checkInScope(scope, org.id);
  const code = newInviteCode();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('admin_invites')
    .values({ code_hash: inviteHash(code), org_id: org.id, created_by: actor?.userId ?? null, created_at: now, expires_at: expiresAt })
    .execute();
  const url = invitePath(code);
  return { code, expiresAt: toIso(expiresAt), url, orgId: org.id, orgName: org.name, qrImage: await qrImage(url, normalizeInviteCode(code), INVITE_PAGE, wechat) };
}

/**
 * The caller becomes an admin of the invitation's org (an admin elsewhere moves there). One use:
 * the claim is one guarded UPDATE, so of two people accepting at once exactly one wins and the
 * other gets CONFLICT. Refusals write nothing.
 */
export async function acceptInvite(db: Kysely<DB>, now: Date, userId: string, code: string): Promise<Me> {
  const invite = await db
    .selectFrom('admin_invites as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.created_by', 'i.expires_at', 'i.used_by'])
    .where('i.code_hash', '=', inviteHash(code))
    .executeTakeFirst();
  if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重试', { code: '邀请码不正确' });
  if (invite.used_by) throw new AppError('CONFLICT', '该邀请码已被使用', { code: '邀请码已被使用' });
  if (invite.expires_at.getTime() <= now.getTime()) throw new AppError('CONFLICT', '该邀请码已过期，请联系邀请人重新生成', { code: '邀请码已过期' });
  const user = await db.selectFrom('users').select(['name', 'roles', 'org_id']).where('id', '=', userId).executeTakeFirstOrThrow();
  const wasAdmin = user.roles.includes('admin');
  if (wasAdmin && user.org_id === invite.org_id) throw conflict(`您已是${invite.org_name}的管理员`);

  await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('admin_invites')
      .set({ used_by: userId, used_at: now })
      .where('id', '=', invite.id)
      .where('used_by', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该邀请码已被使用', { code: '邀请码已被使用' });
    // An admin's scope is their account's org: accepting moves them (recorded as leaving the old one).
    if (wasAdmin) {
      await recordGrant(trx, { userId, byUserId: invite.created_by, role: 'admin', orgId: user.org_id, change: 'revoked', via: 'invite', at: now });
    }
    await addRole(trx, userId, 'admin');
    await trx.updateTable('users').set({ org_id: invite.org_id }).where('id', '=', userId).execute();
    await recordGrant(trx, { userId, byUserId: invite.created_by, role: 'admin', orgId: invite.org_id, change: 'granted', via: 'invite', at: now });
    const tell = [{ userId, orderId: null, title: '您已成为工会管理员', body: `您已接受邀请，成为${invite.org_name}的管理员。` }];
    if (invite.created_by) tell.push({ userId: invite.created_by, orderId: null, title: '管理员邀请已被接受', body: `${user.name} 接受了您的邀请，成为${invite.org_name}的管理员。` });
    await insertMessages(trx, tell, now);
  });
  return me(db, userId);
}
