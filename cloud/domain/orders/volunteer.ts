import { sql, type Kysely } from 'kysely';
import { forbidden, type Order, type OrderStatus, type Page, type ServiceRecord, type VolunteerStats } from '../../contract';
import { adminsOfOrg } from '../../db/repositories/inbox';
import { listOrders, listPool, type OrderRow, type PoolFilter, type PoolVolunteer } from '../../db/repositories/orders';
import { teamMembers, volunteerForPool } from '../../db/repositories/teams-members';
import { getTopic } from '../../db/repositories/topics';
import { volunteersByIds } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { toIso } from '../time';
import { pointsFor } from '../rules';
import { toOrder } from './mapper';
import { messages } from './notify';
import { recordTimes } from './record-times';
import { CHECK_IN_WORDS } from '../../contract/check-in-code';
import type { CheckedActor } from './current-caller';
import { transition, type FullActor } from './transition';
import { BUSY, grabOrder } from './grab';

const OUTCOME_NAMES = { resolved: '已解决', partly: '部分解决', unresolved: '未解决' } as const;

function requireVolunteer(actor: FullActor): string {
  if (!actor.volunteerId) throw forbidden('只有志愿者（劳模工匠）可以操作任务');
  return actor.volunteerId;
}

export async function inbox(db: Kysely<DB>, now: Date, actor: FullActor, input: { status?: OrderStatus; page?: number; pageSize?: number }): Promise<Page<Order>> {
  const volunteerId = requireVolunteer(actor);
  const p = pageQuery(input);
  const { rows, total } = await listOrders(db, { volunteerId, status: input.status }, p);
  const rel = { requester: false, volunteer: true, admin: false };
  return { items: rows.map((r) => toOrder(r, rel, now)), total, page: p.page, pageSize: p.pageSize };
}

async function poolVolunteer(db: Kysely<DB>, actor: FullActor): Promise<PoolVolunteer> {
  const volunteerId = requireVolunteer(actor);
  // The actor's row carries the pool fields (read with the caller); read them only if it did not.
  const v = actor.pool !== undefined ? actor.pool : await volunteerForPool(db, volunteerId);
  if (!v) throw forbidden('志愿者资格未通过审核');
  return v;
}

/** Open orders I may grab: the district, no phone or exact address until I have taken one. */
export async function pool(db: Kysely<DB>, now: Date, actor: FullActor, input: PoolFilter & { page?: number; pageSize?: number }): Promise<Page<Order>> {
  const v = await poolVolunteer(db, actor);
  const p = pageQuery(input);
  const { rows, total } = await listPool(db, v, now, input, p);
  const candidate = { requester: false, volunteer: false, admin: false, candidate: true };
  return {
    items: rows.map((r) => ({ ...toOrder(r, candidate, now), actions: ['grab' as const] })),
    total, page: p.page, pageSize: p.pageSize,
  };
}

export function accept(db: Kysely<DB>, now: Date, actor: FullActor, id: string) {
  return transition(db, now, actor, id, 'accept', 'volunteer', (row) => ({
    to: 'accepted',
    note: row.status === 'expired' ? '超时后接单' : '',
    patch: { accepted_at: now, escalated_at: null },
    notify: [messages.accepted({ ...row, volunteer_name: actor.name })],
  }), BUSY);
}

/**
 * Decline with a reason. A lecture goes to the pool of the topic's other speakers, a service to
 * its team's pool; with nobody else to take it, it stays declined and the org's admins are told.
 */
export function decline(db: Kysely<DB>, now: Date, actor: FullActor, id: string, reason: string) {
  return transition(db, now, actor, id, 'decline', 'volunteer', async (row, trx) => {
    const others = await othersWhoCouldTake(trx, row, actor.volunteerId!);
    if (others.userIds.length) {
      return {
        to: 'declined',
        note: reason,
        then: {
          to: 'pending',
          note: others.teamId ? '转入服务队抢单池' : '转入宣讲人抢单池',
          patch: { volunteer_id: null, named: false, pending_since: now, accepted_at: null, team_id: others.teamId ?? row.team_id },
        },
        notify: [messages.declined(row, actor.name, reason, 'pool'), ...others.userIds.map((u) => messages.newInPool(row, u))],
      };
    }
    const admins = await adminsOfOrg(trx, row.org_id);
    return {
      to: 'declined',
      note: reason,
      patch: { escalated_at: now },
      notify: [
        messages.declined(row, actor.name, reason, 'admin'),
        ...admins.map((a) => messages.escalated(row, a, `${actor.name}婉拒且无人可接，请派单。`)),
      ],
    };
  });
}

