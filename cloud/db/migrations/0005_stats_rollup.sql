-- Statistics at scale: a per-day rollup kept from an append-only delta stream.
--
-- Every change of an order appends delta rows (its old contribution negated, its new one) in the
-- same transaction, from a trigger: appends never contend, so the order paths stay fast and
-- deadlock-free. The timer folds deltas into stats_rollup (single statement; concurrent folds
-- skip each other's rows). Statistics read the rollup plus the few unfolded deltas.
--
-- One row per (day, org, dimension, key): dimension 'all' (key ''), 'team', 'category',
-- 'status' and 'rating', so each breakdown reads only its own rows. Two more make the numbers
-- that do not add up across days cheap too: 'requester' (key = the requester of a finished
-- service or need: distinct keys = enterprises served) and 'response' (key = minutes to
-- acceptance, bucketed: the median is read from this histogram).

CREATE TABLE stats_rollup (
  day             date NOT NULL,
  org_id          bigint NOT NULL,
  dim             text NOT NULL,
  key             text NOT NULL,
  total           integer NOT NULL DEFAULT 0,
  lectures        integer NOT NULL DEFAULT 0,
  services        integer NOT NULL DEFAULT 0,
  needs_collected integer NOT NULL DEFAULT 0,
  needs_resolved  integer NOT NULL DEFAULT 0,
  people          bigint NOT NULL DEFAULT 0,
  minutes         bigint NOT NULL DEFAULT 0,
  rating_sum      integer NOT NULL DEFAULT 0,
  rating_n        integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, dim, day, key)
);

CREATE TABLE stats_deltas (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day             date NOT NULL,
  org_id          bigint NOT NULL,
  dim             text NOT NULL,
  key             text NOT NULL,
  total           integer NOT NULL,
  lectures        integer NOT NULL,
  services        integer NOT NULL,
  needs_collected integer NOT NULL,
  needs_resolved  integer NOT NULL,
  people          bigint NOT NULL,
  minutes         bigint NOT NULL,
  rating_sum      integer NOT NULL,
  rating_n        integer NOT NULL
);

-- Minutes from order to acceptance, bucketed: 5 minutes under an hour, 30 minutes under a day,
-- 6 hours beyond (capped at 30 days). The bucket is its lower bound.
CREATE FUNCTION stats_response_bucket(accepted timestamptz, created timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN accepted IS NULL THEN NULL
    WHEN m < 60 THEN (m / 5) * 5
    WHEN m < 1440 THEN (m / 30) * 30
    ELSE least((m / 360) * 360, 43200)
  END
  FROM (SELECT greatest(0, floor(extract(epoch FROM accepted - created) / 60))::integer AS m) AS x
$$;

-- What one order contributes, with sign +1 or -1, as (dim, key, measures…) rows.
CREATE FUNCTION stats_contribution(o orders, sign integer)
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
      sign * (o.kind = 'need' AND m.done AND (o.confirmed_at IS NOT NULL OR o.record->>'outcome' = 'resolved'))::int AS needs_resolved,
      sign * CASE WHEN m.done THEN coalesce((o.record->>'peopleServed')::bigint, 0) ELSE 0 END AS people,
      sign * CASE WHEN m.done THEN coalesce(o.credited_minutes, 0)::bigint ELSE 0 END AS minutes,
      sign * coalesce(o.rating, 0)::int AS rating_sum,
      sign * (o.rating IS NOT NULL)::int AS rating_n
    FROM m
  )
  SELECT v.day, v.org_id, d.dim, d.key, v.total, v.lectures, v.services, v.needs_collected, v.needs_resolved,
    v.people, v.minutes, v.rating_sum, v.rating_n
  FROM v CROSS JOIN LATERAL (VALUES
    ('all', ''),
    ('status', o.status),
    ('team', coalesce(v.team_id::text, '')),
    ('category', coalesce(v.category_id, '')),
    ('rating', coalesce(o.rating::text, '')),
    ('requester', CASE WHEN o.kind <> 'lecture' AND o.status IN ('completed', 'rated') THEN o.requester_id::text ELSE '' END),
    ('response', coalesce(stats_response_bucket(o.accepted_at, o.created_at)::text, ''))
  ) AS d (dim, key)
$$;

CREATE FUNCTION orders_stats_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.org_id = NEW.org_id AND OLD.during = NEW.during
     AND OLD.rating IS NOT DISTINCT FROM NEW.rating AND OLD.record IS NOT DISTINCT FROM NEW.record
     AND OLD.credited_minutes IS NOT DISTINCT FROM NEW.credited_minutes AND OLD.confirmed_at IS NOT DISTINCT FROM NEW.confirmed_at
     AND OLD.team_id IS NOT DISTINCT FROM NEW.team_id AND OLD.volunteer_id IS NOT DISTINCT FROM NEW.volunteer_id
     AND OLD.accepted_at IS NOT DISTINCT FROM NEW.accepted_at THEN
    RETURN NULL; -- nothing the statistics count has changed
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stats_deltas (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
    SELECT * FROM stats_contribution(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_deltas (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
    SELECT * FROM stats_contribution(NEW, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER orders_stats_delta AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_stats_delta();

-- Orders that existed before this migration: their contribution goes straight into the rollup.
INSERT INTO stats_rollup (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
SELECT c.day, c.org_id, c.dim, c.key, sum(c.total), sum(c.lectures), sum(c.services), sum(c.needs_collected), sum(c.needs_resolved),
  sum(c.people), sum(c.minutes), sum(c.rating_sum), sum(c.rating_n)
FROM orders o CROSS JOIN LATERAL stats_contribution(o, 1) c
GROUP BY c.day, c.org_id, c.dim, c.key;
