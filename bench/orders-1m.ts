import { sql, type Kysely } from 'kysely';
import type { DB } from '../cloud/db/schema';

/** What is open today besides the history: the pool and the orders named to volunteers. */
export interface OpenOrders {
  /** Pending orders nobody holds (lectures, team services, needs), created in the last two days. */
  pool: number;
  /** Pending or accepted orders named to a volunteer, each at its own hour ahead. */
  named: number;
}

/**
 * Loads `total` orders into a migrated, seeded database in SQL: two years of finished history
 * spread over every org, 20 requesters and every volunteer (what `admin.stats` reads), and, when
 * `open` is given, a present on top of it (what the pool and the inboxes show). A bulk load: the
 * per-row statistics trigger is off, and the rollup is built once afterwards the same way the
 * migration backfills existing orders; then VACUUM ANALYZE. Returns the seconds it took.
 */
export async function loadOrders(db: Kysely<DB>, total: number, open?: OpenOrders): Promise<number> {
  const t0 = performance.now();
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
  if (open) await loadOpenOrders(db, open);
  await sql`ALTER TABLE orders ENABLE TRIGGER orders_stats_delta`.execute(db);
  await sql`TRUNCATE stats_rollup`.execute(db);
  await sql`
    INSERT INTO stats_rollup (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
    SELECT c.day, c.org_id, c.dim, c.key, sum(c.total), sum(c.lectures), sum(c.services), sum(c.needs_collected), sum(c.needs_resolved),
      sum(c.people), sum(c.minutes), sum(c.rating_sum), sum(c.rating_n)
    FROM orders o CROSS JOIN LATERAL stats_contribution(o, 1) c
    GROUP BY c.day, c.org_id, c.dim, c.key`.execute(db);
  await sql`DELETE FROM stats_deltas`.execute(db);
  await sql`VACUUM ANALYZE orders`.execute(db);
  await sql`VACUUM ANALYZE stats_rollup`.execute(db);
  return (performance.now() - t0) / 1000;
}

/**
 * The present: `pool` open orders nobody holds — lectures of every topic, services of the teams,
 * needs in the volunteers' fields and the orgs' regions, urgency mixed — and `named` pending or
 * accepted orders named to the volunteers in turn, each at an hour of its own and none at an hour
 * the volunteer already holds (the exclusion constraint holds).
 */
async function loadOpenOrders(db: Kysely<DB>, open: OpenOrders) {
  const ids = sql`(
    SELECT (SELECT array_agg(id ORDER BY id) FROM orgs) AS orgs,
           (SELECT array_agg(region ORDER BY id) FROM orgs) AS regions,
           (SELECT array_agg(id ORDER BY id) FROM users) AS users,
           (SELECT array_agg(id ORDER BY id) FROM volunteers) AS vols,
           (SELECT array_agg(id ORDER BY id) FROM topics) AS topics,
           (SELECT array_agg(id ORDER BY id) FROM services WHERE team_id IS NOT NULL) AS services,
           (SELECT array_agg(team_id ORDER BY id) FROM services WHERE team_id IS NOT NULL) AS service_teams,
           (SELECT array_agg(DISTINCT s ORDER BY s) FROM volunteers, unnest(skills) AS s) AS fields
  ) AS ids`;
  await sql`
    INSERT INTO orders (kind, status, requester_id, org_id, topic_id, service_id, team_id, volunteer_id, named, during, duration_min,
      venue_type, venue_address, contact_phone, request_id, created_at, updated_at, pending_since, field, title, description, urgency, region)
    SELECT y.kind, 'pending', ids.users[1 + g % 20], ids.orgs[1 + g % cardinality(ids.orgs)],
      CASE WHEN y.kind = 'lecture' THEN ids.topics[1 + g % cardinality(ids.topics)] END,
      CASE WHEN y.kind = 'service' THEN ids.services[1 + g % cardinality(ids.services)] END,
      CASE WHEN y.kind = 'service' THEN ids.service_teams[1 + g % cardinality(ids.services)] END,
      NULL, false, tstzrange(y.st, y.st + interval '1 hour', '[)'), 60, 'workshop', '生成路 ' || g || ' 号', '13800000000',
      'open-' || g, y.created, y.created, y.created,
      CASE WHEN y.kind = 'need' THEN ids.fields[1 + g % cardinality(ids.fields)] END,
      CASE WHEN y.kind = 'need' THEN '生成的求助 ' || g END, CASE WHEN y.kind = 'need' THEN '生成的求助' END,
      CASE WHEN y.kind = 'need' THEN (ARRAY['normal','normal','normal','urgent','critical'])[1 + g % 5] END,
      ids.regions[1 + (g / 7) % cardinality(ids.regions)]
    FROM ${ids}, generate_series(1, ${open.pool}) AS g
    CROSS JOIN LATERAL (
      SELECT (ARRAY['lecture','service','need','need'])[1 + g % 4] AS kind,
             date_trunc('hour', now()) + interval '3 days' + (g % 2000) * interval '1 hour' AS st,
             now() - (g % 2880) * interval '1 minute' AS created
    ) AS y`.execute(db);
  await sql`
    INSERT INTO orders (kind, status, requester_id, org_id, topic_id, volunteer_id, named, during, duration_min, venue_type, venue_address,
      contact_phone, request_id, created_at, updated_at, pending_since, accepted_at)
    SELECT 'lecture', y.status, ids.users[1 + g % 20], ids.orgs[1 + g % cardinality(ids.orgs)], ids.topics[1 + g % cardinality(ids.topics)],
      ids.vols[1 + g % cardinality(ids.vols)], true, tstzrange(y.st, y.st + interval '1 hour', '[)'), 60, 'enterprise', '生成路 ' || g || ' 号',
      '13800000000', 'named-' || g, y.created, y.created, y.created, CASE WHEN y.status = 'accepted' THEN y.created + interval '1 hour' END
    FROM ${ids}, generate_series(1, ${open.named}) AS g
    CROSS JOIN LATERAL (
      -- Volunteer k gets g = k, k + n, k + 2n, …: alternate the status along that, not along g (with
      -- an even n, g % 2 gave each volunteer only pending or only accepted orders).
      SELECT (ARRAY['pending','accepted'])[1 + (g / cardinality(ids.vols)) % 2] AS status,
             date_trunc('hour', now()) + interval '3 days' + g * interval '1 hour' AS st,
             now() - (g % 4320) * interval '1 minute' AS created
    ) AS y
    -- An hour the demo data already holds for that volunteer (its live orders are placed relative
    -- to now, so which hours depends on when this runs) is left out.
    WHERE NOT EXISTS (
      SELECT 1 FROM orders held
      WHERE held.volunteer_id = ids.vols[1 + g % cardinality(ids.vols)] AND held.status IN ('pending', 'accepted', 'in_progress')
        AND held.during && tstzrange(y.st, y.st + interval '1 hour', '[)'))`.execute(db);
}
