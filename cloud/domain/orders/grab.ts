import { sql, type Kysely } from 'kysely';
import { AppError, conflict, forbidden, type Order } from '../../contract';
import { PREPARED } from '../../db/prepared';
import { eligibleFor, type OrderRow, type PoolVolunteer } from '../../db/repositories/orders';
import { calendarLock, writeOrderChange } from '../../db/repositories/order-write';
import type { DB } from '../../db/schema';
import { planDelivery } from '../notify/outbox';
import { toOrder } from './mapper';
import { messages } from './notify';
import { callerGuard, judgedOnCurrentCaller, refuseStaleCaller, type CheckedActor } from './current-caller';
import { asSlotConflict, hiddenOrder, relationTo } from './transition';
import { rushMemoryOf, type RushMemory } from './rush';

export const BUSY = '您在该时段已有其他订单';
const TAKEN = '已被其他志愿者接单';

type Open = OrderRow & { eligible: boolean };

/** An open order as read for a grab: with the row version and the names its messages show. */
type GrabRow = OrderRow & { row_version: string; names_digest: string };

/** A digest of the names an order's messages show (requester, topic, service, team), read from `t`'s row. */
const namesDigest = (t: string) => {
  const c = (col: string) => sql.ref(`${t}.${col}`);
  return sql<string>`md5(row((SELECT row(name, company) FROM users WHERE id = ${c('requester_id')}),
    (SELECT title FROM topics WHERE id = ${c('topic_id')}), (SELECT title FROM services WHERE id = ${c('service_id')}),
    (SELECT name FROM teams WHERE id = ${c('team_id')}))::text)`;
};

type Read = Pick<Open, 'status' | 'volunteer_id' | 'eligible'> & Partial<GrabRow> & { caller_current: boolean };

/**
 * Whether this volunteer may take the order, and, only while it is open, its row with the names
 * its messages show, in one read. A tap on a need already taken gets the row's columns as nulls
 * (status null: taken), so neither the row nor its names are read for it. Scalar subqueries plan
 * faster than orderQuery's six joins; the grabber is named from the actor.
 */
async function readForGrab(db: Kysely<DB>, id: string, v: PoolVolunteer, actor: CheckedActor): Promise<Read | undefined> {
  const r = await sql<Read>`SELECT f.*, ${eligibleFor(v, 'o')} AS eligible, ${callerGuard(db, actor)} AS caller_current
    FROM orders o LEFT JOIN LATERAL (
      SELECT o.*, o.xmin::text AS row_version, ${namesDigest('o')} AS names_digest,
        lower(o.during) AS start_at, upper(o.during) AS end_at, ru.name AS requester_name, ru.company AS requester_company,
        (SELECT title FROM topics WHERE id = o.topic_id) AS topic_title,
        (SELECT title FROM services WHERE id = o.service_id) AS service_title,
        (SELECT name FROM teams WHERE id = o.team_id) AS team_name
      FROM users ru WHERE ru.id = o.requester_id AND o.status = 'pending' AND o.volunteer_id IS NULL
    ) f ON true
    WHERE o.id = ${id}::bigint ${PREPARED}`.execute(db);
  return r.rows[0];
}

type Peek = Pick<OrderRow, 'status' | 'volunteer_id'> & { eligible: boolean; caller_current: boolean };

/** Whether the order is still open to this volunteer, and nothing else. */
async function peekForGrab(db: Kysely<DB>, id: string, v: PoolVolunteer, actor: CheckedActor): Promise<Peek | undefined> {
  const r = await sql<Peek>`SELECT o.status, o.volunteer_id, ${eligibleFor(v, 'o')} AS eligible, ${callerGuard(db, actor)} AS caller_current
    FROM orders o WHERE o.id = ${id}::bigint ${PREPARED}`.execute(db);
  return r.rows[0];
}

const refusal = (row: Pick<Open, 'status' | 'volunteer_id' | 'eligible'> | undefined): AppError | null =>
  !row ? hiddenOrder() : !row.eligible ? forbidden('您不在该订单的接单范围内') : row.status !== 'pending' || row.volunteer_id ? conflict(TAKEN) : null;

/** Throws the refusal a read or answer of the order gives this caller, if any. */
function judge(row: (Pick<Open, 'status' | 'volunteer_id' | 'eligible'> & { caller_current: boolean }) | undefined) {
  refuseStaleCaller(row?.caller_current);
  const refused = refusal(row);
  if (refused) throw judgedOnCurrentCaller(refused);
}

/**
 * Why a write matched nothing, from the same statement: the order as the statement found it
 * (status, eligibility, caller: a refusal stands on these), and, when that was still open, the
 * order as it is now (`status_now`). FOR SHARE waits for the writer that got there first and
 * gives its version of the row; a plain read would give the one from before it.
 */
