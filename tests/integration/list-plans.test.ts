import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Order, Page } from '../../cloud/contract';
import type { DB } from '../../cloud/db/schema';
import { foldStatsDeltas } from '../../cloud/db/repositories/stats';
import { createTokenSigner } from '../../cloud/domain/auth/tokens';
import { createClock } from '../../cloud/domain/clock';
import type { Services } from '../../cloud/functions/context';
import { actions as adminActions } from '../../cloud/functions/admin';
import { actions as orderActions } from '../../cloud/functions/order';
import { actions as taskActions } from '../../cloud/functions/task';
import { dispatch, inProcessCall, type ActionMap } from '../../cloud/functions/router';
import { loadOrders } from '../../bench/orders-1m';
import { lectureInput } from '../helpers/actors';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db';

/**
 * The four lists are served by indexes (issue 14): over 20,000 orders on PostgreSQL (generated in
 * SQL, then ANALYZEd: enough for the planner to prefer a scan of the table if no index served the
 * list — without migration 0012's indexes this test fails), each list is
 * called through the function path, every statement it sends that reads `orders` is captured
 * (Kysely's query log) and EXPLAIN ANALYZEd with its own parameters: no sequential scan of orders,
 * no sort of more rows than a page (the pool's 'recommended' order: than the open pool; admin.orders:
 * than the newest offset + limit of each org of the scope), and the
 * list's index in the plan. Then the totals: equal to a count, also right after writes that the
 * statistics fold has not folded yet.
 */

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];
const describeNode = (n: PlanNode) => `${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`;

const HISTORY = 20_000;
const OPEN = { pool: 1_000, named: 300 };

