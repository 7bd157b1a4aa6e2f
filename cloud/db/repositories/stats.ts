import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

export interface StatsPeriod {
  orgIds: string[];
  /** Shanghai days, inclusive: 'YYYY-MM-DD'. */
  fromDay: string;
  toDay: string;
  /** The same period as instants, for the two measures read from orders. */
  from: Date;
  to: Date;
}

const MEASURES = ['total', 'lectures', 'services', 'needs_collected', 'needs_resolved', 'people', 'minutes', 'rating_sum', 'rating_n'] as const;

/**
 * Folds the delta stream into the rollup: one statement; rows appended by transactions still
 * running are invisible here and wait for the next fold. Each delta is moved by the DELETE that
 * returns it, so it is counted once however many processes fold at the same moment: a second fold
 * waits for the first's rows and, once it commits, finds them gone. (`WHERE id IN (… FOR UPDATE
 * SKIP LOCKED)` would spare that wait, but it took a 500,000-delta fold from 0.5 s to 3.1 s.)
 * Returns how many deltas it folded.
 */
export async function foldStatsDeltas(db: Kysely<DB>): Promise<number> {
  const sums = sql.raw(MEASURES.map((m) => `sum(${m})`).join(', '));
  const cols = sql.raw(MEASURES.join(', '));
  const updates = sql.raw(MEASURES.map((m) => `${m} = r.${m} + EXCLUDED.${m}`).join(', '));
  const res = await sql<{ n: string }>`
    WITH moved AS (DELETE FROM stats_deltas RETURNING *),
    folded AS (
      INSERT INTO stats_rollup AS r (day, org_id, dim, key, ${cols})
      SELECT day, org_id, dim, key, ${sums} FROM moved GROUP BY day, org_id, dim, key
      ON CONFLICT (org_id, dim, day, key) DO UPDATE SET ${updates}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM moved) AS n`.execute(db);
  return Number(res.rows[0]?.n ?? 0);
}

export interface RollupRow {
  dim: string;
  key: string;
  total: string;
  lectures: string;
  services: string;
  needs_collected: string;
  needs_resolved: string;
  people: string;
  minutes: string;
  rating_sum: string;
  rating_n: string;
}

/**
 * Every breakdown from the rollup plus unfolded deltas, in one statement. Each branch reads only
 * its own dimension's rows through the (org_id, dim, day, key) key: 'all' by month and by org, the
 * team, category, status, rating and response dimensions by key, and the distinct requesters.
 */
export async function rollupBreakdowns(db: Kysely<DB>, p: StatsPeriod): Promise<RollupRow[]> {
  const sums = sql.raw(MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', '));
  const cols = sql.raw(MEASURES.join(', '));
  const src = (dim: string) => sql`(
    SELECT day, org_id, key, ${cols} FROM stats_rollup
      WHERE org_id = ANY(${p.orgIds}::bigint[]) AND dim = ${dim} AND day BETWEEN ${p.fromDay}::date AND ${p.toDay}::date
    UNION ALL
    SELECT day, org_id, key, ${cols} FROM stats_deltas
      WHERE org_id = ANY(${p.orgIds}::bigint[]) AND dim = ${dim} AND day BETWEEN ${p.fromDay}::date AND ${p.toDay}::date
  )`;
  const byKey = (dim: string) => sql`SELECT ${dim} AS dim, key, ${sums} FROM ${src(dim)} AS s WHERE key <> '' GROUP BY key`;
  // JIT compiling this short aggregate costs more than it saves (measured at 1M orders): off, locally.
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    const res = await sql<RollupRow>`
    WITH a AS MATERIALIZED (SELECT to_char(day, 'YYYY-MM') AS month, org_id, ${cols} FROM ${src('all')} AS s)
    SELECT 'total' AS dim, '' AS key, ${sums} FROM a
    UNION ALL SELECT 'month', month, ${sums} FROM a GROUP BY month
    UNION ALL SELECT 'org', org_id::text, ${sums} FROM a GROUP BY org_id
    UNION ALL ${byKey('team')}
    UNION ALL ${byKey('category')}
    UNION ALL ${byKey('status')}
    UNION ALL ${byKey('rating')}
    UNION ALL ${byKey('response')}
    UNION ALL ${byKey('checkin')}
    UNION ALL SELECT 'enterprises', count(*)::text, ${sums} FROM (
      SELECT key, ${sums} FROM ${src('requester')} AS s WHERE key <> '' GROUP BY key HAVING sum(total) > 0) AS served`.execute(trx);
    return res.rows;
  });
}

/** The median of a bucketed histogram: the lower bound of the bucket holding the middle value. */
export function medianOfHistogram(buckets: { lower: number; count: number }[]): number | null {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.lower - b.lower);
  const n = sorted.reduce((acc, b) => acc + b.count, 0);
  if (!n) return null;
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (seen >= n / 2) return b.lower;
  }
  return sorted[sorted.length - 1].lower;
}

export async function labels(db: Kysely<DB>, orgIds: string[], teamIds: string[]) {
  const [orgs, teams] = await Promise.all([
    orgIds.length ? db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute() : [],
    teamIds.length ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
  ]);
  return { orgs: new Map(orgs.map((o) => [o.id, o.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
}
