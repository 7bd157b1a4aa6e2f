import { sql, type Expression, type Kysely, type Selectable, type Transaction } from 'kysely';
import { ORDER_KINDS, ORDER_STATUSES, type OrderKind, type OrderStatus } from '../../contract/order';
import { PREPARED } from '../prepared';
import type { DB, OrdersTable } from '../schema';
import { pageWithTotal, type PageQuery } from './search';

type Db = Kysely<DB> | Transaction<DB>;

/** An order with the names the pages show; `start_at`/`end_at` unpack the tstzrange. */
export function orderQuery(db: Db) {
  return db
    .selectFrom('orders as o')
    .innerJoin('users as ru', 'ru.id', 'o.requester_id')
    .leftJoin('volunteers as v', 'v.id', 'o.volunteer_id')
    .leftJoin('users as vu', 'vu.id', 'v.user_id')
    .leftJoin('topics as tp', 'tp.id', 'o.topic_id')
    .leftJoin('services as sv', 'sv.id', 'o.service_id')
    .leftJoin('teams as tm', 'tm.id', 'o.team_id')
    .selectAll('o')
    .select([
      sql<Date>`lower(o.during)`.as('start_at'),
      sql<Date>`upper(o.during)`.as('end_at'),
      'ru.name as requester_name',
      'ru.company as requester_company',
      'v.user_id as volunteer_user_id',
      'vu.name as volunteer_name',
      'tp.title as topic_title',
      'sv.title as service_title',
      'tm.name as team_name',
    ]);
}

export type OrderRow = Selectable<OrdersTable> & {
  start_at: Date;
  end_at: Date;
  requester_name: string;
  requester_company: string | null;
  volunteer_user_id: string | null;
  volunteer_name: string | null;
  topic_title: string | null;
  service_title: string | null;
  team_name: string | null;
};

export const rangeOf = (start: Date, end: Date) => sql<string>`tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, '[)')`;


