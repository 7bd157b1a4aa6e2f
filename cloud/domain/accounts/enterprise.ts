import { sql, type Kysely } from 'kysely';
import { AppError, conflict, notFound, type EnterpriseApplication, type EnterpriseApplicationForAdmin, type EnterpriseStatus, type Page } from '../../contract';
import { adminsOfOrg, insertMessages } from '../../db/repositories/inbox';
import type { DB } from '../../db/schema';
import { getUser } from '../../db/repositories/users';
import { checkInScope, requireAdmin } from '../admin/scope';
import { isProfileComplete } from '../auth/service';
import { pageQuery } from '../catalog/service';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';
import { addRole, recordGrant } from './roles';

function applicationQuery(db: Kysely<DB>) {
  return db
    .selectFrom('enterprise_applications as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'a.status', 'a.reason', 'a.company', 'a.credit_code', 'a.org_id', 'o.name as org_name', 'a.address', 'a.created_at',
      'a.reviewed_at', 'u.name as user_name', 'u.phone as user_phone']);
}

type Row = Awaited<ReturnType<ReturnType<typeof applicationQuery>['executeTakeFirstOrThrow']>>;

const toApplication = (r: Row): EnterpriseApplication => ({
  id: r.id, userId: r.user_id, status: r.status, ...(r.reason ? { reason: r.reason } : {}), company: r.company, creditCode: r.credit_code,
  orgId: r.org_id, orgName: r.org_name, address: r.address, createdAt: toIso(r.created_at), reviewedAt: r.reviewed_at ? toIso(r.reviewed_at) : null,
});
const forAdmin = (r: Row): EnterpriseApplicationForAdmin => ({ ...toApplication(r), userName: r.user_name, userPhone: r.user_phone });

/**
 * 企业联系人 application: the company and its 统一社会信用代码 (checked by the contract), to the
 * union org that vouches for it; that org's admins are told. One application under review at a
 * time (a unique index holds it against double taps).
 */
export async function applyEnterprise(
  db: Kysely<DB>, now: Date, actor: FullActor, input: { company: string; creditCode: string; orgId: string; address?: string },
): Promise<EnterpriseApplication> {
  const user = await getUser(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (!isProfileComplete(user)) throw new AppError('FORBIDDEN', '请先完善个人资料（姓名、手机号、所属工会）');
  if (user.roles.includes('enterprise')) throw conflict('您已是企业联系人');
  const org = await db.selectFrom('orgs').select('id').where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', '工会组织不存在', { orgId: '请从列表中选择工会' });
  const open = await db.selectFrom('enterprise_applications').select('id').where('user_id', '=', actor.userId).where('status', '=', 'applied').executeTakeFirst();
  if (open) throw conflict('您的企业认证申请正在审核中');
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('enterprise_applications')
      .values({ user_id: actor.userId, company: input.company, credit_code: input.creditCode, org_id: input.orgId, address: input.address || null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const admins = await adminsOfOrg(trx, input.orgId);
    await insertMessages(trx, admins.map((a) => ({ userId: a, orderId: null, title: '新的企业认证申请', body: `${user.name} 申请成为「${input.company}」的企业联系人，请审核。` })), now);
    return row.id;
  });
  return toApplication(await applicationQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow());
}

/** The caller's latest application, or null (我的 shows where it stands). */
export async function myEnterpriseApplication(db: Kysely<DB>, userId: string): Promise<EnterpriseApplication | null> {
  const row = await applicationQuery(db).where('a.user_id', '=', userId).orderBy('a.id', 'desc').executeTakeFirst();
  return row ? toApplication(row) : null;
}

/** Applications to the admin's orgs (their own and below); by default those waiting, oldest first. */
export async function enterprises(db: Kysely<DB>, actor: FullActor, input: { status?: EnterpriseStatus; page?: number; pageSize?: number }): Promise<Page<EnterpriseApplicationForAdmin>> {
  const scope = await requireAdmin(db, actor);
  const p = pageQuery(input);
  const status = input.status ?? 'applied';
  const rows = await applicationQuery(db)
    .select(sql<string>`count(*) over ()`.as('total'))
    .where('a.org_id', 'in', scope.orgIds)
    .where('a.status', '=', status)
    .orderBy('a.created_at', status === 'applied' ? 'asc' : 'desc')
    .orderBy('a.id')
    .limit(p.limit)
    .offset(p.offset)
    .execute();
  return { items: rows.map(forAdmin), total: rows.length ? Number(rows[0].total) : 0, page: p.page, pageSize: p.pageSize };
}

/**
 * Approve (the applicant becomes an enterprise contact of that company) or reject with a reason,
 * by an admin of the application's org or above. The applicant is told in the inbox; the grant is
 * recorded. Two admins at once: one decides, the other gets CONFLICT.
 */
export async function reviewEnterprise(
  db: Kysely<DB>, now: Date, actor: FullActor, input: { id: string; approve: boolean; reason?: string },
): Promise<EnterpriseApplicationForAdmin> {
  const scope = await requireAdmin(db, actor);
  const row = await applicationQuery(db).where('a.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('企业认证申请');
  checkInScope(scope, row.org_id);
  if (row.status !== 'applied') throw conflict('该申请已审核');
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('enterprise_applications')
      .set({ status: input.approve ? 'approved' : 'rejected', reason: input.reason || null, reviewed_by: actor.userId, reviewed_at: now })
      .where('id', '=', input.id)
      .where('status', '=', 'applied')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该申请已审核');
    if (input.approve) {
      await addRole(trx, row.user_id, 'enterprise');
      await trx.updateTable('users').set({ company: row.company }).where('id', '=', row.user_id).execute();
      await recordGrant(trx, { userId: row.user_id, byUserId: actor.userId, role: 'enterprise', orgId: row.org_id, change: 'granted', via: 'enterprise', at: now });
    }
    await insertMessages(trx, [{
      userId: row.user_id, orderId: null,
      title: input.approve ? '企业认证已通过' : '企业认证未通过',
      body: input.approve
        ? `您已成为「${row.company}」的企业联系人，现在可以预约技术服务、发布需求了。`
        : `「${row.company}」的企业认证未通过。理由：${input.reason}`,
    }], now);
  });
  return forAdmin(await applicationQuery(db).where('a.id', '=', input.id).executeTakeFirstOrThrow());
}
