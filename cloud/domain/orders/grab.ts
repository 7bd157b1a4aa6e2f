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

export const BUSY = '您在该时段已有其他订单';
const TAKEN = '已被其他志愿者接单';

type Open = OrderRow & { eligible: boolean };

/**
 * Whether this volunteer may take the order, and, only while it is open, its row with the names
 * its messages show, in one read. A tap on a need already taken (most taps in a rush) gets the
 * row's columns as nulls (status null: taken), so neither the row nor its names are read for it.
 * Scalar subqueries plan faster than orderQuery's six joins; the grabber is named from the actor.
 */
async function readForGrab(db: Kysely<DB>, id: string, v: PoolVolunteer, actor: CheckedActor): Promise<(Open & { caller_current: boolean }) | undefined> {
  const r = await sql<Open & { caller_current: boolean }>`SELECT f.*, ${eligibleFor(v, 'o')} AS eligible, ${callerGuard(db, actor)} AS caller_current
    FROM orders o LEFT JOIN LATERAL (
      SELECT o.*, lower(o.during) AS start_at, upper(o.during) AS end_at, ru.name AS requester_name, ru.company AS requester_company,
        (SELECT title FROM topics WHERE id = o.topic_id) AS topic_title,
        (SELECT title FROM services WHERE id = o.service_id) AS service_title,
        (SELECT name FROM teams WHERE id = o.team_id) AS team_name
      FROM users ru WHERE ru.id = o.requester_id AND o.status = 'pending' AND o.volunteer_id IS NULL
    ) f ON true
    WHERE o.id = ${id}::bigint ${PREPARED}`.execute(db);
  return r.rows[0];
}

type Peek = Pick<OrderRow, 'status' | 'volunteer_id'> & { eligible: boolean; caller_current: boolean };

/** After a lost update: whether the order is still open to this volunteer, and nothing else. */
async function peekForGrab(db: Kysely<DB>, id: string, v: PoolVolunteer, actor: CheckedActor): Promise<Peek | undefined> {
  const r = await sql<Peek>`SELECT o.status, o.volunteer_id, ${eligibleFor(v, 'o')} AS eligible, ${callerGuard(db, actor)} AS caller_current
    FROM orders o WHERE o.id = ${id}::bigint ${PREPARED}`.execute(db);
  return r.rows[0];
}

const refusal = (row: Pick<Open, 'status' | 'volunteer_id' | 'eligible'> | undefined): AppError | null =>
  !row ? hiddenOrder() : !row.eligible ? forbidden('您不在该订单的接单范围内') : row.status !== 'pending' || row.volunteer_id ? conflict(TAKEN) : null;

/**
 * Take an open order from the pool. Exactly one volunteer wins however many tap at once: one
 * guarded UPDATE decides (row lock + WHERE re-check: still open, still at the time read, still
 * eligible), and the exclusion constraint checks the winner's own calendar (grabs of one
 * volunteer at the same hours queue on `calendarLock` first, so that check meets only committed
 * rows). The update, its timeline entry and the requester's messages are one statement; a tap on
 * an order already taken is answered from one read that skips its row. Losers get CONFLICT with a
 * message.
 */
export async function grabOrder(db: Kysely<DB>, now: Date, actor: CheckedActor, v: PoolVolunteer, id: string): Promise<Order> {
  // Up to four tries: a deadlock victim (see below) or a need moved to another time goes again.
  for (let attempt = 1; attempt <= 4; attempt++) {
    const last = attempt === 4;
    const row = await readForGrab(db, id, v, actor);
    refuseStaleCaller(row?.caller_current);
    const refused = refusal(row);
    if (refused || !row) throw judgedOnCurrentCaller(refused);
    const { eligible: _eligible, caller_current: _current, ...read } = row;
    const won: OrderRow = {
      ...read, volunteer_id: v.id, status: 'accepted', accepted_at: now, updated_at: now,
      volunteer_user_id: actor.userId, volunteer_name: actor.name,
    };
    let written: { id: string } | null;
    try {
      written = await writeOrderChange(db, {
        orderId: id,
        write: sql`UPDATE orders SET volunteer_id = ${v.id}::bigint, status = 'accepted', accepted_at = ${now.toISOString()}::timestamptz,
            updated_at = ${now.toISOString()}::timestamptz
          WHERE id = ${id}::bigint AND status = 'pending' AND volunteer_id IS NULL AND during = ${row.during}::tstzrange
            AND ${eligibleFor(v, 'orders')} AND ${callerGuard(db, actor)} AND ${calendarLock(v.id, row.during)}
          RETURNING id`,
        events: [{ at: now, from: 'pending', to: 'accepted', by: actor.userId, note: `${actor.name} 抢单成功` }],
        ...planDelivery(won, [messages.accepted(won)]),
        now,
        returning: 'id',
      });
    } catch (err) {
      // One volunteer's grabs at the same hours queue on its calendar locks, so same-time needs
      // no longer deadlock in the slot check; should a deadlock still happen, the victim tries
      // again (else a need every racer tapped could stay open with nobody holding it).
      if ((err as { code?: string }).code === '40P01' && !last) continue;
      throw asSlotConflict(err, BUSY);
    }
    if (written) {
      // The row as the update left it: read just before, with the fields it set.
      return toOrder(won, await relationTo(db, won, actor), now);
    }
    // Lost: taken meanwhile (the usual case), or moved to another time (then try once more).
    const again = await peekForGrab(db, id, v, actor);
    refuseStaleCaller(again?.caller_current);
    const lost = refusal(again);
    if (lost) throw judgedOnCurrentCaller(lost);
  }
  throw conflict(TAKEN);
}
