import { sql, type Kysely } from 'kysely';
import { conflict, invalid, type Order } from '../../contract';
import { findByRequest, type OrderRow } from '../../db/repositories/orders';
import { calendarLock, insertOrderRow, menuStillAt, reserveOrderId, writeOrderChange } from '../../db/repositories/order-write';
import type { DB } from '../../db/schema';
import { catalogVersion, forgetMenu, menuSnapshot } from '../catalog/cache';
import { planDelivery } from '../notify/outbox';
import { toOrder } from './mapper';
import { checkOpenNeeds } from './open-needs';
import { checkVolunteerFreeOnMenu, prepare, type CreateInput, type Prepared } from './prepare';
import { checkNoticeAndHorizon } from './rules';
import { assertCallerCurrent, callerGuard, judgedOnCurrentCaller, type CheckedActor } from './current-caller';
import { asSlotConflict, type FullActor } from './transition';

export const SLOT_TAKEN = '所选志愿者在该时段已有安排，请选择其他时间';

export interface CreateOptions {
  /** The cap on the requester's open needs (checked in the inserting transaction); none when absent. */
  maxOpenNeeds?: number;
}

const REQUESTER_VIEW = { requester: true, volunteer: false, admin: false };

/**
 * A new order: one statement writes it with its timeline entry, inbox messages and subscribe
 * messages (`writeOrderChange`). The topic, service, volunteers and availability come from the
 * process's menu snapshot without a version query; the insert itself checks that the menu is
 * still at that version, and a stale snapshot is dropped and the order tried once more afresh.
 * The database keeps the invariants: the exclusion constraint (the slot), the unique request id
 * (a retried submit answers the order it made) and, for needs, the open-needs cap.
 */
export async function createOrder(db: Kysely<DB>, now: Date, actor: CheckedActor, input: CreateInput, opts: CreateOptions = {}): Promise<Order> {
  const start = new Date(input.start);
  const end = new Date(start.getTime() + input.durationMin * 60_000);
  checkNoticeAndHorizon(start, now);
  if (input.kind === 'need' && actor.orgId && actor.orgRegion === undefined) {
    const org = await db.selectFrom('orgs').select('region').where('id', '=', actor.orgId).executeTakeFirst();
    actor = { ...actor, orgRegion: org?.region ?? null };
  }
  for (const fresh of [false, true]) {
    const reads = { db, menu: menuSnapshot(db, { fresh }) };
    let p: Prepared;
    try {
      p = await prepare(reads, actor, input);
      if (p.volunteerId) {
        if (p.volunteerId === actor.volunteerId) throw invalid('volunteerId', '不能预约自己');
        await checkVolunteerFreeOnMenu(reads, p.volunteerId, start, input.durationMin);
      }
    } catch (err) {
      // A refusal judged on remembered menu data stands only if the menu has not moved since.
      if (!fresh && (await menuMoved(db, reads.menu.version()))) continue;
      throw err;
    }
    const draft = draftRow(await reserveOrderId(db), actor, input, p, start, end, now);
    const messages = planDelivery(draft, await p.notify(draft));
    const version = reads.menu.version();
    const write = (trx: Kysely<DB>) =>
      writeOrderChange(trx, {
        orderId: draft.id,
        write: insertOrderRow(insertValues(draft), sql`${menuStillAt(version)} AND ${callerGuard(db, actor)} AND ${oneAtATime(draft, input.requestId)}`),
        events: [{ at: now, from: null, to: 'pending', by: actor.userId, note: p.timelineNote(draft) }],
        ...messages,
        now,
        returning: 'id',
      });
    const attempt = () =>
      input.kind === 'need' && opts.maxOpenNeeds !== undefined
        ? db.transaction().execute(async (trx) => {
            await checkOpenNeeds(trx, actor.userId, input.requestId, opts.maxOpenNeeds!);
            return write(trx);
          })
        : write(db);
    let written: { id: string } | null;
    try {
      written = await retryDeadlock(attempt);
    } catch (err) {
      const refused = asSlotConflict(err, SLOT_TAKEN);
      // The insert got as far as the slot check only past its caller check.
      throw refused === err ? err : judgedOnCurrentCaller(refused);
    }
    if (written) return toOrder(draft, REQUESTER_VIEW, now);
    // Nothing written: a retried submit (answer the order it made) or a stale menu.
    const existing = await findByRequest(db, actor.userId, input.requestId);
    if (existing) {
      await assertCallerCurrent(db, actor);
      return toOrder(existing, REQUESTER_VIEW, now);
    }
    if (await menuMoved(db, version)) continue;
    throw conflict(SLOT_TAKEN);
  }
  throw conflict('菜单刚刚更新，请重试');
}

