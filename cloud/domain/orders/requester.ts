import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import { conflict, invalid, notFound, type Order, type OrderDetail, type OrderStatus, type orderInput, type Page } from '../../contract';
import { findByRequest, getOrder, insertEvent, listOrders, rangeOf, timelineOf } from '../../db/repositories/orders';
import { insertMessages } from '../../db/repositories/inbox';
import { getTopic } from '../../db/repositories/topics';
import { blockedDaysOf, volunteersByIds, windowsOf } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { dayjs, toIso, ZONE } from '../time';
import { toOrder } from './mapper';
import { messages } from './notify';
import { checkNoticeAndHorizon, checkWithinAvailability } from './rules';
import { asSlotConflict, hiddenOrder, loadActor, relationTo, transition, type FullActor } from './transition';

type CreateInput = z.output<typeof orderInput.create>;

const SLOT_TAKEN = '该宣讲人在所选时段已有安排，请选择其他时间';

/** The named volunteer's availability on the booked day (windows and blocked days). */
async function checkVolunteerFree(db: Kysely<DB>, volunteerId: string, start: Date, durationMin: number) {
  const day = dayjs(start).tz(ZONE).format('YYYY-MM-DD');
  const [windows, blocked] = await Promise.all([windowsOf(db, volunteerId), blockedDaysOf(db, volunteerId, day, day)]);
  checkWithinAvailability(start, durationMin, windows, blocked);
}

export async function createLecture(db: Kysely<DB>, now: Date, actor: FullActor, input: CreateInput): Promise<Order> {
  if (input.kind !== 'lecture') throw invalid('kind', '技术服务预约与需求发布即将开放');
  const topic = await getTopic(db, input.topicId!);
  if (!topic) throw notFound('宣讲主题');
  if (!topic.durations.map(Number).includes(input.durationMin)) {
    throw invalid('durationMin', `请选择该主题提供的时长：${topic.durations.join('/')} 分钟`);
  }
  if (topic.venue_types.length && !topic.venue_types.includes(input.venue.type)) {
    throw invalid('venue.type', '该主题不提供这种场地形式');
  }
  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.durationMin * 60_000);
  checkNoticeAndHorizon(start, now);

  let volunteerUserId: string | null = null;
  if (input.volunteerId) {
    if (!topic.volunteer_ids.includes(input.volunteerId)) throw invalid('volunteerId', '该宣讲人不讲授此主题');
    if (input.volunteerId === actor.volunteerId) throw invalid('volunteerId', '不能预约自己');
    await checkVolunteerFree(db, input.volunteerId, start, input.durationMin);
    volunteerUserId = (await volunteersByIds(db, [input.volunteerId]))[0]?.user_id ?? null;
  }

  const attempt = () =>
    db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('orders')
        .values({
          kind: 'lecture', requester_id: actor.userId, org_id: topic.org_id, topic_id: topic.id,
          volunteer_id: input.volunteerId ?? null, named: !!input.volunteerId,
          during: rangeOf(start, end), duration_min: input.durationMin,
          venue_type: input.venue.type, venue_address: input.venue.type === 'online' ? null : input.venue.address ?? null,
          venue_link: input.venue.type === 'online' ? input.venue.link ?? null : null,
          headcount: input.headcount ?? null, contact_phone: input.contactPhone, note: input.note ?? '',
          title: null, field: null, description: null, urgency: null,
          request_id: input.requestId, created_at: now, updated_at: now, pending_since: now,
        })
        // Either arbiter may fire: the (requester, request_id) key — a retried submit — or the
        // exclusion constraint — the slot is taken. We tell them apart just below.
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        const existing = await findByRequest(trx, actor.userId, input.requestId);
        if (existing) return existing;
        throw conflict(SLOT_TAKEN);
      }
      const row = (await getOrder(trx, inserted.id))!;
      await insertEvent(trx, {
        orderId: row.id, at: now, from: null, to: 'pending', by: actor.userId,
        note: row.named ? `点单：${row.volunteer_name}` : '未指定宣讲人，发布到抢单池',
      });
      const notes = volunteerUserId
        ? [messages.newNamed(row, volunteerUserId)]
        : (await volunteersByIds(trx, topic.volunteer_ids)).map((v) => messages.newInPool(row, v.user_id));
      await insertMessages(trx, notes, now);
      return row;
    });

  let row;
  try {
    row = await attempt();
  } catch (err) {
    // A deadlock among identical concurrent retries: one more try finds the winner's order.
    if ((err as { code?: string }).code === '40P01') row = await attempt().catch((e) => { throw asSlotConflict(e, SLOT_TAKEN); });
    else throw asSlotConflict(err, SLOT_TAKEN);
  }
  return toOrder(row, { requester: true, volunteer: false, admin: false }, now);
}

