-- Orders, their timeline (the closed loop) and the in-app inbox.

CREATE TABLE orders (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('lecture', 'service', 'need')),
  status          text NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'accepted', 'in_progress', 'completed', 'rated', 'declined', 'cancelled', 'expired')),
  requester_id    bigint NOT NULL REFERENCES users (id),
  -- The union organisation that owns the order (the topic's, service's or team's org).
  org_id          bigint NOT NULL REFERENCES orgs (id),
  topic_id        bigint REFERENCES topics (id),
  service_id      bigint REFERENCES services (id),
  team_id         bigint REFERENCES teams (id),
  -- The volunteer who holds the order: named by the requester, or who took it from the pool.
  volunteer_id    bigint REFERENCES volunteers (id),
  -- Whether the requester named the volunteer (a declined named order goes to the pool).
  named           boolean NOT NULL DEFAULT false,
  during          tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  duration_min    smallint NOT NULL CHECK (duration_min BETWEEN 15 AND 480),
  venue_type      text NOT NULL,
  venue_address   text,
  venue_link      text,
  headcount       integer CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 100000),
  contact_phone   text NOT NULL,
  note            text NOT NULL DEFAULT '',
  -- Needs (posted problems) carry their own title and field.
  title           text,
  field           text,
  description     text,
  photos          text[] NOT NULL DEFAULT '{}',
  urgency         text CHECK (urgency IS NULL OR urgency IN ('normal', 'urgent', 'critical')),
  request_id      text NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  accepted_at     timestamptz,
  checked_in_at   timestamptz,
  check_in_location jsonb,
  completed_at    timestamptz,
  record          jsonb,
  rating          smallint CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  rating_comment  text,
  rated_at        timestamptz,
  -- Since when the order waits for an answer (creation, reschedule, or return to the pool): the SLA clock.
  pending_since   timestamptz NOT NULL,
  -- When the SLA passed with nobody answering (the order was escalated to the admin).
  escalated_at    timestamptz,
  -- A retried submit (same user, same request id) is the same order.
  UNIQUE (requester_id, request_id),
  -- A volunteer is never booked twice at overlapping times while an order is live.
  CONSTRAINT orders_no_double_booking EXCLUDE USING gist (volunteer_id WITH =, during WITH &&)
    WHERE (volunteer_id IS NOT NULL AND status IN ('pending', 'accepted', 'in_progress'))
);
CREATE INDEX orders_requester_idx ON orders (requester_id, created_at DESC);
CREATE INDEX orders_volunteer_idx ON orders (volunteer_id, created_at DESC);
CREATE INDEX orders_pool_idx ON orders (kind, created_at DESC) WHERE status = 'pending' AND volunteer_id IS NULL;
CREATE INDEX orders_pending_idx ON orders (pending_since) WHERE status = 'pending';
CREATE INDEX orders_org_idx ON orders (org_id, created_at DESC);

CREATE TABLE order_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  by_user_id  bigint REFERENCES users (id),
  note        text NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

CREATE TABLE inbox_messages (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id),
  order_id    bigint REFERENCES orders (id) ON DELETE CASCADE,
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX inbox_user_idx ON inbox_messages (user_id, id DESC);
CREATE INDEX inbox_unread_idx ON inbox_messages (user_id) WHERE read_at IS NULL;
