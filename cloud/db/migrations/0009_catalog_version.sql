-- The menu's version (issue 14): one row, bumped by triggers in the same transaction as any write
-- to what the menu shows. Every process keeps the menu in memory and compares this one number per
-- request, so an edit or a completed order is visible on the very next call in every process
-- (the bump commits with the write; a reader that sees the old number reads the old data).
-- Free slots are not cached: the orders that take them are read per request.
CREATE TABLE catalog_version (
  id      boolean PRIMARY KEY DEFAULT true CHECK (id),
  version bigint  NOT NULL DEFAULT 0
);
INSERT INTO catalog_version DEFAULT VALUES;

CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1;
  RETURN NULL;
END $$;

-- Per statement: a bulk edit bumps once. The menu tables, whatever writes them.
CREATE TRIGGER catalog_version_categories AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_topics AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON topics FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_topic_volunteers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON topic_volunteers FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_services AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_service_volunteers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_volunteers FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_teams AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
-- Volunteers carry the public figures (orders done, hours, rating) updated when an order completes.
CREATE TRIGGER catalog_version_volunteers AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteers FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_windows AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer_windows FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_blocked AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON volunteer_blocked_days FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_orgs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON orgs FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
-- Of users the menu shows only the name (and a showcase's company): logins and profile edits of
-- other fields leave it alone.
CREATE TRIGGER catalog_version_users AFTER UPDATE OF name, company OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
-- Of orders only the showcase cases are on the menu: a row that is or was one.
CREATE TRIGGER catalog_version_showcase_update AFTER UPDATE ON orders FOR EACH ROW
  WHEN (OLD.showcase OR NEW.showcase) EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER catalog_version_showcase_delete AFTER DELETE ON orders FOR EACH ROW
  WHEN (OLD.showcase) EXECUTE FUNCTION bump_catalog_version();