export async function getOrder(db: Db, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRow | undefined> {
  let q = orderQuery(db).where('o.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('o');
  return (await q.executeTakeFirst()) as OrderRow | undefined;
}

export async function findByRequest(db: Db, requesterId: string, requestId: string): Promise<OrderRow | undefined> {
  return (await orderQuery(db)
    .where('o.requester_id', '=', requesterId)
    .where('o.request_id', '=', requestId)
    .executeTakeFirst()) as OrderRow | undefined;
}

/**
 * A page of a list, read the way its index is ordered: `ids` (from orders alone, ordered as an
 * index is, limited) picks the page's ids — an index scan that steps over the offset without
 * reading the joined tables — and only those rows are then read with their names. `total` rides
 * in the same statement as an InitPlan (a count an index or the rollup answers). Outer order:
 * `order`, the ids query's own.
 */
export function pageOfIds(db: Db, ids: Expression<unknown>, total: Expression<unknown>, order: Expression<unknown>[]) {
  let q = orderQuery(db)
    .select(sql<string>`(${total})`.as('total'))
    .where(sql<boolean>`o.id = ANY(ARRAY(${ids}))`);
  for (const e of order) q = q.orderBy(e, 'desc');
  return q.execute() as Promise<(OrderRow & { total: string })[]>;
}

/** Newest first, the order of every list's index: (…, created_at DESC, id DESC). */
const NEWEST = [sql`o.created_at`, sql`o.id`];

/** order.mine and task.inbox: one requester's or one volunteer's orders, newest first. */
export async function listOrders(
  db: Db,
  filter: { requesterId?: string; volunteerId?: string; status?: string },
  page: PageQuery,
): Promise<{ rows: OrderRow[]; total: number }> {
  let base = db.selectFrom('orders as o');
  if (filter.requesterId) base = base.where('o.requester_id', '=', filter.requesterId);
  if (filter.volunteerId) base = base.where('o.volunteer_id', '=', filter.volunteerId);
  if (filter.status) base = base.where('o.status', '=', filter.status);
  const total = base.select((eb) => eb.fn.countAll().as('n'));
  const res = await pageWithTotal(
    (limit, offset) => pageOfIds(db, base.select('o.id').orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit).offset(offset), total, NEWEST),
    page,
  );
  return res as { rows: OrderRow[]; total: number };
}

export interface OrgListFilter {
  status?: OrderStatus;
  kind?: OrderKind;
}

/**
 * The ids of a page of the orders of some orgs, newest first: for each org of the scope (a LATERAL
 * over the array of org ids) the newest `offset + limit` of its orders read in the order of
 * orders_org_idx (status and kind are in the index: an index-only scan), then the page cut from
 * those (at most orgs × (offset + limit) rows sorted, never the orgs' orders themselves).
 */
export function newestInOrgs(orgIds: string[], f: OrgListFilter, limit: number, offset: number) {
  const perOrg = sql<{ id: string; created_at: Date }>`(SELECT o.id, o.created_at FROM orders AS o
    WHERE o.org_id = g.org${f.status ? sql` AND o.status = ${f.status}` : sql``}${f.kind ? sql` AND o.kind = ${f.kind}` : sql``}
    ORDER BY o.created_at DESC, o.id DESC LIMIT ${limit + offset})`;
  return sql`SELECT s.id FROM unnest(${orgIds}::bigint[]) AS g (org) CROSS JOIN LATERAL ${perOrg} AS s
    ORDER BY s.created_at DESC, s.id DESC LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * How many orders these orgs hold, of a status and kind if given: from the rollup's day-less
 * 'kind_status' rows (at most 24 per org) plus the deltas not folded yet — exact in one snapshot.
 */
export function countInOrgs(orgIds: string[], f: OrgListFilter) {
  const keys = ORDER_KINDS.filter((k) => !f.kind || k === f.kind).flatMap((k) => ORDER_STATUSES.filter((st) => !f.status || st === f.status).map((st) => `${k}/${st}`));
  return sql<string>`SELECT coalesce(sum(c.total), 0) FROM (
    SELECT total FROM stats_rollup WHERE org_id = ANY(${orgIds}::bigint[]) AND dim = 'kind_status' AND day = DATE '2000-01-01' AND key = ANY(${keys}::text[])
    UNION ALL
    SELECT total FROM stats_deltas WHERE org_id = ANY(${orgIds}::bigint[]) AND dim = 'kind_status' AND key = ANY(${keys}::text[])
  ) AS c`;
}

/** The profile fields that decide which open orders a volunteer may take. */
export interface PoolVolunteer {
  id: string;
  kinds: string[];
  skills: string[];
  regions: string[];
  team_id: string | null;
}

/**
 * Whether the order in table `t` is one this volunteer may take: a lecture of a topic they give,
 * an order to their team, or a need in their fields or regions (technicians). The pool lists
 * exactly these, and the grab's guarded UPDATE re-checks exactly this.
 */
export function eligibleFor(v: PoolVolunteer, t: string) {
  const c = (col: string) => sql.ref(`${t}.${col}`);
  const parts = [];
  if (v.kinds.includes('speaker')) {
    parts.push(sql`(${c('kind')} = 'lecture' AND EXISTS (SELECT 1 FROM topic_volunteers tv
      WHERE tv.topic_id = ${c('topic_id')} AND tv.volunteer_id = ${v.id}))`);
  }
  if (v.team_id) parts.push(sql`(${c('team_id')} = ${v.team_id})`);
  if (v.kinds.includes('technician')) {
    parts.push(sql`(${c('kind')} = 'need' AND (${c('field')} = ANY(${v.skills}::text[]) OR ${c('region')} = ANY(${v.regions}::text[])))`);
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` OR `)})` : sql<boolean>`false`;
}

export interface PoolFilter {
  field?: string;
  region?: string;
  /** 'urgent' (default): most urgent, then newest. 'recommended': skill and region match first. */
  sort?: 'urgent' | 'recommended';
}

/** The pool's default order; orders_pool_idx (migration 0012) is built on this very expression. */
const URGENCY_WEIGHT = sql`CASE o.urgency WHEN 'critical' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END`;

/**
 * Open orders nobody holds that this volunteer may take, starting in the future. The default
 * order (most urgent, then newest) is orders_pool_idx's; 'recommended' sorts the open orders this
 * volunteer may take (the pool, not the table). Total: the same orders counted.
 */
export async function listPool(db: Db, v: PoolVolunteer, now: Date, f: PoolFilter, page: PageQuery) {
  let base = db
    .selectFrom('orders as o')
    .where('o.status', '=', 'pending')
    .where('o.volunteer_id', 'is', null)
    .where(sql<boolean>`lower(o.during) > ${now.toISOString()}::timestamptz`)
    .where(eligibleFor(v, 'o'));
  if (f.field) base = base.where('o.field', '=', f.field);
  if (f.region) base = base.where('o.region', '=', f.region);
  const score =
    f.sort === 'recommended'
      ? sql`(CASE WHEN o.field = ANY(${v.skills}::text[]) THEN 3 ELSE 0 END
          + CASE WHEN o.region = ANY(${v.regions}::text[]) THEN 2 ELSE 0 END
          + CASE WHEN o.team_id IS NOT NULL THEN 2 ELSE 0 END + ${URGENCY_WEIGHT})`
      : URGENCY_WEIGHT;
  const total = base.select((eb) => eb.fn.countAll().as('n'));
  const res = await pageWithTotal(
    (limit, offset) =>
      pageOfIds(db, base.select('o.id').orderBy(score, 'desc').orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(limit).offset(offset), total, [score, ...NEWEST]),
    page,
  );
  return res as { rows: OrderRow[]; total: number };
}

/** Time a volunteer's live orders hold between two instants. */
export async function busyIntervals(db: Db, volunteerId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('orders')
    .select([sql<Date>`lower(during)`.as('start'), sql<Date>`upper(during)`.as('end')])
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['pending', 'accepted', 'in_progress'])
    .where(sql<boolean>`during && ${rangeOf(from, to)}`)
    // Every speaker page asks it: a prepared statement.
    .modifyEnd(PREPARED)
    .execute();
  return rows.map((r) => ({ start: new Date(r.start), end: new Date(r.end) }));
}

