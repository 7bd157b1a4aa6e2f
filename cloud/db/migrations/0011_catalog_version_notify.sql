-- The menu's version also goes out as NOTIFY (issue 14). Embedded PGlite follows it and so knows
-- the version without reading the row per request (cloud/db/catalog-version.ts); a server
-- database still reads the row, which stays exact across processes and through PgBouncer.
-- NOTIFY is sent at commit, so a rolled-back edit announces nothing.
CREATE OR REPLACE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  UPDATE catalog_version SET version = version + 1 RETURNING version INTO v;
  PERFORM pg_notify('catalog_version', v::text);
  RETURN NULL;
END $$;
