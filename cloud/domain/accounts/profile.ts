import type { Kysely } from 'kysely';
import { AppError, invalid, normalizeMobile, type Me } from '../../contract';
import { getUser } from '../../db/repositories/users';
import type { DB } from '../../db/schema';
import { me } from '../auth/service';
import type { WeChatApi } from './settings';

export const NO_WECHAT_PHONE = '当前环境无法读取微信手机号，请手动填写';

/**
 * Saves the profile a user completes on first use. The phone is kept when not sent (on WeChat it
 * may have come through bindPhone); without one the profile is not complete. An admin's union is
 * the one their invitation named: the profile cannot move it, or a county admin could make
 * themselves a province admin.
 */
export async function updateProfile(
  db: Kysely<DB>, userId: string, input: { name: string; phone?: string; avatarUrl?: string; orgId: string },
): Promise<Me> {
  const user = await getUser(db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  const org = await db.selectFrom('orgs').select('id').where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', '工会组织不存在', { orgId: '请从列表中选择所属工会' });
  if (user.roles.includes('admin') && user.org_id !== input.orgId) {
    throw new AppError('FORBIDDEN', '管理员的所属工会由邀请决定，不能在资料中修改', { orgId: '管理员不能修改所属工会' });
  }
  const phone = input.phone ?? user.phone;
  if (!phone) throw invalid('phone', '请填写手机号');
  await db
    .updateTable('users')
    .set({ name: input.name, phone, org_id: input.orgId, ...(input.avatarUrl !== undefined ? { avatar_url: input.avatarUrl } : {}) })
    .where('id', '=', userId)
    .execute();
  return me(db, userId);
}

/**
 * WeChat's phone-number button: the code of the tap, exchanged through the cloud open API
 * `phonenumber.getPhoneNumber` (CloudBase only). Elsewhere the user types the number in.
 */
export async function bindPhone(db: Kysely<DB>, wechat: WeChatApi | undefined, userId: string, code: string): Promise<Me> {
  if (!wechat) throw invalid('code', NO_WECHAT_PHONE);
  let raw: string;
  try {
    raw = await wechat.phoneNumber(code);
  } catch {
    // An expired or reused code (WeChat answers 40029 and the like): the user taps again or types.
    throw invalid('code', '微信手机号授权已失效，请重新获取或手动填写');
  }
  const phone = normalizeMobile(raw);
  if (!phone) throw invalid('code', '该微信绑定的不是大陆手机号，请手动填写');
  await db.updateTable('users').set({ phone }).where('id', '=', userId).execute();
  return me(db, userId);
}
