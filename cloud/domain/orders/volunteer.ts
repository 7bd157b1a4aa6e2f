import { sql, type Kysely } from 'kysely';
import { AppError, conflict, forbidden, type Order, type OrderStatus, type Page, type ServiceRecord } from '../../contract';
import { adminsOfOrg, insertMessages } from '../../db/repositories/inbox';
import { getOrder, insertEvent, listLecturePool, listOrders, type OrderRow } from '../../db/repositories/orders';
import { getTopic } from '../../db/repositories/topics';
import { volunteersByIds } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { toIso } from '../time';
import { toOrder } from './mapper';
import { messages } from './notify';
import { asSlotConflict, hiddenOrder, relationTo, transition, type FullActor } from './transition';

const BUSY = '您在该时段已有其他订单';

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

/** Open orders I may grab; no phone or exact address until I have taken one. */
export async function pool(db: Kysely<DB>, now: Date, actor: FullActor, input: { page?: number; pageSize?: number }): Promise<Page<Order>> {
  const volunteerId = requireVolunteer(actor);
  const p = pageQuery(input);
  const { rows, total } = await listLecturePool(db, volunteerId, p);
  const outsider = { requester: false, volunteer: false, admin: false };
  return {
    items: rows.map((r) => ({ ...toOrder(r, outsider, now), actions: ['grab' as const] })),
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
 * Decline with a reason. The order goes to the pool of the topic's other speakers; with nobody
 * else to take it, it stays declined and the admins of its org are told.
 */
export function decline(db: Kysely<DB>, now: Date, actor: FullActor, id: string, reason: string) {
  return transition(db, now, actor, id, 'decline', 'volunteer', async (row, trx) => {
    const topic = row.topic_id ? await getTopic(trx, row.topic_id) : undefined;
    const others = (topic?.volunteer_ids ?? []).filter((v) => v !== actor.volunteerId);
    if (others.length) {
      const speakers = await volunteersByIds(trx, others);
      return {
        to: 'declined',
        note: reason,
        then: { to: 'pending', note: '转入宣讲人抢单池', patch: { volunteer_id: null, named: false, pending_since: now, accepted_at: null } },
        notify: [messages.declined(row, actor.name, reason, 'pool'), ...speakers.map((s) => messages.newInPool(row, s.user_id))],
      };
    }
    const admins = await adminsOfOrg(trx, row.org_id);
    return {
      to: 'declined',
      note: reason,
      patch: { escalated_at: now },
      notify: [
        messages.declined(row, actor.name, reason, 'admin'),
        ...admins.map((a) => messages.escalated(row, a, `${actor.name}婉拒了「${row.topic_title ?? '订单'}」且无其他宣讲人，请派单。`)),
      ],
    };
  });
}

export function checkIn(db: Kysely<DB>, now: Date, actor: FullActor, id: string, location?: { latitude: number; longitude: number; address?: string }) {
  return transition(db, now, actor, id, 'checkIn', 'volunteer', (row) => ({
    to: 'in_progress',
    note: location?.address ? `签到于 ${location.address}` : '已签到',
    patch: { checked_in_at: now, check_in_location: location ? JSON.stringify(location) : null },
    notify: [messages.checkedIn(row)],
  }));
}

/** Service hours: actual check-in to completion, capped at the booked duration. */
export const creditedMinutes = (checkedInAt: Date, completedAt: Date, bookedMin: number) =>
  Math.max(0, Math.min(bookedMin, Math.round((completedAt.getTime() - checkedInAt.getTime()) / 60_000)));

export function complete(db: Kysely<DB>, now: Date, actor: FullActor, id: string, record: Omit<ServiceRecord, 'actualStart' | 'actualEnd'>) {
  return transition(db, now, actor, id, 'complete', 'volunteer', (row) => {
    const minutes = creditedMinutes(row.checked_in_at ?? now, now, row.duration_min);
    const full: ServiceRecord = { ...record, actualStart: toIso(row.checked_in_at ?? now), actualEnd: toIso(now) };
    return {
      to: 'completed',
      note: `服务 ${record.peopleServed} 人：${record.summary.slice(0, 60)}`,
      patch: { completed_at: now, record: JSON.stringify(full) },
      notify: [messages.completed(row)],
      after: async (trx) => {
        await trx
          .updateTable('volunteers')
          .set({ service_minutes: sql`service_minutes + ${minutes}`, orders_done: sql`orders_done + 1` })
          .where('id', '=', actor.volunteerId!)
          .execute();
      },
    };
  });
}

/**
 * Take an open order from the pool. Exactly one volunteer wins however many tap at once: one
 * guarded UPDATE decides (row lock + WHERE re-check), and the exclusion constraint checks the
 * winner's own calendar. Losers get CONFLICT with a message the phone can show.
 */
export async function grab(db: Kysely<DB>, now: Date, actor: FullActor, id: string): Promise<Order> {
  const volunteerId = requireVolunteer(actor);
  try {
    return await db.transaction().execute(async (trx) => {
      const won = await trx
        .updateTable('orders')
        .set({ volunteer_id: volunteerId, status: 'accepted', accepted_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('volunteer_id', 'is', null)
        .where((eb) =>
          eb.exists(eb.selectFrom('topic_volunteers as tv').select('tv.topic_id').whereRef('tv.topic_id', '=', 'orders.topic_id').where('tv.volunteer_id', '=', volunteerId)),
        )
        .returning('id')
        .executeTakeFirst();
      if (!won) throw await whyNotGrabbed(trx, id, volunteerId);
      await insertEvent(trx, { orderId: id, at: now, from: 'pending', to: 'accepted', by: actor.userId, note: `${actor.name} 抢单成功` });
      const row = (await getOrder(trx, id))!;
      await insertMessages(trx, [messages.accepted(row)], now);
      return toOrder(row, await relationTo(trx, row, actor), now);
    });
  } catch (err) {
    throw asSlotConflict(err, BUSY);
  }
}

async function whyNotGrabbed(db: Kysely<DB>, id: string, volunteerId: string): Promise<AppError> {
  const row: OrderRow | undefined = await getOrder(db, id);
  if (!row) return hiddenOrder();
  const eligible = await db
    .selectFrom('topic_volunteers')
    .select('topic_id')
    .where('topic_id', '=', row.topic_id ?? '0')
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
  if (!eligible) return forbidden('您不在该订单的接单范围内');
  return conflict('已被其他志愿者接单');
}
