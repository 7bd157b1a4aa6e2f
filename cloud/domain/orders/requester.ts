import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { type Order, type OrderDetail, type OrderStatus, type Page } from '../../contract';
import { getOrder, listOrders, rangeOf, timelineOf } from '../../db/repositories/orders';
import { adminsOfOrg } from '../../db/repositories/inbox';
import { techniciansForNeed } from '../../db/repositories/teams-members';
import { blockedDaysOf, windowsOf } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';
import { shanghaiClock, toIso } from '../time';
import { toOrder } from './mapper';
import { messages } from './notify';
import { privateView, scrub } from './privacy';
import { checkNoticeAndHorizon, checkWithinAvailability } from './rules';
import { hiddenOrder, loadActor, relationTo, transition, type FullActor } from './transition';

import { SLOT_TAKEN } from './create';

/** The named volunteer's availability on the booked day (windows and blocked days). */
async function checkVolunteerFree(db: Kysely<DB>, volunteerId: string, start: Date, durationMin: number) {
  const day = shanghaiClock(start).key;
  const [windows, blocked] = await Promise.all([windowsOf(db, volunteerId), blockedDaysOf(db, volunteerId, day, day)]);
  checkWithinAvailability(start, durationMin, windows, blocked);
}

export { createOrder, type CreateOptions } from './create';

export async function getDetail(db: Kysely<DB>, now: Date, actor: FullActor, id: string): Promise<OrderDetail> {
  const row = await getOrder(db, id);
  if (!row) throw hiddenOrder();
  const rel = await relationTo(db, row, actor);
  if (!rel.requester && !rel.volunteer && !rel.admin) throw hiddenOrder();
  const events = await timelineOf(db, id);
  const view = privateView(row, rel);
  return {
    ...toOrder(row, rel, now),
    timeline: events.map((e) => ({
      at: toIso(e.at),
      from: e.from_status as OrderStatus | null,
      to: e.to_status as OrderStatus,
      by: e.by_user_id,
      byName: e.by_name ?? '系统',
      note: scrub(e.note, row, view),
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
  return transition(db, now, actor, id, 'reschedule', 'requester', async (row, trx) => {
    // Through the transaction: on PGlite's single connection any other handle waits forever.
    if (row.volunteer_id && row.named) await checkVolunteerFree(trx, row.volunteer_id, start, row.duration_min);
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

/** Needs: the enterprise confirms the problem is solved. */
export function confirm(db: Kysely<DB>, now: Date, actor: FullActor, id: string) {
  return transition(db, now, actor, id, 'confirm', 'requester', (row) => ({
    to: 'completed',
    note: '企业确认问题已解决',
    patch: { confirmed_at: now },
    notify: row.volunteer_user_id ? [messages.confirmed(row, row.volunteer_user_id)] : [],
  }));
}

/** Needs: the enterprise disputes the record; the volunteer and the org's admins hear of it. */
export function dispute(db: Kysely<DB>, now: Date, actor: FullActor, id: string, reason: string) {
  return transition(db, now, actor, id, 'dispute', 'requester', async (row, trx) => {
    const admins = await adminsOfOrg(trx, row.org_id);
    return {
      to: 'completed',
      note: `企业提出异议：${reason}`,
      patch: { disputed_at: now, dispute_reason: reason },
      notify: [
        ...(row.volunteer_user_id ? [messages.disputed(row, row.volunteer_user_id, reason)] : []),
        ...admins.map((a) => messages.escalated(row, a, `企业对服务记录有异议：${reason}`)),
      ],
    };
  });
}

/**
 * Needs not (fully) solved go back: to the pool for another volunteer, or to the org's admins.
 * The requester or an admin of the order's org may do it.
 */
export function reopen(db: Kysely<DB>, now: Date, actor: FullActor, id: string, to: 'pool' | 'admin', note?: string) {
  return transition(db, now, actor, id, 'reopen', ['requester', 'admin'], async (row, trx) => {
    const base = { volunteer_id: null, named: false, accepted_at: null, checked_in_at: null, reopen_count: row.reopen_count + 1 };
    if (to === 'pool') {
      const technicians = await techniciansForNeed(trx, row.field ?? '', row.region, 30);
      return {
        to: 'pending',
        note: `重新发布到抢单池${note ? `：${note}` : ''}`,
        patch: { ...base, pending_since: now, escalated_at: null, completed_at: null, disputed_at: null },
        notify: technicians.filter((t) => t.user_id !== row.volunteer_user_id).map((t) => messages.newNeed(row, t.user_id)),
      };
    }
    const admins = await adminsOfOrg(trx, row.org_id);
    return {
      to: 'expired',
      note: `转交工会管理员${note ? `：${note}` : ''}`,
      patch: { ...base, escalated_at: now },
      notify: admins.map((a) => messages.escalated(row, a, '问题未能解决，已转交工会，请协调。')),
    };
  });
}
