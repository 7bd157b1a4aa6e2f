-- Technical services and the open pool: team orders, posted needs, confirmation, points.

-- Where the order happens, for the pool's region filter (the requester's region by default).
ALTER TABLE orders ADD COLUMN region text;
-- When the team's ordinary members were told (captain and liaisons are told at once).
ALTER TABLE orders ADD COLUMN team_broadcast_at timestamptz;
-- The requester's word on a finished need: confirmed, or disputed with a reason.
ALTER TABLE orders ADD COLUMN confirmed_at timestamptz;
ALTER TABLE orders ADD COLUMN disputed_at timestamptz;
ALTER TABLE orders ADD COLUMN dispute_reason text;
-- How many times an unresolved need went back to the pool.
ALTER TABLE orders ADD COLUMN reopen_count smallint NOT NULL DEFAULT 0;

CREATE INDEX orders_pool_need_idx ON orders (field, region, created_at DESC)
  WHERE status = 'pending' AND volunteer_id IS NULL AND kind = 'need';
CREATE INDEX orders_pool_team_idx ON orders (team_id, created_at DESC)
  WHERE status = 'pending' AND volunteer_id IS NULL AND team_id IS NOT NULL;

-- Points for completed orders (hours are service_minutes).
ALTER TABLE volunteers ADD COLUMN points integer NOT NULL DEFAULT 0;

-- Uploaded photos (needs, service records): content-addressed files kept by the server.
CREATE TABLE uploads (
  id          text PRIMARY KEY,            -- sha256 of the bytes + extension
  user_id     bigint NOT NULL REFERENCES users (id),
  mime        text NOT NULL,
  bytes       integer NOT NULL,
  created_at  timestamptz NOT NULL
);
