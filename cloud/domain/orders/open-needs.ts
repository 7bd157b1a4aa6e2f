import { sql, type Transaction } from 'kysely';
import { rateLimited, type OrderStatus } from '../../contract';
import type { DB } from '../../db/schema';

/** A need is open until it is done with: served, cancelled or closed. */
const OPEN: OrderStatus[] = ['pending', 'accepted', 'in_progress', 'expired', 'declined'];

/**
 * A cap on one requester's open needs: each new need tells up to 30 technicians, so a flood of
 * them buries everyone else's. A real enterprise with this many open problems calls the union.
 *
 * Runs in the transaction that inserts the need, after a lock per requester: counted outside it,
 * 20 needs sent at once all saw fewer than the cap and all went in (PostgreSQL). The lock is an
 * advisory one, held to the end of the transaction, so it blocks nothing but this same check.
 */
export async function checkOpenNeeds(trx: Transaction<DB>, requesterId: string, requestId: string, max: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`open-needs:${requesterId}`}, 0))`.execute(trx);
  const { n } = await trx
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
