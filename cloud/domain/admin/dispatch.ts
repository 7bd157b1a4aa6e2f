import { sql, type Kysely } from 'kysely';
import { invalid, notFound, type Order, type OrderKind, type OrderStatus, type Page } from '../../contract';
import { adminsOfOrg } from '../../db/repositories/inbox';
import { countInOrgs, newestInOrgs, orderQuery, pageOfIds, type OrderRow } from '../../db/repositories/orders';
import { volunteersByIds } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { toOrder } from '../orders/mapper';
import { messages } from '../orders/notify';
import { SLA_HOURS } from '../orders/rules';
import { transition, type FullActor } from '../orders/transition';
import { dayjs, ZONE } from '../time';
import { dispatchTime } from './dispatch-time';
import { checkInScope, checkVolunteerInScope, requireAdmin, type AdminScope } from './scope';

const BUSY = '该志愿者在此时段已有其他订单，请另选志愿者';
const adminView = { requester: false, volunteer: false, admin: true };

/**
 * 派单: the admin names a volunteer for an open or escalated order. The order waits for that
 * volunteer's yes (pending, named), and the slot rules hold: a busy volunteer is CONFLICT.
 */
export async function dispatch(db: Kysely<DB>, now: Date, actor: FullActor, id: string, volunteerId: string, note?: string, start?: string): Promise<Order> {
  const scope = await requireAdmin(db, actor);
  const [volunteer] = await volunteersByIds(db, [volunteerId]);
  if (!volunteer) throw notFound('志愿者');
  return transition(db, now, actor, id, 'dispatch', 'admin', async (booked, trx) => {
    // Checked once the order is known to be the admin's: an outsider still learns nothing of it.
    await checkVolunteerInScope(trx, scope, volunteerId);
    // A passed time needs a new one; messages below speak of the order at the time it will have.
    const when = dispatchTime(booked, now, start);
    const row = when.row;
    return {
      to: 'pending',
      note: `工会派单给 ${volunteer.name}${start ? `，时间改为 ${dayjs(row.start_at).tz(ZONE).format('M月D日 HH:mm')}` : ''}${note ? `：${note}` : ''}`,
      patch: { volunteer_id: volunteerId, named: true, pending_since: now, escalated_at: null, accepted_at: null, ...when.patch },
      notify: [messages.dispatched(row, volunteer.user_id, note), messages.dispatchedToRequester(row, volunteer.name)],
    };
  }, BUSY);
}

/** 转办: hand an order to another union org; its admins are told. */
export async function transfer(db: Kysely<DB>, now: Date, actor: FullActor, id: string, orgId: string, note?: string): Promise<Order> {
  await requireAdmin(db, actor);
  const target = await db.selectFrom('orgs').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!target) throw notFound('工会组织');
  return transition(db, now, actor, id, 'transfer', 'admin', async (row, trx) => {
    if (row.org_id === orgId) throw invalid('orgId', '订单已属于该组织');
    const admins = await adminsOfOrg(trx, orgId);
    return {
      to: row.status as OrderStatus,
      note: `转办至 ${target.name}${note ? `：${note}` : ''}`,
      patch: { org_id: orgId },
      notify: admins.map((a) => messages.escalated(row, a, `收到转办${note ? `（${note}）` : ''}，请安排。`)),
    };
  });
}

const inScope = (db: Kysely<DB>, scope: AdminScope) => orderQuery(db).where('o.org_id', 'in', scope.orgIds);

/** Orders waiting past their SLA, escalated or declined with nobody to take them, still arrangeable: oldest first. */
export async function overdue(kdb: Kysely<DB>, now: Date, actor: FullActor, input: { page?: number; pageSize?: number }): Promise<Page<Order>> {
  const scope = await requireAdmin(kdb, actor);
  const p = pageQuery(input);
  const late = (kind: keyof typeof SLA_HOURS) => sql<boolean>`(o.kind = ${kind} AND o.pending_since < ${new Date(now.getTime() - SLA_HOURS[kind] * 3600_000).toISOString()}::timestamptz)`;
  const q = inScope(kdb, scope)
    .select(sql<string>`count(*) over ()`.as('total'))
    .where(sql<boolean>`(o.status = 'expired' OR (o.status = 'declined' AND o.escalated_at IS NOT NULL)
      OR (o.status = 'pending' AND (${late('lecture')} OR ${late('service')} OR ${late('need')})))`)
    // Only what can still be arranged: a lecture or service whose time has passed is moot (its
    // requester was told at escalation); a need's time is only the earliest wanted.
    .where(sql<boolean>`(o.kind = 'need' OR lower(o.during) > ${now.toISOString()}::timestamptz)`)
    .orderBy('o.pending_since', 'asc')
    .orderBy('o.id', 'asc');
  const rows = (await q.limit(p.limit).offset(p.offset).execute()) as (OrderRow & { total: string })[];
  return { items: rows.map((r) => toOrder(r, adminView, now)), total: rows.length ? Number(rows[0].total) : 0, page: p.page, pageSize: p.pageSize };
}

/**
 * Every order in the admin's scope, filtered, newest first. Without a search text the page comes
 * from orders_org_idx — one index scan per org of the scope, each cut at the page's end — and the
 * total from the rollup's 'kind_status' rows (migration 0012), so a province's million orders are neither read
 * nor counted one by one. A search text filters on the joined names: read and counted in full.
 */
export async function orders(
  kdb: Kysely<DB>,
  now: Date,
  actor: FullActor,
  input: { status?: OrderStatus; kind?: string; orgId?: string; q?: string; page?: number; pageSize?: number },
): Promise<Page<Order>> {
  const scope = await requireAdmin(kdb, actor);
  if (input.orgId) checkInScope(scope, input.orgId);
  const p = pageQuery(input);
  const orgIds = input.orgId ? [input.orgId] : scope.orgIds;
  const filter = { status: input.status, kind: input.kind as OrderKind | undefined };
  let rows: (OrderRow & { total: string })[];
  if (!input.q) {
    const run = (limit: number, offset: number) => pageOfIds(kdb, newestInOrgs(orgIds, filter, limit, offset), countInOrgs(orgIds, filter), [sql`o.created_at`, sql`o.id`]);
    rows = await run(p.limit, p.offset);
    // A page past the end has no row to carry the total.
    if (!rows.length && p.offset > 0) return { items: [], total: Number((await run(1, 0))[0]?.total ?? 0), page: p.page, pageSize: p.pageSize };
  } else {
    let q = inScope(kdb, scope).select(sql<string>`count(*) over ()`.as('total'));
    if (input.orgId) q = q.where('o.org_id', '=', input.orgId);
    if (input.status) q = q.where('o.status', '=', input.status);
    if (input.kind) q = q.where('o.kind', '=', input.kind as 'lecture');
    const pat = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(coalesce(tp.title, sv.title, o.title, '') ILIKE ${pat} OR ru.name ILIKE ${pat} OR coalesce(ru.company, '') ILIKE ${pat})`);
    rows = (await q.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(p.limit).offset(p.offset).execute()) as (OrderRow & { total: string })[];
  }
  return { items: rows.map((r) => toOrder(r, adminView, now)), total: rows.length ? Number(rows[0].total) : 0, page: p.page, pageSize: p.pageSize };
}