export async function getDetail(db: Kysely<DB>, now: Date, actor: FullActor, id: string): Promise<OrderDetail> {
  const row = await getOrder(db, id);
  if (!row) throw hiddenOrder();
  const rel = await relationTo(db, row, actor);
  if (!rel.requester && !rel.volunteer && !rel.admin) throw hiddenOrder();
  const events = await timelineOf(db, id);
  return {
    ...toOrder(row, rel, now),
    timeline: events.map((e) => ({
      at: toIso(e.at),
      from: e.from_status as OrderStatus | null,
      to: e.to_status as OrderStatus,
      by: e.by_user_id,
      byName: e.by_name ?? '系统',
      note: e.note,
    })),
  };
}

export async function mine(db: Kysely<DB>, now: Date, actor: FullActor, input: { status?: OrderStatus; page?: number; pageSize?: number }): Promise<Page<Order>> {
  const p = pageQuery(input);
  const { rows, total } = await listOrders(db, { requesterId: actor.userId, status: input.status }, p);
  const rel = { requester: true, volunteer: false, admin: false };
  return { items: rows.map((r) => toOrder(r, rel, now)), total, page: p.page, pageSize: p.pageSize };
}

export function cancel(db: Kysely<DB>, now: Date, actor: FullActor, id: string, reason: string) {
  return transition(db, now, actor, id, 'cancel', 'requester', (row) => ({
    to: 'cancelled',
    note: reason,
    notify: row.volunteer_user_id ? [messages.cancelled(row, row.volunteer_user_id, reason)] : [],
  }));
}

export async function reschedule(db: Kysely<DB>, now: Date, actor: FullActor, id: string, startIso: string) {
  const start = new Date(startIso);
  checkNoticeAndHorizon(start, now);
  return transition(db, now, actor, id, 'reschedule', 'requester', async (row) => {
    if (row.volunteer_id && row.named) await checkVolunteerFree(db, row.volunteer_id, start, row.duration_min);
    const end = new Date(start.getTime() + row.duration_min * 60_000);
    // A new time needs the volunteer's yes again: back to pending, with a fresh SLA clock.
    return {
      to: 'pending',
      note: `改期至 ${toIso(start)}`,
      patch: { during: rangeOf(start, end), pending_since: now, escalated_at: null, accepted_at: null },
      notify: row.volunteer_user_id ? [messages.rescheduled(row, row.volunteer_user_id, start)] : [],
    };
  }, SLOT_TAKEN);
}

export function rate(db: Kysely<DB>, now: Date, actor: FullActor, id: string, score: number, comment?: string) {
  return transition(db, now, actor, id, 'rate', 'requester', (row) => ({
    to: 'rated',
    note: `${score} 星${comment ? `：${comment}` : ''}`,
    patch: { rating: score, rating_comment: comment ?? null, rated_at: now },
    notify: row.volunteer_user_id ? [messages.rated(row, row.volunteer_user_id, score)] : [],
    after: async (trx, updated) => {
      if (!updated.volunteer_id) return;
      await trx
        .updateTable('volunteers')
        .set({ rating_sum: sql`rating_sum + ${score}`, rating_count: sql`rating_count + 1` })
        .where('id', '=', updated.volunteer_id)
        .execute();
    },
  }));
}

export { loadActor };