/** Who else could take a declined order: the topic's other speakers, or the service's team. */
export async function othersWhoCouldTake(trx: Kysely<DB>, row: OrderRow, me: string): Promise<{ userIds: string[]; teamId?: string }> {
  if (row.kind === 'lecture' && row.topic_id) {
    const topic = await getTopic(trx, row.topic_id);
    const others = (topic?.volunteer_ids ?? []).filter((v) => v !== me);
    return { userIds: (await volunteersByIds(trx, others)).map((v) => v.user_id) };
  }
  if (row.kind === 'service' && row.service_id) {
    const teamId = row.team_id ?? (await trx.selectFrom('services').select('team_id').where('id', '=', row.service_id).executeTakeFirst())?.team_id;
    if (!teamId) return { userIds: [] };
    const members = (await teamMembers(trx, teamId)).filter((m) => m.id !== me);
    return { userIds: members.map((m) => m.user_id), teamId };
  }
  return { userIds: [] };
}

/** `verified`: the requester's rotating code was checked first (domain/trust/check-in-code.ts). */
export function checkIn(db: Kysely<DB>, now: Date, actor: FullActor, id: string, location?: { latitude: number; longitude: number; address?: string }, verified = false) {
  return transition(db, now, actor, id, 'checkIn', 'volunteer', (row) => ({
    to: 'in_progress',
    note: `${location?.address ? `签到于 ${location.address}` : '已签到'}（${verified ? CHECK_IN_WORDS.verified : CHECK_IN_WORDS.unverified}）`,
    patch: { checked_in_at: now, check_in_location: location ? JSON.stringify(location) : null, check_in_verified: verified },
    notify: [messages.checkedIn(row)],
  }));
}

/** Points for a completed order (the rule and its words: domain/rules.ts). */
export { pointsFor };

export function complete(db: Kysely<DB>, now: Date, actor: FullActor, id: string, record: ServiceRecord) {
  return transition(db, now, actor, id, 'complete', 'volunteer', (row) => {
    const { actualStart, actualEnd, ...rest } = record;
    const ran = recordTimes(row, now, actualStart, actualEnd);
    const minutes = ran.minutes;
    const full: ServiceRecord = { ...rest, actualStart: toIso(ran.start), actualEnd: toIso(ran.end) };
    return {
      to: 'completed',
      note: `服务 ${record.peopleServed} 人${record.outcome ? `，${OUTCOME_NAMES[record.outcome]}` : ''}：${record.summary.slice(0, 60)}`,
      patch: { completed_at: now, record: JSON.stringify(full), credited_minutes: minutes },
      notify: [messages.completed(row)],
      after: async (trx) => {
        await trx
          .updateTable('volunteers')
          .set({
            service_minutes: sql`service_minutes + ${minutes}`,
            orders_done: sql`orders_done + 1`,
            points: sql`points + ${pointsFor(minutes)}`,
          })
          .where('id', '=', actor.volunteerId!)
          .execute();
      },
    };
  });
}

/** Take an open order from the pool (see grab.ts: one read, one guarded statement). */
export async function grab(db: Kysely<DB>, now: Date, actor: CheckedActor, id: string): Promise<Order> {
  return grabOrder(db, now, actor, await poolVolunteer(db, actor), id);
}

/** The volunteer's own totals for 我的. */
export async function stats(db: Kysely<DB>, actor: FullActor): Promise<VolunteerStats> {
  const volunteerId = requireVolunteer(actor);
  const v = await db
    .selectFrom('volunteers')
    .select(['orders_done', 'service_minutes', 'points', 'rating_sum', 'rating_count'])
    .where('id', '=', volunteerId)
    .executeTakeFirstOrThrow();
  const live = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['pending', 'accepted', 'in_progress'])
    .executeTakeFirstOrThrow();
  return {
    volunteerId,
    ordersDone: v.orders_done,
    serviceHours: Math.round((v.service_minutes / 60) * 10) / 10,
    points: v.points,
    rating: v.rating_count ? Math.round((v.rating_sum / v.rating_count) * 10) / 10 : null,
    ratingCount: v.rating_count,
    active: Number(live.n),
  };
}