/** Advisory-lock space of one submit (the two-key form: apart from the migrations' one-key lock). */
const SUBMIT_LOCK_SPACE = 14;

/**
 * The transaction locks the insert takes before it writes. A named order takes its volunteer's
 * calendar locks for its hours (`calendarLock`): bookings that could overlap queue, so the slot
 * check meets only committed rows, and a retry of the same submit (same volunteer and time) waits
 * for the first try to commit, then finds its row by the request id (ON CONFLICT). An order to
 * the pool writes no calendar and takes the lock of its submit (requester, request id), which
 * queues only its own retries. Never both: two kinds of lock could be taken in either order.
 */
const oneAtATime = (draft: OrderRow, requestId: string) =>
  draft.volunteer_id
    ? calendarLock(draft.volunteer_id, draft.during)
    : sql<boolean>`EXISTS (SELECT 1 FROM pg_advisory_xact_lock(${SUBMIT_LOCK_SPACE}, hashtext(${draft.requester_id} || ':' || ${requestId})))`;

/**
 * A deadlock (40P01) is not expected on this path any more (each statement takes one lock before
 * it writes); should the open-needs check and another transaction still meet in one, the victim
 * runs again rather than answering a conflict.
 */
async function retryDeadlock<T>(work: () => Promise<T>, times = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || i >= times) throw err;
    }
  }
}

/** Whether the menu is past the version a snapshot was served under (then forget what we had). */
async function menuMoved(db: Kysely<DB>, version: string | null): Promise<boolean> {
  if (version === null || (await catalogVersion(db)) === version) return false;
  forgetMenu(db);
  return true;
}

/** The order as it will be written, with the names its pages and messages show. */
function draftRow(id: string, actor: FullActor, input: CreateInput, p: Prepared, start: Date, end: Date, now: Date): OrderRow {
  const online = input.venue.type === 'online';
  return {
    id, kind: input.kind, status: 'pending', requester_id: actor.userId, org_id: p.orgId, topic_id: p.topicId,
    service_id: p.serviceId, team_id: p.teamId, volunteer_id: p.volunteerId, named: !!p.volunteerId,
    during: `[${start.toISOString()},${end.toISOString()})`, duration_min: input.durationMin,
    venue_type: input.venue.type, venue_address: online ? null : input.venue.address ?? null,
    venue_link: online ? input.venue.link ?? null : null, headcount: input.headcount ?? null,
    contact_phone: input.contactPhone, note: input.note ?? '',
    title: p.need?.title ?? null, field: p.need?.field ?? null, description: p.need?.description ?? null,
    urgency: p.need?.urgency ?? null, photos: input.photos ?? [], region: p.region, request_id: input.requestId,
    created_at: now, updated_at: now, pending_since: now, team_broadcast_at: p.teamBroadcastAt,
    accepted_at: null, checked_in_at: null, check_in_location: null, check_in_verified: null, completed_at: null,
    record: null, rating: null, rating_comment: null, rated_at: null, escalated_at: null, confirmed_at: null,
    disputed_at: null, dispute_reason: null, reopen_count: 0, credited_minutes: null, showcase: false, showcase_title: null,
    start_at: start, end_at: end,
    requester_name: actor.name, requester_company: actor.company ?? null,
    volunteer_user_id: p.names.volunteerUserId, volunteer_name: p.names.volunteerName,
    topic_title: p.names.topicTitle, service_title: p.names.serviceTitle, team_name: p.names.teamName,
  };
}

/** The columns the insert sets; the rest keep their defaults. */
function insertValues(d: OrderRow): Record<string, unknown> {
  const iso = (x: Date | null) => (x ? x.toISOString() : null);
  return {
    id: d.id, kind: d.kind, requester_id: d.requester_id, org_id: d.org_id, topic_id: d.topic_id, service_id: d.service_id,
    team_id: d.team_id, volunteer_id: d.volunteer_id, named: d.named, during: d.during, duration_min: d.duration_min,
    venue_type: d.venue_type, venue_address: d.venue_address, venue_link: d.venue_link, headcount: d.headcount,
    contact_phone: d.contact_phone, note: d.note, title: d.title, field: d.field, description: d.description,
    urgency: d.urgency, photos: d.photos, region: d.region, request_id: d.request_id,
    created_at: iso(d.created_at), updated_at: iso(d.updated_at), pending_since: iso(d.pending_since),
    team_broadcast_at: iso(d.team_broadcast_at),
  };
}
