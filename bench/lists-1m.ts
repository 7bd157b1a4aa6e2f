import { sql } from 'kysely';
import type { Order, Page } from '../cloud/contract';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import type { Services } from '../cloud/functions/context';
import { actions as adminActions } from '../cloud/functions/admin';
import { actions as orderActions } from '../cloud/functions/order';
import { actions as taskActions } from '../cloud/functions/task';
import { dispatch, inProcessCall, type ActionMap } from '../cloud/functions/router';
import { createTestDatabase } from '../tests/helpers/db';
import { loadOrders } from './orders-1m';
import { percentile } from './stats';

export interface ListCase {
  /** function.action */
  list: string;
  label: string;
  runs: number;
  /** The answer's total (checked against a plain count of the same orders). */
  total: number;
  p50: number;
  p99: number;
  max: number;
}

export interface ListsBenchResult {
  orders: number;
  generateSeconds: number;
  cases: ListCase[];
  /** The markdown section for docs/benchmarks.md. */
  lines: string[];
}

const GOAL_P99_MS = 50;

/**
 * The four lists at 1,000,000 orders on PostgreSQL, through the function path (router, input
 * validation, caller, handler, mapping), one caller at a time: a requester with 50,000 orders
 * (order.mine), a volunteer with 33,000 named to them (task.inbox), a technician's pool among
 * 5,000 open orders (task.pool), the province admin and a county admin (admin.orders); first pages,
 * a deeper page (page 50: offset 980) and filters. `runs` timed calls per case after 5 warm-ups.
 * Every answer's total is checked against a count of the orders it stands for.
 */
