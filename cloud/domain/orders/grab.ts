import { sql, type Kysely } from 'kysely';
import { AppError, conflict, forbidden, type Order } from '../../contract';
import { eligibleFor, type OrderRow, type PoolVolunteer } from '../../db/repositories/orders';
import { menuStillAt, writeOrderChange, type WrittenOrder } from '../../db/repositories/order-write';
import type { DB } from '../../db/schema';
import { catalogVersion, forgetMenu, menuSnapshot, type MenuSnapshot } from '../catalog/cache';
import { planDelivery } from '../notify/outbox';
import { toOrder } from './mapper';
import { messages } from './notify';
import { asSlotConflict, hiddenOrder, relationTo, type FullActor } from './transition';

export const BUSY = '您在该时段已有其他订单';
const TAKEN = '已被其他志愿者接单';

type Names = Pick<OrderRow, 'requester_name' | 'requester_company' | 'topic_title' | 'service_title' | 'team_name'>;

/**
 * The names an order's messages show, from the menu snapshot: names, companies and titles are all
 * menu data (their edits bump the menu version), so the write that uses them checks the version.
 */
function namesOf(db: Kysely<DB>, menu: MenuSnapshot, o: Pick<OrderRow, 'requester_id' | 'topic_id' | 'service_id' | 'team_id'>): Promise<Names | undefined> {
  return menu.read(`w:names:${o.requester_id}:${o.topic_id}:${o.service_id}:${o.team_id}`, async () => {
    const r = await sql<Names>`SELECT u.name AS requester_name, u.company AS requester_company,
        (SELECT title FROM topics WHERE id = ${o.topic_id}::bigint) AS topic_title,
        (SELECT title FROM services WHERE id = ${o.service_id}::bigint) AS service_title,
        (SELECT name FROM teams WHERE id = ${o.team_id}::bigint) AS team_name
      FROM users u WHERE u.id = ${o.requester_id}::bigint`.execute(db);
    return r.rows[0];
  });
}

type Open = WrittenOrder & { eligible: boolean };

/** The order's own row (no joins) and whether this volunteer may take it. */
async function readForGrab(db: Kysely<DB>, id: string, v: PoolVolunteer): Promise<Open | undefined> {
  const r = await sql<Open>`SELECT orders.*, lower(during) AS start_at, upper(during) AS end_at, ${eligibleFor(v, 'orders')} AS eligible
    FROM orders WHERE id = ${id}::bigint`.execute(db);
  return r.rows[0];
}

const refusal = (row: Open | undefined): AppError | null =>
  !row ? hiddenOrder() : !row.eligible ? forbidden('您不在该订单的接单范围内') : row.status !== 'pending' || row.volunteer_id ? conflict(TAKEN) : null;

/**
 * Take an open order from the pool. Exactly one volunteer wins however many tap at once: one
 * guarded UPDATE decides (row lock + WHERE re-check: still open, still at the time read, still
 * eligible, menu unchanged), and the exclusion constraint checks the winner's own calendar. The
 * update, its timeline entry and the requester's messages are one statement; a tap on an order
 * already taken is answered from one read of the order. Losers get CONFLICT with a message.
 */
export async function grabOrder(db: Kysely<DB>, now: Date, actor: FullActor, v: PoolVolunteer, id: string): Promise<Order> {
  for (const fresh of [false, true]) {
    const row = await readForGrab(db, id, v);
    const refused = refusal(row);
    if (refused || !row) throw refused;
    const menu = menuSnapshot(db, { fresh });
    const names = await namesOf(db, menu, row);
    if (!names) throw hiddenOrder();
    const won: OrderRow = {
      ...row, ...names, volunteer_id: v.id, status: 'accepted', accepted_at: now, updated_at: now,
      volunteer_user_id: actor.userId, volunteer_name: actor.name,
    };
    let written: WrittenOrder | null;
    try {
      written = await writeOrderChange(db, {
        orderId: id,
        write: sql`UPDATE orders SET volunteer_id = ${v.id}::bigint, status = 'accepted', accepted_at = ${now.toISOString()}::timestamptz,
            updated_at = ${now.toISOString()}::timestamptz
          WHERE id = ${id}::bigint AND status = 'pending' AND volunteer_id IS NULL AND during = ${row.during}::tstzrange
            AND ${eligibleFor(v, 'orders')} AND ${menuStillAt(menu.version())}
          RETURNING *`,
        events: [{ at: now, from: 'pending', to: 'accepted', by: actor.userId, note: `${actor.name} 抢单成功` }],
        ...planDelivery(won, [messages.accepted(won)]),
        now,
      });
    } catch (err) {
      // A deadlock among volunteers racing for same-time needs: the victim tries once more, or a
      // need every racer tapped could stay open with nobody holding it.
      if ((err as { code?: string }).code === '40P01' && !fresh) continue;
      throw asSlotConflict(err, BUSY);
    }
    if (written) {
      const result = { ...won, ...written };
      return toOrder(result, await relationTo(db, result, actor), now);
    }
    // Lost: taken meanwhile (the usual case), or moved, or the menu changed under the names.
    const lost = refusal(await readForGrab(db, id, v));
    if (lost) throw lost;
    const version = menu.version();
    if (version !== null && (await catalogVersion(db)) !== version) forgetMenu(db);
  }
  throw conflict(TAKEN);
}
