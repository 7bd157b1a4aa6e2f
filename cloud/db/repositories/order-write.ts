import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { PREPARED } from '../prepared';
import type { DB, OrdersTable } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The write path of an order in one statement (issue 14). An order change used to be ten round
 * trips: BEGIN, the insert or guarded update, the timeline entry, a re-read with names, the
 * outbox, the inbox, COMMIT. Here the change, its timeline entries, its subscribe messages and its
 * inbox messages are data-modifying CTEs of one statement, which PostgreSQL runs atomically (and
 * checks the foreign keys and the exclusion constraint at its end, as before). Everything the
 * messages say is worked out before, from the row as it will be: the order id comes from a block
 * reserved ahead (`reserveOrderId`), the names from what the caller already read.
 */

/** One timeline entry of the change; the first one names the change for the outbox (`e<id>`). */
export interface EventDraft {
  at: Date;
  from: string | null;
  to: string;
  by: string | null;
  note: string;
}

/** A subscribe message to queue (its event key is the change's first timeline entry). */
export interface OutboxDraft {
  userId: string;
  kind: string;
  payload: unknown;
}

/** An inbox message; one marked `push` is written only if its subscribe message was queued. */
export interface InboxDraft {
  userId: string;
  title: string;
  body: string;
  push: boolean;
}

export interface OrderChange {
  orderId: string;
  /** The CTE body that writes the order and RETURNING * it (an INSERT or a guarded UPDATE). */
  write: RawBuilder<unknown>;
  events: EventDraft[];
  outbox: OutboxDraft[];
  inbox: InboxDraft[];
  now: Date;
  /**
   * `id`: the caller knows the row as written (a new order's draft, a grab's row read with its
   * new fields), so the statement answers only its id and nobody parses fifty columns back.
   * `row` (default): the write's whole row, for changes whose values the database works out.
   */
  returning?: 'row' | 'id';
  /**
   * The statement's answer in place of the written row: a SELECT that may read `o` (empty when
   * nothing was written) and the tables as they were when the statement began. A grab answers
   * why it lost from it, without another read.
   */
  answer?: RawBuilder<unknown>;
}

export type WrittenOrder = Selectable<OrdersTable> & { start_at: Date; end_at: Date };

/**
 * Runs the change. Answers the order as written, or null when the write matched nothing (the
 * guard refused, or ON CONFLICT did nothing); then nothing else was written either.
 */
export async function writeOrderChange<A>(db: Db, c: OrderChange & { answer: RawBuilder<A> }): Promise<A | null>;
export async function writeOrderChange(db: Db, c: OrderChange & { returning: 'id' }): Promise<{ id: string } | null>;
export async function writeOrderChange(db: Db, c: OrderChange): Promise<WrittenOrder | null>;
export async function writeOrderChange(db: Db, c: OrderChange): Promise<unknown> {
  const events = c.events.map((e, seq) => ({ seq, at: e.at.toISOString(), from_status: e.from, to_status: e.to, by_user_id: e.by, note: e.note }));
  // Sorted like queueRows: two changes queueing the same rows wait for each other, never deadlock.
  const outbox = [...c.outbox].sort((a, b) => a.userId.localeCompare(b.userId)).map((m) => ({ user_id: m.userId, kind: m.kind, payload: m.payload }));
  const inbox = c.inbox.map((m) => ({ user_id: m.userId, title: m.title, body: m.body, push: m.push }));
  const now = c.now.toISOString();
  const r = await sql`
    WITH o AS (${c.write}),
    e AS (
      INSERT INTO order_events (order_id, at, from_status, to_status, by_user_id, note)
      SELECT o.id, r.at, r.from_status, r.to_status, r.by_user_id, r.note
      FROM o, jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
        AS r(seq int, at timestamptz, from_status text, to_status text, by_user_id bigint, note text)
      ORDER BY r.seq
      RETURNING id
    ),
    x AS (
      INSERT INTO outbox (order_id, event, user_id, kind, payload, next_attempt_at, created_at)
      SELECT o.id, 'e' || (SELECT min(id) FROM e), r.user_id, r.kind, r.payload, ${now}::timestamptz, ${now}::timestamptz
      FROM o, jsonb_to_recordset(${JSON.stringify(outbox)}::jsonb) AS r(user_id bigint, kind text, payload jsonb)
      ON CONFLICT (order_id, event, user_id, channel) DO NOTHING
      RETURNING user_id
    ),
    m AS (
      INSERT INTO inbox_messages (user_id, order_id, title, body, created_at)
      SELECT r.user_id, o.id, r.title, r.body, ${now}::timestamptz
      FROM o, jsonb_to_recordset(${JSON.stringify(inbox)}::jsonb) AS r(user_id bigint, title text, body text, push boolean)
      WHERE NOT r.push OR r.user_id IN (SELECT user_id FROM x)
    )
    ${c.answer ?? sql`SELECT ${c.returning === 'id' ? sql`o.id` : sql`o.*, lower(o.during) AS start_at, upper(o.during) AS end_at`} FROM o`} ${PREPARED}`.execute(db);
  return r.rows[0] ?? null;
}

