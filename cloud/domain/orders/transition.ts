import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError, conflict, forbidden, unauthenticated, type Order, type OrderAction, type OrderStatus } from '../../contract';
import { STATUS_WORDS } from '../../contract/status-words';
import type { NewMessage } from '../../db/repositories/inbox';
import { getOrder, insertEvent, type OrderRow } from '../../db/repositories/orders';
import { isOrgWithin } from '../../db/repositories/orgs';
import { getUser, type UserRow } from '../../db/repositories/users';
import type { PoolVolunteer } from '../../db/repositories/orders';
import type { Caller } from '../../functions/context';
import type { DB, OrdersTable } from '../../db/schema';
import type { Actor, Relation } from './access';
import { allowedActions } from './access';
import { toOrder } from './mapper';
import { deliver, planDelivery } from '../notify/outbox';
import { writeOrderChange, type EventDraft } from '../../db/repositories/order-write';
import type { Updateable } from 'kysely';

type Db = Kysely<DB> | Transaction<DB>;

export interface FullActor extends Actor {
  orgId: string | null;
  name: string;
  company?: string | null;
  /** The region of the actor's org (a need is posted there unless it says otherwise). */
  orgRegion?: string | null;
  /** An approved volunteer's fields that decide which open orders they may take. */
  pool?: PoolVolunteer | null;
}

export function actorFromUser(u: UserRow): FullActor {
  const pool = u.volunteer_id
    ? { id: u.volunteer_id, kinds: u.volunteer_kinds ?? [], skills: u.volunteer_skills ?? [], regions: u.volunteer_regions ?? [], team_id: u.volunteer_team_id }
    : null;
  return { userId: u.id, roles: u.roles, volunteerId: u.volunteer_id, orgId: u.org_id, name: u.name, company: u.company, orgRegion: u.org_region, pool };
}

/**
 * The caller as the order rules see them. The transports read the user's row when they identify
 * the caller (the token's version is checked against it); that row is used, not read again.
 */
export async function loadActor(db: Db, caller: Caller | string): Promise<FullActor> {
  const known = typeof caller === 'string' ? undefined : caller.user;
  const u = known ?? (await getUser(db, typeof caller === 'string' ? caller : caller.userId));
  if (!u) throw unauthenticated();
  return actorFromUser(u);
}

export async function relationTo(db: Db, o: OrderRow, a: FullActor): Promise<Relation> {
  const admin = a.roles.includes('admin') && !!a.orgId && (await isOrgWithin(db, o.org_id, a.orgId));
  return {
    requester: o.requester_id === a.userId,
    volunteer: !!a.volunteerId && o.volunteer_id === a.volunteerId,
    admin,
  };
}

/** Outsiders learn nothing, not even that the order exists. */
export const hiddenOrder = () => new AppError('NOT_FOUND', '订单不存在或无权查看');

/** Status words in error messages: the same table every page reads (cloud/contract/status-words). */
export const STATUS_NAMES: Record<OrderStatus, string> = STATUS_WORDS.admin;

const ACTION_NAMES: Record<OrderAction, string> = {
  cancel: '取消', reschedule: '改期', rate: '评价', confirm: '确认解决', dispute: '提出异议', reopen: '重新发布',
  accept: '接单', decline: '婉拒', checkIn: '签到', complete: '提交服务记录', grab: '抢单', dispatch: '派单', transfer: '转办',
  handBack: '交还订单', checkInCode: '出示签到码',
};

/** Actions that only make sense before the order starts (the message says so when it is late). */
const BEFORE_START_ONLY: OrderAction[] = ['cancel', 'reschedule', 'accept', 'decline', 'dispatch', 'transfer', 'handBack'];

export interface Step {
  to: OrderStatus;
  note?: string;
  patch?: Updateable<OrdersTable>;
  /** Extra timeline entries after the main one (e.g. declined → pending "back to the pool"). */
  then?: { to: OrderStatus; note: string; patch?: Updateable<OrdersTable> };
  notify?: NewMessage[];
  /** Work inside the same transaction after the update (e.g. the volunteer's totals). */
  after?: (trx: Transaction<DB>, row: OrderRow) => Promise<void>;
}

/**
 * One state change, all or nothing: lock the order, check who the caller is to it and that the
 * action is allowed now, update, write the timeline and the inbox messages, commit.
 * An exclusion-constraint violation (the slot is taken) becomes CONFLICT with `slotTakenMessage`.
 */
