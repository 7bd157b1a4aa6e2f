import { sql, type Kysely, type Transaction } from 'kysely';
import type { OutboxStatus, SubscribeKind } from '../../contract';
import type { DB } from '../schema';
import { pageWithTotal, type PageQuery } from './search';

type Db = Kysely<DB> | Transaction<DB>;

/** What a queued subscribe message says, as the change left the order (outbox.payload). */
export interface PushFacts {
  /** The order's topic, service or need title. */
  title: string;
  /** The order's start, ISO. */
  time: string;
  /** The other side: the requester for a volunteer, the volunteer for the requester. */
  name: string;
  /** A short state word: 待确认, 已接单, 已婉拒, 即将开始, 待评价… */
  status: string;
  /** One line more: a reason, what to do next. */
  note: string;
  orderId: string;
  /** The page a tap opens, with the order id. */
  page: string;
}

export interface Push {
  kind: SubscribeKind;
  facts: PushFacts;
}

export interface NewOutboxRow {
  orderId: string;
  event: string;
  userId: string;
  kind: SubscribeKind;
  facts: PushFacts;
}

/**
 * Queues rows; a row whose (order, event, recipient, channel) is already there is left alone.
 * Answers the keys this call inserted, so the caller writes the inbox message only for those.
 * Rows go in a fixed order, so two runs inserting the same rows wait for each other rather than deadlock.
 */
export async function queueRows(db: Db, rows: NewOutboxRow[], now: Date): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const sorted = [...rows].sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
  const inserted = await db
    .insertInto('outbox')
    .values(sorted.map((r) => ({
      order_id: r.orderId, event: r.event, user_id: r.userId, kind: r.kind,
      payload: JSON.stringify(r.facts), next_attempt_at: now, created_at: now,
    })))
    .onConflict((oc) => oc.columns(['order_id', 'event', 'user_id', 'channel']).doNothing())
    .returning(['order_id', 'event', 'user_id'])
    .execute();
  return new Set(inserted.map((r) => rowKey({ orderId: r.order_id, event: r.event, userId: r.user_id })));
}

export const rowKey = (r: { orderId: string; event: string; userId: string }) => `${r.orderId}|${r.event}|${r.userId}`;

/** Events of an order already queued (any recipient): the timer's reminders skip those. */
export async function queuedEvents(db: Db, orderIds: string[], events: string[]): Promise<Set<string>> {
  if (!orderIds.length) return new Set();
  const rows = await db
    .selectFrom('outbox')
    .select(['order_id', 'event'])
    .distinct()
    .where('order_id', 'in', orderIds)
    .where('event', 'in', events)
    .execute();
  return new Set(rows.map((r) => `${r.order_id}|${r.event}`));
}

export interface DueRow {
  id: string;
  order_id: string;
  user_id: string;
  kind: SubscribeKind;
  attempts: number;
  payload: unknown;
}

/**
 * The oldest due row no other sender is working on, locked until the caller's transaction ends:
 * SKIP LOCKED lets several processes drain one queue, each row going to exactly one of them.
 */
export async function claimDue(trx: Transaction<DB>, now: Date): Promise<DueRow | undefined> {
  return (await trx
    .selectFrom('outbox')
    .select(['id', 'order_id', 'user_id', 'kind', 'attempts', 'payload'])
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst()) as DueRow | undefined;
}

/**
 * Marks due rows of the given kinds skipped with `reason`, in one statement; rows another sender
 * holds are left to it (SKIP LOCKED, so two senders doing this never wait on each other).
 */
export async function skipDueKinds(db: Db, kinds: SubscribeKind[], reason: string, now: Date): Promise<number> {
  if (!kinds.length) return 0;
  const res = await db
    .updateTable('outbox')
    .set({ status: 'skipped', last_error: reason })
    .where('id', 'in', (eb) =>
      eb.selectFrom('outbox').select('id').where('status', '=', 'queued').where('kind', 'in', kinds).where('next_attempt_at', '<=', now).forUpdate().skipLocked(),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export interface Outcome {
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt?: Date;
  request?: unknown;
  transport?: string;
  sentAt?: Date;
}

export async function recordOutcome(trx: Transaction<DB>, id: string, o: Outcome) {
  await trx
    .updateTable('outbox')
    .set({
      status: o.status,
      attempts: o.attempts,
      last_error: o.lastError,
      ...(o.nextAttemptAt ? { next_attempt_at: o.nextAttemptAt } : {}),
      ...(o.request !== undefined ? { request: JSON.stringify(o.request) } : {}),
      ...(o.transport ? { transport: o.transport } : {}),
      ...(o.sentAt ? { sent_at: o.sentAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Unspent credits of one user and kind, the row locked so two senders cannot spend one credit twice. */
export async function lockCredits(trx: Transaction<DB>, userId: string, kind: SubscribeKind): Promise<number> {
  const row = await trx
    .selectFrom('subscriptions')
    .select('credits')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
  return row?.credits ?? 0;
}

export async function setCredits(trx: Transaction<DB>, userId: string, kind: SubscribeKind, credits: number, now: Date) {
  await trx.updateTable('subscriptions').set({ credits, updated_at: now }).where('user_id', '=', userId).where('kind', '=', kind).execute();
}

/** One tap's answers: an acceptance adds one credit, a refusal is only noted. Kinds in a fixed order (no deadlock between two taps). */
export async function recordAnswers(trx: Transaction<DB>, userId: string, answers: { kind: SubscribeKind; accepted: boolean }[], now: Date) {
  for (const a of [...answers].sort((x, y) => x.kind.localeCompare(y.kind))) {
    await trx
      .insertInto('subscriptions')
      .values({ user_id: userId, kind: a.kind, credits: a.accepted ? 1 : 0, accepted_at: a.accepted ? now : null, rejected_at: a.accepted ? null : now, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'kind']).doUpdateSet(
          a.accepted
            ? { credits: sql`subscriptions.credits + 1`, accepted_at: now, updated_at: now }
            : { rejected_at: now, updated_at: now },
        ),
      )
      .execute();
  }
}

export async function creditsOf(db: Db, userId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('subscriptions').select(['kind', 'credits']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.kind, r.credits]));
}

/** The console's list: rows of orders in the given orgs, newest first. */
export async function listForOrgs(db: Db, orgIds: string[], status: OutboxStatus | undefined, page: PageQuery) {
  let q = db
    .selectFrom('outbox as x')
    .innerJoin('orders as o', 'o.id', 'x.order_id')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .leftJoin('topics as tp', 'tp.id', 'o.topic_id')
    .leftJoin('services as sv', 'sv.id', 'o.service_id')
    .select([
      'x.id', 'x.kind', 'x.order_id', 'x.user_id', 'u.name as user_name', 'x.status', 'x.attempts', 'x.last_error',
      'x.created_at', 'x.next_attempt_at', 'x.sent_at', 'x.transport',
      sql<string>`coalesce(tp.title, sv.title, o.title, '订单')`.as('order_title'),
      sql<string>`count(*) over ()`.as('total'),
    ])
    .where('o.org_id', 'in', orgIds.length ? orgIds : ['0']);
  if (status) q = q.where('x.status', '=', status);
  return pageWithTotal((limit, offset) => q.orderBy('x.id', 'desc').limit(limit).offset(offset).execute(), page);
}
