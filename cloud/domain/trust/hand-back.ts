import type { Kysely } from 'kysely';
import { adminsOfOrg } from '../../db/repositories/inbox';
import { techniciansForNeed } from '../../db/repositories/teams-members';
import type { DB } from '../../db/schema';
import { messages } from '../orders/notify';
import { HAND_BACK_RULES } from '../orders/rules';
import { transition, type FullActor, type Step } from '../orders/transition';
import { othersWhoCouldTake } from '../orders/volunteer';

const WHERE_NOTE = { pool: '转入抢单池', team: '交回服务队，队员可接单' } as const;

/**
 * `task.handBack`: the accepted volunteer cannot come. The order leaves them at once (they no
 * longer relate to it, so its phone and address are gone from their view) and goes where someone
 * can still take it: a need to the need pool, a lecture to the topic's other speakers, a service
 * to its team; within `toAdminsWithinHours` of the start, or with nobody else to take it, to the
 * org's admins (declined and escalated: the overdue queue, where they dispatch). The requester is
 * told in the same transaction, the timeline says 交还订单 with the reason, and the hand-back is
 * kept for the volunteer's statistics.
 */
export function handBack(db: Kysely<DB>, now: Date, actor: FullActor, id: string, reason: string) {
  return transition(db, now, actor, id, 'handBack', 'volunteer', async (row, trx): Promise<Step> => {
    const hoursBefore = (row.start_at.getTime() - now.getTime()) / 3600_000;
    const gone = { volunteer_id: null, named: false, accepted_at: null };
    const note = `交还订单：${reason}`;
    const record = (wentTo: 'pool' | 'team' | 'admin') => async (t: typeof trx) => {
      await t
        .insertInto('hand_backs')
        .values({ order_id: id, volunteer_id: actor.volunteerId!, at: now, reason, went_to: wentTo, hours_before: Math.round(hoursBefore * 10) / 10 })
        .execute();
    };

    if (hoursBefore > HAND_BACK_RULES.toAdminsWithinHours) {
      let next: { to: 'pool' | 'team'; userIds: string[]; teamId?: string } | null = null;
      if (row.kind === 'need') {
        const technicians = await techniciansForNeed(trx, row.field ?? '', row.region, 30);
        next = { to: 'pool', userIds: technicians.map((t) => t.user_id).filter((u) => u !== actor.userId) };
      } else {
        const others = await othersWhoCouldTake(trx, row, actor.volunteerId!);
        if (others.userIds.length) next = { to: others.teamId ? 'team' : 'pool', userIds: others.userIds, teamId: others.teamId };
      }
      if (next) {
        const notifyPool = next.userIds.map((u) => (row.kind === 'need' ? messages.newNeed(row, u) : next.teamId ? messages.newForTeam(row, u) : messages.newInPool(row, u)));
        return {
          to: 'declined',
          note,
          patch: gone,
          then: { to: 'pending', note: WHERE_NOTE[next.to], patch: { pending_since: now, escalated_at: null, team_id: next.teamId ?? row.team_id } },
          notify: [messages.handedBack(row, actor.name, reason, next.to), ...notifyPool],
          after: record(next.to),
        };
      }
    }
    const admins = await adminsOfOrg(trx, row.org_id);
    const why = hoursBefore <= HAND_BACK_RULES.toAdminsWithinHours ? `距开始不足 ${HAND_BACK_RULES.toAdminsWithinHours} 小时` : '无其他人可接';
    return {
      to: 'declined',
      note: `${note}（${why}，转交工会管理员）`,
      patch: { ...gone, escalated_at: now },
      notify: [
        messages.handedBack(row, actor.name, reason, 'admin'),
        ...admins.map((a) => messages.escalated(row, a, `${actor.name}交还了订单（${why}），请尽快派单。`)),
      ],
      after: record('admin'),
    };
  });
}

/** How many accepted orders a volunteer handed back (all time). */
export async function handBackCount(db: Kysely<DB>, volunteerId: string): Promise<number> {
  const r = await db.selectFrom('hand_backs').select((eb) => eb.fn.countAll<string>().as('n')).where('volunteer_id', '=', volunteerId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What 我的 adds to a volunteer's totals: hand-backs, and check-ins verified with the requester's code. */
export async function trustStats(db: Kysely<DB>, volunteerId: string): Promise<{ handBacks: number; checkIns: number; verifiedCheckIns: number }> {
  const c = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('id').filterWhere('check_in_verified', '=', true).as('verified')])
    .where('volunteer_id', '=', volunteerId)
    .where('checked_in_at', 'is not', null)
    .where('status', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return { handBacks: await handBackCount(db, volunteerId), checkIns: Number(c.n), verifiedCheckIns: Number(c.verified) };
}