export async function benchLists1m(total = 1_000_000, runs = 100): Promise<ListsBenchResult> {
  const database = await createTestDatabase('postgres', { poolSize: 4 });
  try {
    const db = database.db;
    const open = { pool: 5_000, named: 2_000 };
    const generateSeconds = await loadOrders(db, total - open.pool - open.named, open);
    const count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM orders`.execute(db)).rows[0].n);
    const services: Services = { db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };

    const userOf = (orgName: string, role: string) =>
      db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').select(['users.id', 'users.org_id'])
        .where('orgs.name', '=', orgName).where(sql<boolean>`${role} = ANY(users.roles)`).orderBy('users.id').executeTakeFirstOrThrow();
    const province = await userOf('浙江省总工会', 'admin');
    const county = await userOf('义乌市总工会', 'admin');
    // The requester with the most orders among the workers; the volunteer with the most named to them.
    const requester = (await sql<{ id: string; n: string }>`
      SELECT u.id::text AS id, count(*) AS n FROM orders o JOIN users u ON u.id = o.requester_id
      WHERE 'worker' = ANY(u.roles) GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 1`.execute(db)).rows[0];
    const inboxOf = (await sql<{ user_id: string; n: string }>`
      SELECT v.user_id::text AS user_id, count(*) AS n FROM orders o JOIN volunteers v ON v.id = o.volunteer_id
      WHERE v.status = 'approved' GROUP BY v.user_id ORDER BY count(*) DESC, v.user_id LIMIT 1`.execute(db)).rows[0];
    // A technician in a team who also speaks, if there is one: the widest pool.
    const poolOf = await db.selectFrom('volunteers').select(['user_id', 'skills']).where('status', '=', 'approved')
      .where(sql<boolean>`'technician' = ANY(kinds)`)
      .orderBy(sql`('speaker' = ANY(kinds))::int + (team_id IS NOT NULL)::int`, 'desc').orderBy('id').executeTakeFirstOrThrow();
    const field = poolOf.skills[0];

    const cases: ListCase[] = [];
    const measure = async (fn: string, actions: ActionMap, action: string, userId: string, label: string, data: Record<string, unknown>) => {
      const call = async () => {
        const res = await dispatch(actions, { action, data }, services, inProcessCall(fn, { userId }));
        if (!res.ok) throw new Error(`${fn}.${action} ${label}: ${JSON.stringify(res.error)}`);
        return res.data as Page<Order>;
      };
      for (let i = 0; i < 5; i++) await call();
      const times: number[] = [];
      let page: Page<Order> | undefined;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        page = await call();
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      cases.push({ list: `${fn}.${action}`, label, runs, total: page!.total, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
      return page!;
    };
    const expectTotal = async (page: Page<Order>, label: string, counted: Promise<{ rows: { n: string }[] }>) => {
      const n = Number((await counted).rows[0].n);
      if (page.total !== n) throw new Error(`${label}: total ${page.total}, counted ${n}`);
      if (page.items.length !== Math.min(page.pageSize, Math.max(0, n - (page.page - 1) * page.pageSize))) {
        throw new Error(`${label}: ${page.items.length} items on page ${page.page} of ${n}`);
      }
    };

    const mineOf = (status?: string) => sql<{ n: string }>`SELECT count(*) AS n FROM orders WHERE requester_id = ${requester.id}
      ${status ? sql`AND status = ${status}` : sql``}`.execute(db);
    for (const [label, data, status] of [
      ['requester, page 1', {}, undefined],
      ['requester, page 50', { page: 50 }, undefined],
      ['requester, 已完成, page 1', { status: 'completed' }, 'completed'],
    ] as const) {
      await expectTotal(await measure('order', orderActions, 'mine', requester.id, label, data), label, mineOf(status));
    }

    const volunteerId = (await db.selectFrom('volunteers').select('id').where('user_id', '=', inboxOf.user_id).executeTakeFirstOrThrow()).id;
    const inboxCount = (status?: string) => sql<{ n: string }>`SELECT count(*) AS n FROM orders WHERE volunteer_id = ${volunteerId}
      ${status ? sql`AND status = ${status}` : sql``}`.execute(db);
    for (const [label, data, status] of [
      ['volunteer, page 1', {}, undefined],
      ['volunteer, page 50', { page: 50 }, undefined],
      ['volunteer, 待接单', { status: 'pending' }, 'pending'],
    ] as const) {
      await expectTotal(await measure('task', taskActions, 'inbox', inboxOf.user_id, label, data), label, inboxCount(status));
    }

    for (const [label, data] of [
      ['technician, page 1', {}],
      [`technician, field ${field}`, { field }],
      ['technician, page 5', { page: 5 }],
      ['technician, recommended', { sort: 'recommended' }],
    ] as const) {
      const page = await measure('task', taskActions, 'pool', poolOf.user_id, label, data);
      if (!page.items.length) throw new Error(`pool ${label}: empty`);
    }

    const adminCount = (orgIds: string[], f: { status?: string; kind?: string; page?: number }) => sql<{ n: string }>`
      SELECT count(*) AS n FROM orders WHERE org_id = ANY(${orgIds}::bigint[])
      ${f.status ? sql`AND status = ${f.status}` : sql``} ${f.kind ? sql`AND kind = ${f.kind}` : sql``}`.execute(db);
    const allOrgs = (await db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
    for (const [who, admin, orgIds] of [['province', province, allOrgs], ['county (义乌)', county, [county.org_id!]]] as const) {
      for (const [label, data] of [
        ['page 1', {}],
        ['page 50', { page: 50 }],
        ['待接单', { status: 'pending' }],
        ['求助', { kind: 'need' }],
        ['技术服务 已完成, page 3', { kind: 'service', status: 'completed', page: 3 }],
      ] as const) {
        const l = `${who}, ${label}`;
        await expectTotal(await measure('admin', adminActions, 'orders', admin.id, l, data), l, adminCount([...orgIds], data));
      }
    }

    const lines = [
      `## The lists at ${count.toLocaleString('en')} orders (PostgreSQL)`,
      '',
      `Two years of history over every org, 20 requesters and every volunteer, plus ${open.pool.toLocaleString('en')} open`,
      `orders in the pool and ${open.named.toLocaleString('en')} named ones ahead (generated in SQL, ${generateSeconds.toFixed(0)} s with the`,
      `rollup build and VACUUM ANALYZE). Each list through the function path, one caller at a time, 5 warm-up and ${runs} timed`,
      `calls per case; every total is checked against a count. Goal: p99 ≤ ${GOAL_P99_MS} ms. Also alone: \`npm run bench:lists\`.`,
      '',
      '| list | caller and page | total | p50 ms | p99 ms | max ms | goal |',
      '|---|---|---:|---:|---:|---:|---|',
      ...cases.map((c) => `| \`${c.list}\` | ${c.label} | ${c.total.toLocaleString('en')} | ${c.p50.toFixed(1)} | ${c.p99.toFixed(1)} | ${c.max.toFixed(1)} | ${c.p99 <= GOAL_P99_MS ? 'met' : 'missed'} |`),
      '',
    ];
    return { orders: count, generateSeconds, cases, lines };
  } finally {
    await database.close();
  }
}
