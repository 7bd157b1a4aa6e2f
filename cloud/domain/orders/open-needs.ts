import type { Kysely } from 'kysely';
import { rateLimited, type OrderStatus } from '../../contract';
import type { DB } from '../../db/schema';

/** A need is open until it is done with: served, cancelled or closed. */
const OPEN: OrderStatus[] = ['pending', 'accepted', 'in_progress', 'expired', 'declined'];

/**
 * A cap on one requester's open needs: each new need tells up to 30 technicians, so a flood of
 * them buries everyone else's. A real enterprise with this many open problems calls the union.
 */
export async function checkOpenNeeds(db: Kysely<DB>, requesterId: string, requestId: string, max: number): Promise<void> {
  const { n } = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('requester_id', '=', requesterId)
    .where('kind', '=', 'need')
    .where('status', 'in', OPEN)
    // A retried submit of a need already made is answered with that need, not refused.
    .where('request_id', '!=', requestId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= max) {
    throw rateLimited(`您已有 ${max} 条未完成的求助，请等已有求助处理后再发布，或联系工会`);
  }
}