describe('the lists at scale are served by indexes (PostgreSQL)', () => {
  let database: TestDatabase;
  /** A plain connection of its own to the test schema, for EXPLAIN (outside the app's pool). */
  let explainer: pg.Client;
  let services: Services;
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const ids: Record<string, string> = {};
  let allOrgs: string[] = [];
  let field = '';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await loadOrders(database.db, HISTORY, OPEN);
    explainer = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await explainer.connect();
    await explainer.query(`SET search_path TO ${database.schema}`);
    // The function path over the same pool, with every statement it sends logged.
    const logged = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: database.pool }),
      log: (e) => {
        if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
      },
    });
    services = { db: logged, clock: createClock(0), tokens: createTokenSigner('plan-test-secret-plan-test-secret'), devMode: false };
    const db = database.db;
    const userOf = async (orgName: string) =>
      (await db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').select(['users.id'])
        .where('orgs.name', '=', orgName).where(sql<boolean>`'admin' = ANY(users.roles)`).orderBy('users.id').executeTakeFirstOrThrow()).id;
    ids.province = await userOf('浙江省总工会');
    ids.county = await userOf('义乌市总工会');
    ids.countyOrg = (await db.selectFrom('orgs').select('id').where('name', '=', '义乌市总工会').executeTakeFirstOrThrow()).id;
    allOrgs = (await db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
    ids.requester = (await sql<{ id: string }>`SELECT u.id::text AS id FROM orders o JOIN users u ON u.id = o.requester_id
      WHERE 'worker' = ANY(u.roles) GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`.execute(db)).rows[0].id;
    const busiest = (await sql<{ id: string; user_id: string }>`SELECT v.id::text AS id, v.user_id::text AS user_id FROM orders o
      JOIN volunteers v ON v.id = o.volunteer_id WHERE v.status = 'approved' GROUP BY v.id ORDER BY count(*) DESC, v.id LIMIT 1`.execute(db)).rows[0];
    ids.volunteer = busiest.id;
    ids.volunteerUser = busiest.user_id;
    const technician = await db.selectFrom('volunteers').select(['user_id', 'skills']).where('status', '=', 'approved')
      .where(sql<boolean>`'technician' = ANY(kinds)`)
      .orderBy(sql`('speaker' = ANY(kinds))::int + (team_id IS NOT NULL)::int`, 'desc').orderBy('id').executeTakeFirstOrThrow();
    ids.technician = technician.user_id;
    field = technician.skills[0];
  }, 120_000);
  afterAll(async () => {
    await explainer?.end();
    await database?.close();
  });

  const call = async (fn: string, actions: ActionMap, action: string, userId: string, data: Record<string, unknown>) => {
    const res = await dispatch(actions, { action, data }, services, inProcessCall(fn, { userId }));
    if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
    return res.data as Page<Order>;
  };

  /** Calls the list, then EXPLAINs each statement it sent that reads orders; returns the plans' nodes. */
  const plansOf = async (fn: string, actions: ActionMap, action: string, userId: string, data: Record<string, unknown>) => {
    captured.length = 0;
    const page = await call(fn, actions, action, userId, data);
    const statements = captured.filter((q) => /"orders"/.test(q.sql));
    expect(statements.length).toBeGreaterThan(0);
    const plans: PlanNode[][] = [];
    for (const q of statements) {
      const res = await explainer.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, [...q.parameters]);
      plans.push(nodes((res.rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan));
    }
    return { page, plans, statements };
  };

  // Every row has all eight fields: a test function with more parameters than its row gets jest's
  // `done` callback for the missing one, and waits for it until the timeout.
  const cases: [string, string, ActionMap, string, () => string, Record<string, unknown>, string, number | null][] = [
    ['order.mine, page 1', 'order', orderActions, 'mine', () => ids.requester, {}, 'orders_requester_idx', null],
    ['order.mine, page 20', 'order', orderActions, 'mine', () => ids.requester, { page: 20 }, 'orders_requester_idx', null],
    ['order.mine, completed', 'order', orderActions, 'mine', () => ids.requester, { status: 'completed' }, 'orders_requester_idx', null],
    ['task.inbox, page 1', 'task', taskActions, 'inbox', () => ids.volunteerUser, {}, 'orders_volunteer_idx', null],
    ['task.inbox, page 20', 'task', taskActions, 'inbox', () => ids.volunteerUser, { page: 20 }, 'orders_volunteer_idx', null],
    ['task.inbox, pending', 'task', taskActions, 'inbox', () => ids.volunteerUser, { status: 'pending' }, 'orders_volunteer_idx', null],
    ['task.pool, page 1', 'task', taskActions, 'pool', () => ids.technician, {}, 'orders_pool_idx', null],
    ['task.pool, page 3', 'task', taskActions, 'pool', () => ids.technician, { page: 3 }, 'orders_pool_idx', null],
    ['task.pool, a field', 'task', taskActions, 'pool', () => ids.technician, { field: '$field' }, 'orders_pool', null],
    ['task.pool, recommended', 'task', taskActions, 'pool', () => ids.technician, { sort: 'recommended' }, 'orders_pool', OPEN.pool],
    ['admin.orders, province, page 1', 'admin', adminActions, 'orders', () => ids.province, {}, 'orders_org_idx', null],
    ['admin.orders, province, page 20', 'admin', adminActions, 'orders', () => ids.province, { page: 20 }, 'orders_org_idx', null],
    ['admin.orders, province, pending', 'admin', adminActions, 'orders', () => ids.province, { status: 'pending' }, 'orders_org_idx', null],
    ['admin.orders, province, needs', 'admin', adminActions, 'orders', () => ids.province, { kind: 'need' }, 'orders_org_idx', null],
    ['admin.orders, county, page 20', 'admin', adminActions, 'orders', () => ids.county, { page: 20 }, 'orders_org_idx', null],
    ['admin.orders, county, completed services', 'admin', adminActions, 'orders', () => ids.county, { kind: 'service', status: 'completed' }, 'orders_org_idx', null],
  ];

  it.each(cases)('%s: no sequential scan of orders, no sort beyond the page, its index used', async (_label, fn, actions, action, who, input, index, maxSorted) => {
    const data = { ...input, ...(input.field === '$field' ? { field } : {}) };
    const { page, plans } = await plansOf(fn, actions, action, who(), data);
    expect(page.items.length).toBeGreaterThan(0);
    const all = plans.flat();
    const onOrders = all.filter((n) => n['Relation Name'] === 'orders');
    expect(onOrders.filter((n) => n['Node Type'] === 'Seq Scan').map(describeNode)).toEqual([]);
    // What each Sort sorted: its input's rows (all loops).
    const sorted = all.filter((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort')
      .map((n) => (n.Plans?.[0]['Actual Rows'] ?? 0) * (n.Plans?.[0]['Actual Loops'] ?? 1));
    // admin.orders sorts the newest (offset + limit) of each org of the scope, never an org's orders.
    const limit = maxSorted ?? (fn === 'admin' ? allOrgs.length * page.page * page.pageSize : page.pageSize);
    expect(sorted.filter((rows) => rows > limit)).toEqual([]);
    expect(onOrders.some((n) => n['Index Name']?.startsWith(index))).toBe(true);
  });

  it('every total equals a count of the orders it stands for, also with writes not folded yet', async () => {
    const db = database.db;
    const count = async (where: ReturnType<typeof sql>) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM orders WHERE ${where}`.execute(db)).rows[0].n);
    const check = async () => {
      expect((await call('order', orderActions, 'mine', ids.requester, {})).total).toBe(await count(sql`requester_id = ${ids.requester}`));
      expect((await call('order', orderActions, 'mine', ids.requester, { status: 'pending' })).total)
        .toBe(await count(sql`requester_id = ${ids.requester} AND status = 'pending'`));
      expect((await call('task', taskActions, 'inbox', ids.volunteerUser, {})).total).toBe(await count(sql`volunteer_id = ${ids.volunteer}`));
      expect((await call('admin', adminActions, 'orders', ids.province, {})).total).toBe(await count(sql`org_id = ANY(${allOrgs}::bigint[])`));
      expect((await call('admin', adminActions, 'orders', ids.province, { status: 'cancelled', kind: 'lecture' })).total)
        .toBe(await count(sql`status = 'cancelled' AND kind = 'lecture'`));
      expect((await call('admin', adminActions, 'orders', ids.county, { status: 'pending' })).total)
        .toBe(await count(sql`org_id = ${ids.countyOrg} AND status = 'pending'`));
      expect((await call('admin', adminActions, 'orders', ids.province, { orgId: ids.countyOrg, kind: 'lecture' })).total)
        .toBe(await count(sql`org_id = ${ids.countyOrg} AND kind = 'lecture'`));
      // A page past the end still says how many there are.
      expect((await call('admin', adminActions, 'orders', ids.county, { page: 100_000 })).total).toBe(await count(sql`org_id = ${ids.countyOrg}`));
    };
    await check();

    // Writes through the function path: two lectures to the pool (one of the county's topics), one cancelled.
    const topic = await db.selectFrom('topics').select(['id', 'durations']).where('org_id', '=', ids.countyOrg).orderBy('id').executeTakeFirstOrThrow();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 3 * 86_400_000));
    const made: string[] = [];
    for (const hour of ['10', '14']) {
      const res = await dispatch(orderActions, { action: 'create', data: lectureInput(topic.id, undefined, `${day}T${hour}:00:00+08:00`, Math.min(...topic.durations)) },
        services, inProcessCall('order', { userId: ids.requester }));
      if (!res.ok) throw new Error(JSON.stringify(res.error));
      made.push((res.data as Order).id);
    }
    const cancelled = await dispatch(orderActions, { action: 'cancel', data: { id: made[0], reason: '计划有变' } }, services, inProcessCall('order', { userId: ids.requester }));
    expect(cancelled.ok).toBe(true);
    await check();
    expect(await foldStatsDeltas(db)).toBeGreaterThan(0);
    await check();
  });
});
