import { sql } from 'kysely';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import { actions as adminActions } from '../cloud/functions/admin';
import { dispatch, inProcessCall } from '../cloud/functions/router';
import { createTestDatabase } from '../tests/helpers/db';
import { loadOrders } from './orders-1m';
import { percentile } from './stats';

export interface StatsBenchResult {
  orders: number;
  generateSeconds: number;
  cases: { label: string; runs: number; p50: number; p99: number; max: number }[];
}

/**
 * admin.stats over 1,000,000 orders on PostgreSQL: orders spread over two years and every org,
 * generated in SQL (orders-1m.ts), then the province admin's and a county admin's yearly statistics, timed.
 */
export async function benchStats1m(total = 1_000_000): Promise<StatsBenchResult> {
  const database = await createTestDatabase('postgres', { poolSize: 4 });
  try {
    const db = database.db;
    const generateSeconds = await loadOrders(db, total);
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
