-- Service people can trust: verified check-in, hand-backs, hours certificates (issue 12).
-- PostgreSQL 15 features only.

-- NULL until checked in; then whether the volunteer showed the requester's rotating code.
ALTER TABLE orders ADD COLUMN check_in_verified boolean;

-- The secret the requester's phone derives the check-in codes from (TOTP, cloud/contract/check-in-code.ts).
-- Its own table: no order query (selectAll on orders) can carry it to the volunteer by mistake.
CREATE TABLE order_check_in_secrets (
  order_id   bigint PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
  secret     text NOT NULL CHECK (secret ~ '^[0-9a-f]{40}$'),
  created_at timestamptz NOT NULL
);

-- Wrong codes, counted in the database so that the limit holds across processes and containers.
CREATE TABLE check_in_attempts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id     bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  volunteer_id bigint NOT NULL REFERENCES volunteers (id),
  at           timestamptz NOT NULL,
  verdict      text NOT NULL CHECK (verdict IN ('wrong', 'expired', 'other_order'))
);
CREATE INDEX check_in_attempts_order_idx ON check_in_attempts (order_id, at);

-- An accepted volunteer who cannot come gives the order back: the reliability the union looks at.
CREATE TABLE hand_backs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id     bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  volunteer_id bigint NOT NULL REFERENCES volunteers (id),
  at           timestamptz NOT NULL,
  reason       text NOT NULL,
  -- Where the order went: the speakers' or the need pool, the volunteer's team, or the admins.
  went_to      text NOT NULL CHECK (went_to IN ('pool', 'team', 'admin')),
  -- Hours before the start it was handed back (a late hand-back weighs more).
  hours_before numeric(8, 1) NOT NULL
);
CREATE INDEX hand_backs_volunteer_idx ON hand_backs (volunteer_id, at);

-- 志愿服务时长证明: the figures as issued, found by their verification code (public).
CREATE TABLE certificates (
  code         text PRIMARY KEY CHECK (code ~ '^[0-9A-HJ-NP-Z]{12}$'),
  volunteer_id bigint NOT NULL REFERENCES volunteers (id),
  from_day     date NOT NULL,
  to_day       date NOT NULL,
  figures      jsonb NOT NULL,
  issued_at    timestamptz NOT NULL,
  CHECK (to_day >= from_day)
);
CREATE INDEX certificates_volunteer_idx ON certificates (volunteer_id, issued_at DESC);

-- Statistics: one more rollup dimension, 'checkin', keyed '<team id>:verified' or
-- '<team id>:unverified' for every order that was checked in, so the share of verified visits per
-- team comes from the rollup like the rest. The rest of the function is as in 0005, but for
-- needs_resolved (see there).
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
  SELECT v.day, v.org_id, d.dim, d.key, v.total, v.lectures, v.services, v.needs_collected, v.needs_resolved,
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
      THEN coalesce(v.team_id::text, '-') || CASE WHEN o.check_in_verified THEN ':verified' ELSE ':unverified' END ELSE '' END)
  ) AS d (dim, key)
$$;

CREATE OR REPLACE FUNCTION orders_stats_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.org_id = NEW.org_id AND OLD.during = NEW.during
     AND OLD.rating IS NOT DISTINCT FROM NEW.rating AND OLD.record IS NOT DISTINCT FROM NEW.record
     AND OLD.credited_minutes IS NOT DISTINCT FROM NEW.credited_minutes AND OLD.confirmed_at IS NOT DISTINCT FROM NEW.confirmed_at
     AND OLD.team_id IS NOT DISTINCT FROM NEW.team_id AND OLD.volunteer_id IS NOT DISTINCT FROM NEW.volunteer_id
     AND OLD.accepted_at IS NOT DISTINCT FROM NEW.accepted_at
     AND OLD.checked_in_at IS NOT DISTINCT FROM NEW.checked_in_at AND OLD.check_in_verified IS NOT DISTINCT FROM NEW.check_in_verified THEN
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

-- Orders checked in before this migration (unverified: there were no codes) go straight into the
-- rollup under the new dimension, so that their later changes subtract what was added.
INSERT INTO stats_rollup (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
SELECT c.day, c.org_id, c.dim, c.key, sum(c.total), sum(c.lectures), sum(c.services), sum(c.needs_collected), sum(c.needs_resolved),
  sum(c.people), sum(c.minutes), sum(c.rating_sum), sum(c.rating_n)
FROM orders o CROSS JOIN LATERAL stats_contribution(o, 1) c
WHERE c.dim = 'checkin'
GROUP BY c.day, c.org_id, c.dim, c.key;