/**
 * `INSERT INTO orders` of one row given as column → value (JSON-typed by the table's row type),
 * answering its id (the caller has the row). Only a retried submit (same requester and request
 * id) is let pass as "nothing written"; a taken slot raises the exclusion violation (23P01), so a
 * lost race costs no further query.
 */
export function insertOrderRow(values: Record<string, unknown>, guard: RawBuilder<unknown> = sql`true`): RawBuilder<unknown> {
  const cols = sql.raw(Object.keys(values).map((k) => `"${k}"`).join(', '));
  return sql`INSERT INTO orders (${cols}) OVERRIDING SYSTEM VALUE
    SELECT ${cols} FROM jsonb_populate_record(null::orders, ${JSON.stringify(values)}::jsonb) WHERE ${guard}
    ON CONFLICT (requester_id, request_id) DO NOTHING
    RETURNING id`;
}

/**
 * Writes that put an order on a volunteer's calendar wait for each other where they could
 * overlap, on transaction locks the statement takes before it writes: one per hour of the order's
 * time for that volunteer (two overlapping orders share an hour). Why: two uncommitted rows of one
 * volunteer at overlapping times each wait for the other in the exclusion check, which PostgreSQL
 * ends as a deadlock only after deadlock_timeout (1 s) — 50 racers for one speaker took minutes
 * under load, and grabs retrying as victims left needs nobody held. Queued, each write meets only
 * committed rows and fails at once (23P01) or wins; writes at other hours do not wait.
 *
 * The keys are (volunteer id << 20) + hours since 1970, taken in ascending order by every writer,
 * so two writers never hold each other's next lock. 2^20 hours reach past 2089.
 */
export const calendarLock = (volunteerId: string, during: string) =>
  sql<boolean>`(SELECT count(pg_advisory_xact_lock((${volunteerId}::bigint << 20) + h))
    FROM generate_series(floor(extract(epoch FROM lower(${during}::tstzrange)) / 3600)::bigint,
                         ceil(extract(epoch FROM upper(${during}::tstzrange)) / 3600)::bigint - 1) AS h) > 0`;

/** True while the menu is still at `version` (null: no version to check). */
export const menuStillAt = (version: string | null) =>
  version === null ? sql`true` : sql`EXISTS (SELECT 1 FROM catalog_version WHERE version = ${version}::bigint)`;

const ID_BLOCK = 16;
const reserved = new WeakMap<Db, { ids: string[]; refill: Promise<void> | null }>();

/**
 * An order id taken from the sequence ahead of the insert, so that the messages the insert writes
 * can name the order. Ids come in blocks of 16 per database handle: one round trip per 16 orders.
 * Ids are unique as before but, across processes, no longer in creation order (lists sort by time).
 */
export async function reserveOrderId(db: Kysely<DB>): Promise<string> {
  let pool = reserved.get(db);
  if (!pool) reserved.set(db, (pool = { ids: [], refill: null }));
  while (!pool.ids.length) {
    const p = pool;
    p.refill ??= sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orders', 'id'))::text AS id FROM generate_series(1, ${ID_BLOCK})`
      .execute(db)
      .then((r) => void p.ids.push(...r.rows.map((x) => x.id)))
      .finally(() => (p.refill = null));
    await p.refill;
  }
  return pool.ids.shift()!;
}
