import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { conflict, notFound, type Application, type Page } from '../../contract';
import { insertMessages } from '../../db/repositories/inbox';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import type { FullActor } from '../orders/transition';
import { toIso } from '../time';
import { checkInScope, requireAdmin } from './scope';
import { recordGrant } from '../accounts/roles';

function applicationQuery(db: Kysely<DB>) {
  return db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .select(['v.id', 'v.user_id', 'u.name', 'v.kinds', 'v.title', 'v.honours', 'v.skills', 'v.regions', 'v.bio', 'v.org_id', 'o.name as org_name', 'v.status', 'v.review_note', 'v.applied_at']);
}

type AppRow = Awaited<ReturnType<ReturnType<typeof applicationQuery>['executeTakeFirstOrThrow']>>;

const toApplication = (r: AppRow): Application => ({
  id: r.id, userId: r.user_id, name: r.name, kinds: r.kinds, title: r.title, honours: r.honours, skills: r.skills, regions: r.regions,
  bio: r.bio, orgId: r.org_id, orgName: r.org_name, status: r.status as Application['status'], reviewNote: r.review_note,
  appliedAt: r.applied_at ? toIso(r.applied_at) : '',
});

/** 申报: a user applies to become a speaker and/or technician; an admin of the chosen org reviews. */
export async function apply(
  db: Kysely<DB>, now: Date, actor: FullActor,
  input: { kinds: string[]; title: string; honours: string[]; skills: string[]; regions: string[]; bio: string; orgId: string },
): Promise<Application> {
  const org = await db.selectFrom('orgs').select('id').where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw notFound('工会组织');
  const existing = await db.selectFrom('volunteers').select(['id', 'status']).where('user_id', '=', actor.userId).executeTakeFirst();
  if (existing?.status === 'approved') throw conflict('您已经是志愿者');
  const values = {
    kinds: input.kinds, title: input.title, honours: input.honours, skills: input.skills, regions: input.regions, bio: input.bio,
    org_id: input.orgId, status: 'applied' as const, applied_at: now, review_note: null, reviewed_at: null,
  };
  const id = await db.transaction().execute(async (trx) => {
    const vid = existing
      ? (await trx.updateTable('volunteers').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('volunteers').values({ ...values, user_id: actor.userId, team_id: null, team_role: null }).returning('id').executeTakeFirstOrThrow()).id;
    const admins = await trx.selectFrom('users').select('id').where('org_id', '=', input.orgId).where(sql<boolean>`'admin' = ANY(roles)`).execute();
    await insertMessages(trx, admins.map((a) => ({ userId: a.id, orderId: null, title: '新的志愿者申报', body: `${actor.name} 申报成为劳模工匠志愿者，请审核。` })), now);
    return vid;
  });
  return toApplication(await applicationQuery(db).where('v.id', '=', id).executeTakeFirstOrThrow());
}

export async function myApplication(db: Kysely<DB>, actor: FullActor): Promise<Application | null> {
  const row = await applicationQuery(db).where('v.user_id', '=', actor.userId).executeTakeFirst();
  return row ? toApplication(row) : null;
}

export async function applications(db: Kysely<DB>, actor: FullActor, input: { status?: string; page?: number; pageSize?: number }): Promise<Page<Application>> {
  const scope = await requireAdmin(db, actor);
  const p = pageQuery(input);
  let q = applicationQuery(db).select(sql<string>`count(*) over ()`.as('total')).where('v.org_id', 'in', scope.orgIds).where('v.applied_at', 'is not', null);
  q = q.where('v.status', '=', (input.status ?? 'applied') as 'applied');
  const rows = await q.orderBy('v.applied_at', 'asc').limit(p.limit).offset(p.offset).execute();
  return { items: rows.map(toApplication), total: rows.length ? Number(rows[0].total) : 0, page: p.page, pageSize: p.pageSize };
}

/** Approve (the user becomes a volunteer) or reject with a reason; the applicant is told. */
export async function review(db: Kysely<DB>, now: Date, actor: FullActor, input: { id: string; approve: boolean; reason?: string }): Promise<Application> {
  const scope = await requireAdmin(db, actor);
  const row = await applicationQuery(db).where('v.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('申报');
  checkInScope(scope, row.org_id);
  if (row.status !== 'applied') throw conflict('该申报已审核');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('volunteers')
      .set({ status: input.approve ? 'approved' : 'rejected', review_note: input.reason ?? null, reviewed_at: now })
      .where('id', '=', input.id).where('status', '=', 'applied').execute();
    if (input.approve) {
      await trx.updateTable('users').set({ roles: sql`array(SELECT DISTINCT unnest(roles || ARRAY['volunteer']))` }).where('id', '=', row.user_id).execute();
      await recordGrant(trx, { userId: row.user_id, byUserId: actor.userId, role: 'volunteer', orgId: row.org_id, change: 'granted', via: 'volunteer', at: now });
    }
    await insertMessages(trx, [{
      userId: row.user_id, orderId: null,
      title: input.approve ? '志愿者申报已通过' : '志愿者申报未通过',
      body: input.approve ? '欢迎加入劳模工匠志愿服务！现在可以接单、抢单了。' : `理由：${input.reason}`,
    }], now);
  });
  return toApplication(await applicationQuery(db).where('v.id', '=', input.id).executeTakeFirstOrThrow());
}
