import type { Kysely } from 'kysely';
import { adminsOfOrg } from '../../db/repositories/inbox';
import { expireOverdue, getOrder, insertEvent } from '../../db/repositories/orders';
import { teamMembers } from '../../db/repositories/teams-members';
import type { DB } from '../../db/schema';
import { messages } from './notify';
import { deliver } from '../notify/outbox';
import { SLA_HOURS } from './rules';

/**
 * Marks pending orders past their SLA as expired (escalated to the admin), with a timeline entry
 * and inbox messages for the requester and the org's admins. Run by a timer; idempotent.
 */
export async function escalateOverdue(db: Kysely<DB>, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const expired = await expireOverdue(trx, now, SLA_HOURS);
    const adminsByOrg = new Map<string, string[]>();
    for (const o of expired) {
      const eventId = await insertEvent(trx, { orderId: o.id, at: now, from: 'pending', to: 'expired', by: null, note: `超过 ${SLA_HOURS[o.kind]} 小时无人响应，已转交工会管理员` });
      if (!adminsByOrg.has(o.org_id)) adminsByOrg.set(o.org_id, await adminsOfOrg(trx, o.org_id));
      // The whole row, so each message can name the order and its time.
      const row = (await getOrder(trx, o.id))!;
      const notes = [messages.expired(row), ...adminsByOrg.get(o.org_id)!.map((admin) => messages.escalated(row, admin, '超时未获响应，请派单或协调。'))];
      await deliver(trx, row, notes, now, `e${eventId}`);
    }
    return expired.map((o) => o.id);
  });
}

/** Team orders tell the captain and liaisons at once; the other members after this long. */
export const TEAM_BROADCAST_AFTER_MINUTES = 30;

/** Tells ordinary team members about team orders still open after the leads had their turn. */
export async function broadcastTeamOrders(db: Kysely<DB>, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    // Claimed without waiting: rows another process is broadcasting (or a user is changing) are
    // skipped, and team_broadcast_at marks each order taken by exactly one caller.
    const due = await trx
      .updateTable('orders')
      .set({ team_broadcast_at: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('orders')
          .select('id')
          .where('status', '=', 'pending')
          .where('volunteer_id', 'is', null)
          .where('team_id', 'is not', null)
          .where('team_broadcast_at', 'is', null)
          .where('pending_since', '<', new Date(now.getTime() - TEAM_BROADCAST_AFTER_MINUTES * 60_000))
          .forUpdate()
          .skipLocked(),
      )
      .where('team_broadcast_at', 'is', null)
      .returning(['id', 'team_id'])
      .execute();
    for (const o of due) {
      const row = (await getOrder(trx, o.id))!;
      const members = (await teamMembers(trx, o.team_id!)).filter((m) => m.team_role === 'member');
      // Once per order (team_broadcast_at is set once); the key also holds with two timers at once.
      await deliver(trx, row, members.map((m) => messages.newForTeam(row, m.user_id)), now, `broadcast@${row.pending_since.toISOString()}`);
    }
    return due.map((o) => o.id);
  });
}