export async function insertEvent(
  db: Db,
  e: { orderId: string; at: Date; from: string | null; to: string; by: string | null; note?: string },
): Promise<string> {
  // The id names the event: the outbox keys its messages by it (one message per event and recipient).
  const row = await db
    .insertInto('order_events')
    .values({ order_id: e.orderId, at: e.at, from_status: e.from, to_status: e.to, by_user_id: e.by, note: e.note ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function timelineOf(db: Db, orderId: string) {
  return db
    .selectFrom('order_events as e')
    .leftJoin('users as u', 'u.id', 'e.by_user_id')
    .select(['e.at', 'e.from_status', 'e.to_status', 'e.by_user_id', 'u.name as by_name', 'e.note'])
    .where('e.order_id', '=', orderId)
    .orderBy('e.id')
    .execute();
}

/**
 * Pending orders older than their SLA: marked expired (escalated) in one statement. A guarded claim
 * that never waits: rows another transaction holds (a second server process escalating at the same
 * moment, a user accepting right now) are skipped, and the status guard means each order is
 * expired by exactly one caller; one still pending is taken by the next tick.
 */
export async function expireOverdue(db: Db, now: Date, slaHours: Record<'lecture' | 'service' | 'need', number>) {
  return db
    .updateTable('orders')
    .set({ status: 'expired', escalated_at: now, updated_at: now })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('orders')
        .select('id')
        .where('status', '=', 'pending')
        .where((w) =>
          w.or(
            (Object.keys(slaHours) as (keyof typeof slaHours)[]).map((kind) =>
              w.and([w('kind', '=', kind), w('pending_since', '<', new Date(now.getTime() - slaHours[kind] * 3600_000))]),
            ),
          ),
        )
        .forUpdate()
        .skipLocked(),
    )
    .where('status', '=', 'pending')
    .returning(['id', 'requester_id', 'org_id', 'volunteer_id', 'kind'])
    .execute();
}
