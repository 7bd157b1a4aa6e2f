-- The lists at 1,000,000 orders (issue 14): each list is read in the order of an index, and its
-- total is counted without reading every order it stands for.
--
-- order.mine and task.inbox: newest first per requester / per volunteer, with the id as the tie
-- breaker the lists sort by, and the status carried in the index so that a status filter and the
-- count are answered from the index alone (an index-only scan: no heap, no joined tables).
DROP INDEX orders_requester_idx;
CREATE INDEX orders_requester_idx ON orders (requester_id, created_at DESC, id DESC) INCLUDE (status);
DROP INDEX orders_volunteer_idx;
CREATE INDEX orders_volunteer_idx ON orders (volunteer_id, created_at DESC, id DESC) INCLUDE (status);

-- admin.orders: newest first per org (a scope of several orgs is a merge of their index scans),
-- status and kind carried for the filters.
DROP INDEX orders_org_idx;
CREATE INDEX orders_org_idx ON orders (org_id, created_at DESC, id DESC) INCLUDE (status, kind);

-- task.pool: the open orders nobody holds, in the pool's default order (most urgent, then newest).
-- The expression is the one the pool sorts by (URGENCY_WEIGHT in repositories/orders.ts).
DROP INDEX orders_pool_idx;
CREATE INDEX orders_pool_idx ON orders ((CASE urgency WHEN 'critical' THEN 2 WHEN 'urgent' THEN 1 ELSE 0 END) DESC, created_at DESC, id DESC)
  WHERE status = 'pending' AND volunteer_id IS NULL;

-- admin.orders' total: one more rollup dimension, 'kind_status', keyed '<kind>/<status>', without
-- a day (every row on 2000-01-01): an org has at most 24 such rows, so the total of a province's
-- million orders, with or without a status or kind filter, is a sum of a few hundred rollup rows
-- plus the unfolded deltas — exact, kept by the trigger and the fold like every other dimension.
-- The rest of the function is as in 0008.
CREATE OR REPLACE FUNCTION stats_contribution(o orders, sign integer)
RETURNS TABLE (day date, org_id bigint, dim text, key text, total integer, lectures integer, services integer,
  needs_collected integer, needs_resolved integer, people bigint, minutes bigint, rating_sum integer, rating_n integer)
LANGUAGE sql STABLE AS $$
  WITH m AS (
    SELECT (lower(o.during) AT TIME ZONE 'Asia/Shanghai')::date AS day,
      o.org_id,
      o.status IN ('completed', 'rated') AS done,
      coalesce(o.team_id, (SELECT v.team_id FROM volunteers v WHERE v.id = o.volunteer_id)) AS team_id,
      (SELECT t.category_id FROM topics t WHERE t.id = o.topic_id) AS category_id
  ), v AS (
    SELECT m.day, m.org_id, m.team_id, m.category_id,
      sign AS total,
      sign * (o.kind = 'lecture' AND m.done)::int AS lectures,
      sign * (o.kind <> 'lecture' AND m.done)::int AS services,
      sign * (o.kind = 'need' AND o.status <> 'cancelled')::int AS needs_collected,
      -- coalesce: a done need whose record has no outcome made this NULL in 0005, and the delta insert failed.
      sign * coalesce(o.kind = 'need' AND m.done AND (o.confirmed_at IS NOT NULL OR o.record->>'outcome' = 'resolved'), false)::int AS needs_resolved,
      sign * CASE WHEN m.done THEN coalesce((o.record->>'peopleServed')::bigint, 0) ELSE 0 END AS people,
      sign * CASE WHEN m.done THEN coalesce(o.credited_minutes, 0)::bigint ELSE 0 END AS minutes,
      sign * coalesce(o.rating, 0)::int AS rating_sum,
      sign * (o.rating IS NOT NULL)::int AS rating_n
    FROM m
  )
  SELECT CASE WHEN d.dim = 'kind_status' THEN DATE '2000-01-01' ELSE v.day END, v.org_id, d.dim, d.key, v.total, v.lectures, v.services, v.needs_collected, v.needs_resolved,
    v.people, v.minutes, v.rating_sum, v.rating_n
  FROM v CROSS JOIN LATERAL (VALUES
    ('all', ''),
    ('status', o.status),
    ('team', coalesce(v.team_id::text, '')),
    ('category', coalesce(v.category_id, '')),
    ('rating', coalesce(o.rating::text, '')),
    ('requester', CASE WHEN o.kind <> 'lecture' AND o.status IN ('completed', 'rated') THEN o.requester_id::text ELSE '' END),
    ('response', coalesce(stats_response_bucket(o.accepted_at, o.created_at)::text, '')),
    ('checkin', CASE WHEN o.checked_in_at IS NOT NULL AND o.status <> 'cancelled'
      THEN coalesce(v.team_id::text, '-') || CASE WHEN o.check_in_verified THEN ':verified' ELSE ':unverified' END ELSE '' END),
    ('kind_status', o.kind || '/' || o.status)
  ) AS d (dim, key)
$$;

-- Orders that existed before this migration go straight into the rollup under the new dimension,
-- so that their later changes subtract what was added.
INSERT INTO stats_rollup (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
SELECT c.day, c.org_id, c.dim, c.key, sum(c.total), sum(c.lectures), sum(c.services), sum(c.needs_collected), sum(c.needs_resolved),
  sum(c.people), sum(c.minutes), sum(c.rating_sum), sum(c.rating_n)
FROM orders o CROSS JOIN LATERAL stats_contribution(o, 1) c
WHERE c.dim = 'kind_status'
GROUP BY c.day, c.org_id, c.dim, c.key;
