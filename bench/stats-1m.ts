import { sql } from 'kysely';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import { actions as adminActions } from '../cloud/functions/admin';
import { dispatch, inProcessCall } from '../cloud/functions/router';
import { createTestDatabase } from '../tests/helpers/db';
import { percentile } from './stats';

export interface StatsBenchResult {
  orders: number;
  generateSeconds: number;
  cases: { label: string; runs: number; p50: number; p99: number; max: number }[];
}

/**
 * admin.stats over 1,000,000 orders on PostgreSQL: orders spread over two years and every org,
 * generated in SQL, then the province admin's and a county admin's yearly statistics, timed.
 */
export async function benchStats1m(total = 1_000_000): Promise<StatsBenchResult> {
  const database = await createTestDatabase('postgres', { poolSize: 4 });
  try {
    const db = database.db;
    const t0 = performance.now();
    // A bulk load: the per-row statistics trigger is off, and the rollup is built once afterwards
    // the same way the migration backfills existing orders.
    await sql`ALTER TABLE orders DISABLE TRIGGER orders_stats_delta`.execute(db);
    await sql`
      WITH ids AS (
        SELECT (SELECT array_agg(id ORDER BY id) FROM orgs) AS orgs,
               (SELECT array_agg(id ORDER BY id) FROM users) AS users,
               (SELECT array_agg(id ORDER BY id) FROM volunteers) AS vols,
               (SELECT array_agg(id ORDER BY id) FROM topics) AS topics
      )
      INSERT INTO orders (kind, status, requester_id, org_id, topic_id, volunteer_id, named, during, duration_min, venue_type,
        contact_phone, request_id, created_at, updated_at, pending_since, accepted_at, completed_at, record, credited_minutes,
        rating, field, title)
      SELECT x.kind, x.status, ids.users[1 + g % 20], ids.orgs[1 + g % cardinality(ids.orgs)],
        CASE WHEN x.kind = 'lecture' THEN ids.topics[1 + g % cardinality(ids.topics)] END,
        ids.vols[1 + g % cardinality(ids.vols)], true,
        tstzrange(x.st, x.st + interval '1 hour', '[)'), 60, 'enterprise', '13800000000', 'gen-' || g,
        x.st - interval '3 days', x.st - interval '3 days', x.st - interval '3 days', x.st - interval '3 days' + (g % 600) * interval '1 minute',
        CASE WHEN x.done THEN x.st + interval '1 hour' END,
        CASE WHEN x.done THEN jsonb_build_object('peopleServed', 5 + g % 80, 'summary', '生成',
          'outcome', (ARRAY['resolved','partly','unresolved'])[1 + g % 3]) END,
        CASE WHEN x.done THEN 45 + g % 30 END,
        CASE WHEN x.status = 'rated' THEN 1 + (g * 7) % 5 END,
        CASE WHEN x.kind = 'need' THEN '焊接' END, CASE WHEN x.kind = 'need' THEN '生成的需求' END
      FROM ids, generate_series(1, ${total}) AS g
      CROSS JOIN LATERAL (
        SELECT (ARRAY['lecture','lecture','service','need'])[1 + g % 4] AS kind,
               (ARRAY['rated','rated','completed','completed','cancelled','expired','declined'])[1 + (g / 4) % 7] AS status,
               now() - (g % 730) * interval '1 day' + (g % 9) * interval '1 hour' AS st
      ) AS y
      CROSS JOIN LATERAL (SELECT y.kind, y.status, y.st, y.status IN ('completed', 'rated') AS done) AS x`.execute(db);
    await sql`ALTER TABLE orders ENABLE TRIGGER orders_stats_delta`.execute(db);
    await sql`TRUNCATE stats_rollup`.execute(db);
    await sql`
      INSERT INTO stats_rollup (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
      SELECT c.day, c.org_id, c.dim, c.key, sum(c.total), sum(c.lectures), sum(c.services), sum(c.needs_collected), sum(c.needs_resolved),
        sum(c.people), sum(c.minutes), sum(c.rating_sum), sum(c.rating_n)
      FROM orders o CROSS JOIN LATERAL stats_contribution(o, 1) c
      GROUP BY c.day, c.org_id, c.dim, c.key`.execute(db);
    await sql`SELECT 1 FROM stats_deltas LIMIT 0`.execute(db);
    await sql`DELETE FROM stats_deltas`.execute(db);
    await sql`VACUUM ANALYZE orders`.execute(db);
    await sql`ANALYZE stats_rollup`.execute(db);
    const generateSeconds = (performance.now() - t0) / 1000;
    const count = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM orders`.execute(db)).rows[0].n);

    const services = { db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };
    const adminOf = async (orgName: string) =>
      (await db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id').select('users.id')
        .where('orgs.name', '=', orgName).where(sql<boolean>`'admin' = ANY(users.roles)`).executeTakeFirstOrThrow()).id;
    const to = new Date();
    const from = new Date(to.getTime() - 365 * 86_400_000);
    const cases: StatsBenchResult['cases'] = [];
    for (const [label, org] of [['省总工会，全部组织，一年', '浙江省总工会'], ['县级工会（义乌），一年', '义乌市总工会']] as const) {
      const caller = { userId: await adminOf(org) };
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const s = performance.now();
        const res = await dispatch(adminActions, { action: 'stats', data: { from: from.toISOString(), to: to.toISOString() } }, services, inProcessCall('admin', caller));
        if (!res.ok) throw new Error(JSON.stringify(res.error));
        if (i >= 2) times.push(performance.now() - s); // two warm-up runs
      }
      times.sort((a, b) => a - b);
      cases.push({ label, runs: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
    }
    return { orders: count, generateSeconds, cases };
  } finally {
    await database.close();
  }
}
