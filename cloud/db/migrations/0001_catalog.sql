-- Foundation: union organisations, users, volunteers, teams and the menu (topics, services).
-- Plain SQL, PostgreSQL 15 features only (PGlite runs 18; production may run 15).

-- In public, database-wide: test schemas come and go, the extension must not go with them.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE TABLE orgs (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  parent_id   bigint REFERENCES orgs (id),
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  region      text NOT NULL
);
CREATE INDEX orgs_parent_idx ON orgs (parent_id);

CREATE TABLE users (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  phone       text,
  openid      text UNIQUE,
  org_id      bigint REFERENCES orgs (id),
  company     text,
  roles       text[] NOT NULL DEFAULT '{worker}'
              CHECK (roles <@ ARRAY['worker', 'enterprise', 'volunteer', 'admin']::text[]),
  -- A short line for the dev login list (e.g. "杭州市总工会 管理员").
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  kind        text NOT NULL CHECK (kind IN ('lecture', 'service')),
  org_id      bigint NOT NULL REFERENCES orgs (id),
  region      text NOT NULL,
  intro       text NOT NULL DEFAULT ''
);
CREATE INDEX teams_org_idx ON teams (org_id);

CREATE TABLE volunteers (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id        bigint NOT NULL UNIQUE REFERENCES users (id),
  org_id         bigint NOT NULL REFERENCES orgs (id),
  kinds          text[] NOT NULL CHECK (cardinality(kinds) > 0 AND kinds <@ ARRAY['speaker', 'technician']::text[]),
  title          text NOT NULL DEFAULT '',
  honours        text[] NOT NULL DEFAULT '{}',
  skills         text[] NOT NULL DEFAULT '{}',
  regions        text[] NOT NULL DEFAULT '{}',
  bio            text NOT NULL DEFAULT '',
  team_id        bigint REFERENCES teams (id),
  team_role      text CHECK (team_role IN ('captain', 'liaison', 'member')),
  status         text NOT NULL DEFAULT 'approved' CHECK (status IN ('applied', 'approved', 'rejected', 'suspended')),
  -- Running totals kept by the order machinery (later issues); read by the menu pages.
  rating_sum     integer NOT NULL DEFAULT 0,
  rating_count   integer NOT NULL DEFAULT 0,
  orders_done    integer NOT NULL DEFAULT 0,
  service_minutes integer NOT NULL DEFAULT 0,
  CHECK ((team_id IS NULL) = (team_role IS NULL))
);
CREATE INDEX volunteers_team_idx ON volunteers (team_id);
CREATE INDEX volunteers_kinds_idx ON volunteers USING gin (kinds);
CREATE INDEX volunteers_skills_idx ON volunteers USING gin (skills);

-- Weekly availability in Asia/Shanghai wall-clock time; weekday 1 = Monday … 7 = Sunday.
CREATE TABLE volunteer_windows (
  volunteer_id bigint NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  weekday      smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute   smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  CHECK (end_minute > start_minute),
  PRIMARY KEY (volunteer_id, weekday, start_minute)
);

-- Whole days (Asia/Shanghai) a volunteer is not available.
CREATE TABLE volunteer_blocked_days (
  volunteer_id bigint NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  day          date NOT NULL,
  PRIMARY KEY (volunteer_id, day)
);

CREATE TABLE categories (
  id    text PRIMARY KEY,
  name  text NOT NULL UNIQUE,
  sort  smallint NOT NULL
);

CREATE TABLE topics (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title        text NOT NULL,
  summary      text NOT NULL DEFAULT '',
  category_id  text NOT NULL REFERENCES categories (id),
  durations    smallint[] NOT NULL CHECK (cardinality(durations) > 0),
  audience     text NOT NULL DEFAULT '',
  venue_types  text[] NOT NULL DEFAULT '{}',
  org_id       bigint NOT NULL REFERENCES orgs (id),
  active       boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX topics_category_idx ON topics (category_id, id) WHERE active;

CREATE TABLE topic_volunteers (
  topic_id     bigint NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  volunteer_id bigint NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  PRIMARY KEY (topic_id, volunteer_id)
);
CREATE INDEX topic_volunteers_volunteer_idx ON topic_volunteers (volunteer_id);

CREATE TABLE services (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title        text NOT NULL,
  summary      text NOT NULL DEFAULT '',
  field        text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('tackle', 'help', 'training', 'collab')),
  mode         text NOT NULL CHECK (mode IN ('onsite', 'remote', 'both')),
  team_id      bigint REFERENCES teams (id),
  org_id       bigint NOT NULL REFERENCES orgs (id),
  active       boolean NOT NULL DEFAULT true
);
CREATE INDEX services_team_idx ON services (team_id);
CREATE INDEX services_field_idx ON services (field);

CREATE TABLE service_volunteers (
  service_id   bigint NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  volunteer_id bigint NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  PRIMARY KEY (service_id, volunteer_id)
);
CREATE INDEX service_volunteers_volunteer_idx ON service_volunteers (volunteer_id);