type Lost = Peek & { id: string | null; status_now: string | null; volunteer_now: string | null };
const lostAnswer = (id: string, v: PoolVolunteer, actor: CheckedActor, db: Kysely<DB>) =>
  sql<Lost>`SELECT (SELECT id FROM o) AS id, s.status, s.volunteer_id, ${eligibleFor(v, 's')} AS eligible, ${callerGuard(db, actor)} AS caller_current,
      later.status AS status_now, later.volunteer_id AS volunteer_now
    FROM orders s LEFT JOIN LATERAL (
      SELECT l.status, l.volunteer_id FROM orders l
      WHERE l.id = s.id AND NOT EXISTS (SELECT 1 FROM o) AND s.status = 'pending' AND s.volunteer_id IS NULL FOR SHARE
    ) later ON true
    WHERE s.id = ${id}::bigint`;

/**
 * The order's row with its names for this tap: from the rush memory while open there, else read.
 * Throws this caller's refusal when the order is closed.
 */
async function openRow(db: Kysely<DB>, memory: RushMemory<GrabRow>, id: string, v: PoolVolunteer, actor: CheckedActor): Promise<GrabRow> {
  const known = memory.get(id);
  if (known && 'open' in known) return known.open;
  if (known) {
    // Seen taken: a peek answers; a need open again (released, reopened) is read afresh.
    judge(await peekForGrab(db, id, v, actor));
    memory.forget(id);
  }
  const read = await readForGrab(db, id, v, actor);
  // Remembered without what was judged for this caller: the next tap may be another volunteer's.
  const { eligible: _eligible, caller_current: _current, ...row } = read ?? {};
  if (read?.row_version) memory.open(id, row as GrabRow);
  else if (read) memory.closed(id);
  judge(read);
  return row as GrabRow;
}

/**
 * Take an open order from the pool. Exactly one volunteer wins however many tap at once: one
 * guarded UPDATE decides (row lock + WHERE re-check: still open, still the row version and names
 * read, still eligible), and the exclusion constraint checks the winner's own calendar (grabs of
 * one volunteer at the same hours queue on `calendarLock` first, so that check meets only
 * committed rows). The update, its timeline entry and the requester's messages are one statement,
 * which also says why it lost; the order's row comes from one read, or from the rush memory when
 * this process read it a moment ago (where taps on one order take turns, so a rush's losers are
 * answered by a peek). Losers get CONFLICT with a message.
 */
export function grabOrder(db: Kysely<DB>, now: Date, actor: CheckedActor, v: PoolVolunteer, id: string): Promise<Order> {
  const memory = rushMemoryOf<GrabRow>(db);
  return memory.inTurn(id, () => tryGrab(db, memory, now, actor, v, id));
}

async function tryGrab(db: Kysely<DB>, memory: RushMemory<GrabRow>, now: Date, actor: CheckedActor, v: PoolVolunteer, id: string): Promise<Order> {
  // Up to four tries: a deadlock victim (see below), or a row changed since it was read, goes again.
  for (let attempt = 1; attempt <= 4; attempt++) {
    const last = attempt === 4;
    const row = await openRow(db, memory, id, v, actor);
    const { row_version: version, names_digest: digest, ...read } = row;
    const won: OrderRow = {
      ...read, volunteer_id: v.id, status: 'accepted', accepted_at: now, updated_at: now,
      volunteer_user_id: actor.userId, volunteer_name: actor.name,
    };
    let answer: Lost | null;
    try {
      answer = await writeOrderChange(db, {
        orderId: id,
        write: sql`UPDATE orders SET volunteer_id = ${v.id}::bigint, status = 'accepted', accepted_at = ${now.toISOString()}::timestamptz,
            updated_at = ${now.toISOString()}::timestamptz
          WHERE id = ${id}::bigint AND status = 'pending' AND volunteer_id IS NULL AND xmin = ${version}::xid
            AND ${eligibleFor(v, 'orders')} AND ${callerGuard(db, actor)} AND ${namesDigest('orders')} = ${digest}
            AND ${calendarLock(v.id, row.during)}
          RETURNING id`,
        events: [{ at: now, from: 'pending', to: 'accepted', by: actor.userId, note: `${actor.name} 抢单成功` }],
        ...planDelivery(won, [messages.accepted(won)]),
        now,
        answer: lostAnswer(id, v, actor, db),
      });
    } catch (err) {
      // One volunteer's grabs at the same hours queue on its calendar locks, so same-time needs
      // no longer deadlock in the slot check; should a deadlock still happen, the victim tries
      // again (else a need every racer tapped could stay open with nobody holding it).
      if ((err as { code?: string }).code === '40P01' && !last) continue;
      throw asSlotConflict(err, BUSY);
    }
    if (answer?.id) {
      memory.closed(id);
      // The row as the update left it: read before, with the fields it set.
      return toOrder(won, await relationTo(db, won, actor), now);
    }
    // Lost. A refusal on the order as the statement found it stands (taken before, not eligible).
    if (refusal(answer ?? undefined)?.code === 'CONFLICT') memory.closed(id);
    judge(answer ?? undefined);
    // It was open then: taken (or closed) by a write that got there first...
    if (answer!.status_now !== 'pending' || answer!.volunteer_now) {
      memory.closed(id);
      throw judgedOnCurrentCaller(conflict(TAKEN));
    }
    // ...or still open, but changed since it was read (a name, its time): read it again.
    memory.forget(id);
  }
  throw conflict(TAKEN);
}
