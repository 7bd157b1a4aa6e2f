import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';

export interface StatsPeriod {
  orgIds: string[];
  from: Date;
  to: Date;
}

const DONE = sql`o.status IN ('completed', 'rated')`;

/** Orders of the orgs whose service date lies in [from, to): served by the (org_id, lower(during)) index. */
const filtered = (p: StatsPeriod) => sql`
  FROM orders o
  WHERE o.org_id = ANY(${p.orgIds}::bigint[])
    AND lower(o.during) >= ${p.from.toISOString()}::timestamptz AND lower(o.during) < ${p.to.toISOString()}::timestamptz`;

/** The headline numbers in one pass. */
export async function totals(db: Kysely<DB>, p: StatsPeriod) {
  const res = await sql<{
    total: string; lectures: string; services: string; needs_collected: string; needs_resolved: string;
    people: string | null; minutes: string | null; enterprises: string; avg_rating: string | null; median_response: number | null;
  }>`
    SELECT count(*) AS total,
      count(*) FILTER (WHERE o.kind = 'lecture' AND ${DONE}) AS lectures,
      count(*) FILTER (WHERE o.kind <> 'lecture' AND ${DONE}) AS services,
      count(*) FILTER (WHERE o.kind = 'need' AND o.status <> 'cancelled') AS needs_collected,
      count(*) FILTER (WHERE o.kind = 'need' AND ${DONE} AND (o.confirmed_at IS NOT NULL OR o.record->>'outcome' = 'resolved')) AS needs_resolved,
      sum((o.record->>'peopleServed')::int) FILTER (WHERE ${DONE}) AS people,
      sum(o.credited_minutes) FILTER (WHERE ${DONE}) AS minutes,
      count(DISTINCT o.requester_id) FILTER (WHERE o.kind <> 'lecture' AND ${DONE}) AS enterprises,
      avg(o.rating) AS avg_rating,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.accepted_at - o.created_at) / 60)
        FILTER (WHERE o.accepted_at IS NOT NULL) AS median_response
    ${filtered(p)}`.execute(db);
  return res.rows[0];
}

export interface GroupRow {
  dim: 'month' | 'org' | 'team' | 'category' | 'status' | 'rating';
  key: string | null;
  total: string;
  lectures: string;
  services: string;
  needs_collected: string;
  needs_resolved: string;
  people: string | null;
  minutes: string | null;
}

/** Every breakdown (month, org, team, category, status, rating) in one scan with GROUPING SETS. */
export async function breakdowns(db: Kysely<DB>, p: StatsPeriod): Promise<GroupRow[]> {
  const res = await sql<GroupRow>`
    WITH b AS (
      SELECT o.kind, o.status, o.rating, o.record, o.credited_minutes, o.confirmed_at,
        to_char(lower(o.during) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
        o.org_id::text AS org,
        coalesce(o.team_id, v.team_id)::text AS team,
        tp.category_id AS category
      FROM orders o
      LEFT JOIN volunteers v ON v.id = o.volunteer_id
      LEFT JOIN topics tp ON tp.id = o.topic_id
      WHERE o.org_id = ANY(${p.orgIds}::bigint[])
        AND lower(o.during) >= ${p.from.toISOString()}::timestamptz AND lower(o.during) < ${p.to.toISOString()}::timestamptz
    )
    SELECT
      CASE WHEN grouping(month) = 0 THEN 'month' WHEN grouping(org) = 0 THEN 'org' WHEN grouping(team) = 0 THEN 'team'
           WHEN grouping(category) = 0 THEN 'category' WHEN grouping(status) = 0 THEN 'status' ELSE 'rating' END AS dim,
      coalesce(month, org, team, category, status, rating::text) AS key,
      count(*) AS total,
      count(*) FILTER (WHERE kind = 'lecture' AND status IN ('completed', 'rated')) AS lectures,
      count(*) FILTER (WHERE kind <> 'lecture' AND status IN ('completed', 'rated')) AS services,
      count(*) FILTER (WHERE kind = 'need' AND status <> 'cancelled') AS needs_collected,
      count(*) FILTER (WHERE kind = 'need' AND status IN ('completed', 'rated') AND (confirmed_at IS NOT NULL OR record->>'outcome' = 'resolved')) AS needs_resolved,
      sum((record->>'peopleServed')::int) FILTER (WHERE status IN ('completed', 'rated')) AS people,
      sum(credited_minutes) FILTER (WHERE status IN ('completed', 'rated')) AS minutes
    FROM b
    GROUP BY GROUPING SETS ((month), (org), (team), (category), (status), (rating))`.execute(db);
  return res.rows;
}

export async function labels(db: Kysely<DB>, orgIds: string[], teamIds: string[]) {
  const [orgs, teams] = await Promise.all([
    orgIds.length ? db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', orgIds).execute() : [],
    teamIds.length ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', teamIds).execute() : [],
  ]);
  return { orgs: new Map(orgs.map((o) => [o.id, o.name])), teams: new Map(teams.map((t) => [t.id, t.name])) };
}
