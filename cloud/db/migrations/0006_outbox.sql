-- Notifications that leave the app (WeChat subscribe messages) go through an outbox.
--
-- A row is written in the same transaction as the change that causes it (next to the inbox
-- message), one per (order, event, recipient, channel): the unique key makes a retried
-- transition, an overlapping timer run or a second server process queue it at most once (they
-- insert with ON CONFLICT DO NOTHING, and only the one that inserted writes the inbox message).
-- `event` names the cause: 'e<order_events.id>' for a transition, 'remind24h@<start>' and the
-- like for the timer's reminders. The sender drains due rows with FOR UPDATE SKIP LOCKED.

CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id        bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  event           text NOT NULL,
  user_id         bigint NOT NULL REFERENCES users (id),
  channel         text NOT NULL DEFAULT 'wechat' CHECK (channel IN ('wechat')),
  -- The template kind: which one-time subscription it spends.
  kind            text NOT NULL CHECK (kind IN ('newOrder', 'orderResult', 'reminder', 'rateRequest')),
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- Why it failed or was skipped (the last WeChat error, "no subscription", "no template"…).
  last_error      text,
  -- What the message says (title, time, names, page), as the change left the order; the template
  -- mapping turns it into the WeChat `data` when it is sent.
  payload         jsonb NOT NULL,
  -- The exact request handed to the transport, and which transport took it ('wechat' or 'local').
  request         jsonb,
  transport       text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  UNIQUE (order_id, event, user_id, channel)
);
-- The sender's queue: due rows oldest first.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE status = 'queued';
-- The console's list, newest first, by status.
CREATE INDEX outbox_status_idx ON outbox (status, id DESC);

-- One-time subscriptions: each acceptance of a one-time template is one message WeChat lets us
-- send; `credits` counts those not yet spent, per user and template kind.
CREATE TABLE subscriptions (
  user_id       bigint NOT NULL REFERENCES users (id),
  kind          text NOT NULL CHECK (kind IN ('newOrder', 'orderResult', 'reminder', 'rateRequest')),
  credits       integer NOT NULL DEFAULT 0 CHECK (credits >= 0),
  accepted_at   timestamptz,
  rejected_at   timestamptz,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
);
