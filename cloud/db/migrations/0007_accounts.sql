-- Real accounts: profiles, enterprise applications (vouched for by an admin), one-time admin
-- invitations, the record of every role granted or taken back, sessions that can be ended, and
-- the desktop console's login by scanning a QR code. PostgreSQL 15 features only.

-- The profile a first-time WeChat user completes (name, phone and org_id exist since 0001).
ALTER TABLE users ADD COLUMN avatar_url text;
-- Bumped when a role is taken back or the user logs out everywhere: every session token carries
-- the version it was issued at, and an older one is refused.
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
CREATE INDEX users_org_idx ON users (org_id);

-- 企业联系人: a user applies with the company and its 统一社会信用代码; an admin of the org reviews.
CREATE TABLE enterprise_applications (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  company      text NOT NULL CHECK (length(company) BETWEEN 2 AND 60),
  -- GB 32100: 18 characters of 0-9 and A-Y without I, O, S, V, Z; the check character is verified in code.
  credit_code  text NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  org_id       bigint NOT NULL REFERENCES orgs (id),
  address      text,
  status       text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'approved', 'rejected')),
  reason       text,
  reviewed_by  bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  reviewed_at  timestamptz,
  CHECK ((status = 'applied') = (reviewed_at IS NULL))
);
-- One application under review per user: a double tap or two phones cannot file two.
CREATE UNIQUE INDEX enterprise_applications_open_idx ON enterprise_applications (user_id) WHERE status = 'applied';
CREATE INDEX enterprise_applications_org_idx ON enterprise_applications (org_id, status, created_at);
CREATE INDEX enterprise_applications_user_idx ON enterprise_applications (user_id, id DESC);

-- Admins are invited, never self-made. Only the code's SHA-256 is kept: whoever reads the table
-- cannot accept an invitation with it.
CREATE TABLE admin_invites (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code_hash    text NOT NULL UNIQUE,
  org_id       bigint NOT NULL REFERENCES orgs (id),
  -- NULL: printed by the server's command line (the very first admin).
  created_by   bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  used_by      bigint REFERENCES users (id),
  used_at      timestamptz,
  CHECK (expires_at > created_at),
  CHECK ((used_by IS NULL) = (used_at IS NULL))
);
CREATE INDEX admin_invites_org_idx ON admin_invites (org_id, created_at DESC);

-- Every role granted or taken back: who, whom, what role, for which org, when, and how.
CREATE TABLE role_grants (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id),
  -- The admin who granted (approved, invited) or revoked; NULL for the command line's invitation.
  by_user_id   bigint REFERENCES users (id),
  role         text NOT NULL CHECK (role IN ('enterprise', 'volunteer', 'admin')),
  org_id       bigint REFERENCES orgs (id),
  change       text NOT NULL CHECK (change IN ('granted', 'revoked')),
  via          text NOT NULL CHECK (via IN ('invite', 'enterprise', 'volunteer', 'revoke')),
  at           timestamptz NOT NULL
);
CREATE INDEX role_grants_org_idx ON role_grants (org_id, at DESC);
CREATE INDEX role_grants_user_idx ON role_grants (user_id, at DESC);

-- Desktop console login: the browser shows a ticket as a QR code, an admin confirms it in the
-- mini-program, the browser collects a session token once. Only the ticket's hash is kept.
CREATE TABLE login_tickets (
  ticket_hash  text PRIMARY KEY,
  status       text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'scanned', 'confirmed', 'collected')),
  -- A rough description of the browser that asked (shown on the phone before confirming).
  browser      text NOT NULL DEFAULT '',
  user_id      bigint REFERENCES users (id),
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  scanned_at   timestamptz,
  confirmed_at timestamptz,
  collected_at timestamptz,
  CHECK ((status IN ('confirmed', 'collected')) = (user_id IS NOT NULL AND confirmed_at IS NOT NULL))
);
CREATE INDEX login_tickets_expires_idx ON login_tickets (expires_at);
