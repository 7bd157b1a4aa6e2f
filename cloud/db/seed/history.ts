import { sql, type Transaction } from 'kysely';
import { rangeOf } from '../repositories/orders';
import type { Insertable } from 'kysely';
import type { DB, OrdersTable } from '../schema';
import { HISTORY_TEXT } from './history-text';

/** A small deterministic PRNG (mulberry32): the same demo history on every fresh start. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const MIN = 60_000;

type Kind = 'lecture' | 'service' | 'need';
type Status = 'pending' | 'accepted' | 'completed' | 'rated' | 'cancelled' | 'expired' | 'declined';

/** Past outcomes, weighted the way a working union's books look. */
const PAST_STATUSES: [Status, number][] = [['rated', 52], ['completed', 26], ['cancelled', 9], ['expired', 7], ['declined', 6]];

/**
 * A few months of orders in every state, so the dashboard shows real shapes on first start:
 * ~180 days of past lectures, services and needs with timelines, records and ratings; a few
 * orders in flight (some already past their SLA); a handful of showcase cases.
 */
export async function seedHistory(trx: Transaction<DB>, now: Date, days = 180) {
  const rnd = prng(20261122);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const weighted = <T,>(items: [T, number][]) => {
    let r = rnd() * items.reduce((n, [, w]) => n + w, 0);
    for (const [v, w] of items) if ((r -= w) < 0) return v;
    return items[0][0];
  };

  const topics = await sql<{ id: string; org_id: string; durations: number[]; venue_types: string[]; speakers: string[] }>`
    SELECT t.id::text, t.org_id::text, t.durations, t.venue_types,
      ARRAY(SELECT volunteer_id::text FROM topic_volunteers WHERE topic_id = t.id) AS speakers
    FROM topics t WHERE EXISTS (SELECT 1 FROM topic_volunteers WHERE topic_id = t.id)`.execute(trx);
  const services = await sql<{ id: string; org_id: string; team_id: string | null; mode: string; techs: string[] }>`
    SELECT s.id::text, s.org_id::text, s.team_id::text, s.mode,
      ARRAY(SELECT volunteer_id::text FROM service_volunteers WHERE service_id = s.id) AS techs
    FROM services s WHERE EXISTS (SELECT 1 FROM service_volunteers WHERE service_id = s.id)`.execute(trx);
  const techs = await trx.selectFrom('volunteers').select(['id', 'skills', 'user_id']).where(sql<boolean>`'technician' = ANY(kinds)`).execute();
  const volUser = new Map((await trx.selectFrom('volunteers').select(['id', 'user_id']).execute()).map((v) => [v.id, v.user_id]));
  const requesters = await trx.selectFrom('users').select(['id', 'org_id', 'roles']).where(sql<boolean>`roles && ARRAY['worker','enterprise']`).where('org_id', 'is not', null).execute();
  const workers = requesters.filter((r) => r.roles.includes('worker'));
  const enterprises = requesters.filter((r) => r.roles.includes('enterprise'));
  if (!topics.rows.length || !enterprises.length || !workers.length) return;

  const orders: Insertable<OrdersTable>[] = [];
  const events: { request_id: string; at: Date; from: string | null; to: string; by: string | null; note: string }[] = [];
  const taken = new Set<string>(); // volunteer|day for orders in flight (the exclusion constraint)

  const build = (i: number, start: Date, status: Status, inFlight: boolean) => {
    const kind = weighted<Kind>([['lecture', 50], ['service', 27], ['need', 23]]);
    let volunteerId: string | null = null;
    let orgId: string;
    let topicId: string | null = null;
    let serviceId: string | null = null;
    let teamId: string | null = null;
    let field: string | null = null;
    let duration = 60;
    let requester = pick(workers);
    let venueType = 'enterprise';
    if (kind === 'lecture') {
      const t = pick(topics.rows);
      topicId = t.id; orgId = t.org_id; volunteerId = pick(t.speakers); duration = pick(t.durations.map(Number));
      venueType = pick(t.venue_types.length ? t.venue_types : ['enterprise']);
    } else if (kind === 'service') {
      const s = pick(services.rows);
      serviceId = s.id; orgId = s.org_id; volunteerId = pick(s.techs); duration = pick([60, 90, 120]); requester = pick(enterprises);
      venueType = s.mode === 'remote' ? 'online' : 'enterprise';
      if (rnd() < 0.3 && s.team_id) teamId = s.team_id;
    } else {
      requester = pick(enterprises);
      const tech = pick(techs);
      field = pick(tech.skills.length ? tech.skills : ['机电维修']);
      volunteerId = tech.id; orgId = requester.org_id!; duration = pick([60, 120, 180]); venueType = 'workshop';
    }
    const open = status === 'pending' && rnd() < 0.5; // some pending orders wait in the pool
    // Who holds it: nobody for pool and declined orders; an expired lecture keeps the speaker who never answered.
    if (open || status === 'declined' || (status === 'expired' && kind !== 'lecture')) volunteerId = null;
    if (inFlight && volunteerId) {
      const key = `${volunteerId}|${start.toISOString().slice(0, 10)}`;
      if (taken.has(key)) return;
      taken.add(key);
    }
    const rid = `demo-${i}`;
    // Orders in flight were placed in the last 40 hours (some already past their SLA: the timer
    // escalates those at start); past ones 2–10 days before their date.
    const created = inFlight
      ? new Date(now.getTime() - (1 + Math.floor(rnd() * 40)) * 3600_000)
      : new Date(start.getTime() - (2 + Math.floor(rnd() * 9)) * DAY - Math.floor(rnd() * 600) * MIN);
    const accepted = new Date(Math.min(created.getTime() + (5 + Math.floor(rnd() * 900)) * MIN, now.getTime() - MIN));
    const end = new Date(start.getTime() + duration * MIN);
    const doneStatus = status === 'completed' || status === 'rated';
    const credited = doneStatus ? duration - Math.floor(rnd() * 15) : null;
    const people = kind === 'lecture' ? 20 + Math.floor(rnd() * 120) : kind === 'service' ? 3 + Math.floor(rnd() * 30) : 2 + Math.floor(rnd() * 12);
    const outcome = kind === 'need' ? weighted<'resolved' | 'partly' | 'unresolved'>([['resolved', 62], ['partly', 25], ['unresolved', 13]]) : undefined;
    const text = HISTORY_TEXT[kind];
    const title = kind === 'need' ? pick(text.titles) : null;
    const rating = status === 'rated' ? weighted([[5, 64], [4, 26], [3, 8], [2, 2]]) : null;
    orders.push({
      kind, status, requester_id: requester.id, org_id: orgId!, topic_id: topicId, service_id: serviceId, team_id: teamId,
      volunteer_id: volunteerId, named: kind !== 'need' && !!volunteerId, during: rangeOf(start, end), duration_min: duration,
      venue_type: venueType, venue_address: venueType === 'online' ? null : pick(HISTORY_TEXT.addresses),
      venue_link: venueType === 'online' ? 'https://meeting.example.cn/demo' : null, headcount: kind === 'lecture' ? people + 10 : null,
      contact_phone: `1380000${String(3000 + (i % 6000)).padStart(4, '0')}`, note: '', title, field,
      description: kind === 'need' ? pick(text.descriptions) : null, urgency: kind === 'need' ? weighted([['normal', 60], ['urgent', 30], ['critical', 10]]) : null,
      region: null, request_id: rid, created_at: created, updated_at: created, pending_since: created,
      accepted_at: ['accepted', 'completed', 'rated'].includes(status) ? accepted : null,
      checked_in_at: doneStatus ? new Date(start.getTime() - 10 * MIN) : null,
      completed_at: doneStatus ? new Date(start.getTime() + (credited ?? duration) * MIN) : null,
      record: doneStatus ? JSON.stringify({ peopleServed: people, summary: pick(text.summaries), ...(outcome ? { outcome } : {}) }) : null,
      credited_minutes: credited, rating, rating_comment: rating ? pick(HISTORY_TEXT.comments) : null,
      rated_at: rating ? new Date(start.getTime() + 2 * DAY) : null,
      escalated_at: status === 'expired' || status === 'declined' ? new Date(created.getTime() + DAY) : null,
      confirmed_at: doneStatus && kind === 'need' && outcome === 'resolved' && rnd() < 0.7 ? new Date(start.getTime() + DAY) : null,
      team_broadcast_at: null, disputed_at: null, dispute_reason: null,
    });
    const volUserId = volunteerId ? volUser.get(volunteerId) ?? null : null;
    const ev = (at: Date, from: string | null, to: string, by: string | null, note = '') => events.push({ request_id: rid, at, from, to, by, note });
    ev(created, null, 'pending', requester.id, kind === 'need' ? '发布需求，进入抢单池' : '');
    if (status === 'cancelled') ev(new Date(created.getTime() + DAY), 'pending', 'cancelled', requester.id, pick(HISTORY_TEXT.cancelReasons));
    if (status === 'expired') ev(new Date(created.getTime() + DAY), 'pending', 'expired', null, '超过时限无人响应，已转交工会管理员');
    if (status === 'declined') ev(new Date(created.getTime() + 3 * 3600_000), 'pending', 'declined', volUserId, pick(HISTORY_TEXT.declineReasons));
    if (['accepted', 'completed', 'rated'].includes(status)) ev(accepted, 'pending', 'accepted', volUserId, kind === 'need' ? '抢单成功' : '');
    if (doneStatus) {
      ev(new Date(start.getTime() - 10 * MIN), 'accepted', 'in_progress', volUserId, '已签到');
      ev(new Date(start.getTime() + (credited ?? duration) * MIN), 'in_progress', 'completed', volUserId, `服务 ${people} 人`);
    }
    if (rating) ev(new Date(start.getTime() + 2 * DAY), 'completed', 'rated', requester.id, `${rating} 星`);
  };

  let i = 0;
  for (let d = days; d >= 1; d--) {
    const day = new Date(now.getTime() - d * DAY);
    const weekday = new Date(day.getTime() + 8 * 3600_000).getUTCDay();
    const n = weekday === 0 || weekday === 6 ? Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const start = new Date(Math.floor(day.getTime() / DAY) * DAY + (1 + Math.floor(rnd() * 7)) * 3600_000); // 09:00–15:00 Shanghai
      build(i++, start, weighted(PAST_STATUSES), false);
    }
  }
  for (let d = 2; d <= 16; d++) {
    const start = new Date(Math.floor((now.getTime() + d * DAY) / DAY) * DAY + (1 + Math.floor(rnd() * 6)) * 3600_000);
    build(i++, start, rnd() < 0.55 ? 'pending' : 'accepted', true);
  }

  const inserted = await trx.insertInto('orders').values(orders).returning(['id', 'request_id']).execute();
  const idOf = new Map(inserted.map((r) => [r.request_id, r.id]));
  for (let k = 0; k < events.length; k += 500) {
    await trx.insertInto('order_events').values(events.slice(k, k + 500).map((e) => ({
      order_id: idOf.get(e.request_id)!, at: e.at, from_status: e.from, to_status: e.to, by_user_id: e.by, note: e.note,
    }))).execute();
  }
  // Volunteer totals follow from the history (the order machinery keeps them from now on).
  await sql`UPDATE volunteers v SET
      orders_done = s.done, service_minutes = s.minutes, rating_sum = s.rsum, rating_count = s.rcount, points = s.done * 10 + s.minutes / 30
    FROM (SELECT volunteer_id, count(*) AS done, coalesce(sum(credited_minutes), 0) AS minutes,
            coalesce(sum(rating), 0) AS rsum, count(rating) AS rcount
          FROM orders WHERE status IN ('completed', 'rated') AND volunteer_id IS NOT NULL GROUP BY volunteer_id) s
    WHERE v.id = s.volunteer_id`.execute(trx);
  // The best-rated recent work becomes the showcase (优秀案例).
  await sql`UPDATE orders SET showcase = true WHERE id IN (
      SELECT id FROM orders WHERE status = 'rated' AND rating = 5 AND record IS NOT NULL
      ORDER BY (record->>'peopleServed')::int DESC, id LIMIT 8)`.execute(trx);
}