export async function transition(
  db: Kysely<DB>,
  now: Date,
  actor: FullActor,
  orderId: string,
  action: OrderAction,
  side: keyof Relation | (keyof Relation)[],
  decide: (row: OrderRow, trx: Transaction<DB>) => Promise<Step> | Step,
  slotTakenMessage = '所选时段已被占用，请选择其他时间',
): Promise<Order> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await getOrder(trx, orderId, { forUpdate: true });
      if (!row) throw hiddenOrder();
      const rel = await relationTo(trx, row, actor);
      if (!rel.requester && !rel.volunteer && !rel.admin) throw hiddenOrder();
      const sides = Array.isArray(side) ? side : [side];
      if (!sides.some((s) => rel[s])) {
        const who = sides.map((s) => (s === 'requester' ? '下单人' : s === 'volunteer' ? '接单志愿者' : '管理员')).join('或');
        throw forbidden(`只有${who}可以${ACTION_NAMES[action]}`);
      }
      if (!allowedActions(row, rel, now).includes(action)) {
        const late = now >= row.start_at && BEFORE_START_ONLY.includes(action) && !(row.kind === 'need' && (action === 'dispatch' || action === 'transfer'));
        throw conflict(late ? `订单开始时间已过，不能${ACTION_NAMES[action]}` : `订单当前为「${STATUS_NAMES[row.status as OrderStatus]}」，不能${ACTION_NAMES[action]}`);
      }
      const step = await decide(row, trx);
      if (keepsNames(step)) return toOrder(await writeStep(trx, row, step, actor, now), rel, now);
      await trx.updateTable('orders').set({ ...step.patch, status: step.to, updated_at: now }).where('id', '=', orderId).execute();
      const eventId = await insertEvent(trx, { orderId, at: now, from: row.status, to: step.to, by: actor.userId, note: step.note });
      if (step.then) {
        await trx.updateTable('orders').set({ ...step.then.patch, status: step.then.to }).where('id', '=', orderId).execute();
        await insertEvent(trx, { orderId, at: now, from: step.to, to: step.then.to, by: null, note: step.then.note });
      }
      const updated = (await getOrder(trx, orderId))!;
      // Who may read what in a message is judged on the order as the change leaves it; the
      // WeChat messages are queued in the outbox in this same transaction.
      await deliver(trx, updated, step.notify ?? [], now, `e${eventId}`);
      await step.after?.(trx, updated);
      return toOrder(updated, await relationTo(trx, updated, actor), now);
    });
  } catch (err) {
    throw asSlotConflict(err, slotTakenMessage);
  }
}

/** Columns whose change changes the names an order shows, who relates to it, or its time. */
const RELATING = ['volunteer_id', 'team_id', 'org_id', 'requester_id', 'topic_id', 'service_id', 'during'];

/**
 * Whether the order after the step can be known without reading it again: no column changes
 * names, relations or time, and every value is plain (no SQL expression).
 */
function keepsNames(step: Step): boolean {
  const patch = { ...step.patch, ...step.then?.patch };
  return Object.entries(patch).every(([k, v]) => !RELATING.includes(k) && (v === null || typeof v !== 'object' || v instanceof Date));
}

/**
 * The step in one statement (the update, its timeline entries and messages: writeOrderChange),
 * judged and worded on the row as the step leaves it, which is known without a re-read.
 */
async function writeStep(trx: Transaction<DB>, row: OrderRow, step: Step, actor: FullActor, now: Date): Promise<OrderRow> {
  const to = step.then?.to ?? step.to;
  const set = { ...step.patch, ...step.then?.patch, status: to, updated_at: now };
  const after: OrderRow = { ...row, ...(set as Partial<OrderRow>) };
  const events: EventDraft[] = [{ at: now, from: row.status, to: step.to, by: actor.userId, note: step.note ?? '' }];
  if (step.then) events.push({ at: now, from: step.to, to: step.then.to, by: null, note: step.then.note });
  const written = await writeOrderChange(trx, {
    orderId: row.id,
    write: sql`${trx.updateTable('orders').set(set).where('id', '=', row.id).returningAll()}`,
    events,
    ...planDelivery(after, step.notify ?? []),
    now,
  });
  const updated: OrderRow = { ...after, ...written! };
  await step.after?.(trx, updated);
  return updated;
}

/** 23P01 (exclusion violation) or 40P01 (deadlock while racing for a slot) → CONFLICT. */
export function asSlotConflict(err: unknown, message: string): unknown {
  const code = (err as { code?: unknown })?.code;
  return code === '23P01' || code === '40P01' ? conflict(message) : err;
}
