-- The union's console: registration review, showcase cases, service minutes per order, stats indexes.

ALTER TABLE volunteers ADD COLUMN review_note text;
ALTER TABLE volunteers ADD COLUMN applied_at timestamptz;
ALTER TABLE volunteers ADD COLUMN reviewed_at timestamptz;
CREATE INDEX volunteers_status_idx ON volunteers (status, applied_at);

-- Minutes credited to the volunteer when the order was completed (the hours statistics sum them).
ALTER TABLE orders ADD COLUMN credited_minutes integer;
-- A completed order the union shows as an excellent case (优秀案例) on speaker and team pages.
ALTER TABLE orders ADD COLUMN showcase boolean NOT NULL DEFAULT false;
ALTER TABLE orders ADD COLUMN showcase_title text;

-- Statistics read orders of a set of orgs over a period of service dates.
CREATE INDEX orders_stats_idx ON orders (org_id, (lower(during)));
CREATE INDEX orders_showcase_idx ON orders (volunteer_id) WHERE showcase;
