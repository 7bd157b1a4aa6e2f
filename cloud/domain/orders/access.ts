import type { OrderAction, OrderStatus } from '../../contract';
import type { OrderRow } from '../../db/repositories/orders';
import { CHECK_IN_EARLY_MINUTES, HAND_BACK_RULES, RATING_WINDOW_DAYS, checkInCodeOpensAt } from './rules';

/** The caller as the order rules see them. */
export interface Actor {
  userId: string;
  roles: string[];
  volunteerId: string | null;
}

/**
 * How the caller relates to one order. `admin` means an admin whose org covers the order's;
 * `volunteer` that the order names the caller (whether or not they said yes: see privacy.ts);
 * `candidate` a volunteer the pool offers the open order to.
 */
export interface Relation {
  requester: boolean;
  volunteer: boolean;
  admin: boolean;
  candidate?: boolean;
}

const LIVE_BEFORE_START: OrderStatus[] = ['pending', 'accepted', 'expired', 'declined'];

/** What the caller may do next; the pages show exactly these buttons and the server re-checks. */
export function allowedActions(o: OrderRow, r: Relation, now: Date): OrderAction[] {
  const status = o.status as OrderStatus;
  const beforeStart = now < o.start_at;
  const out: OrderAction[] = [];
  if (r.requester) {
    if (beforeStart && LIVE_BEFORE_START.includes(status)) out.push('cancel');
    if (beforeStart && (status === 'pending' || status === 'accepted' || status === 'expired')) out.push('reschedule');
    if (status === 'completed' && o.completed_at && now.getTime() <= o.completed_at.getTime() + RATING_WINDOW_DAYS * 86_400_000) {
      out.push('rate');
    }
    // The rotating check-in code, on the day (see checkInCodeOpensAt), until the volunteer checks in.
    if (status === 'accepted' && o.volunteer_id && now >= checkInCodeOpensAt(o.start_at)) out.push('checkInCode');
    if (o.kind === 'need' && status === 'completed') {
      if (!o.confirmed_at && !o.disputed_at) out.push('confirm', 'dispute');
      if (needsMoreWork(o)) out.push('reopen');
    }
  }
  // 派单 and 转办: an admin of the order's org, while the order is open or escalated and not started.
  // A need's start is only the earliest wanted time, so it can still be arranged after it.
  if (r.admin && (beforeStart || o.kind === 'need') && (status === 'pending' || status === 'expired' || status === 'declined')) {
    out.push('dispatch', 'transfer');
  }
  // An admin of the order's org may also send an unresolved need back (to the pool or to the admins).
  if (r.admin && !r.requester && o.kind === 'need' && status === 'completed' && needsMoreWork(o)) out.push('reopen');
  if (r.volunteer) {
    if (beforeStart && (status === 'pending' || status === 'expired')) out.push('accept', 'decline');
    if (status === 'accepted' && now.getTime() >= o.start_at.getTime() - CHECK_IN_EARLY_MINUTES * 60_000) out.push('checkIn');
    if (status === 'in_progress') out.push('complete');
    // An accepted volunteer who cannot come gives it back, up to the start (HAND_BACK_RULES).
    if (status === 'accepted' && now.getTime() < o.start_at.getTime() - HAND_BACK_RULES.closesMinutesBeforeStart * 60_000) out.push('handBack');
  }
  return out;
}

/** A finished need that is not solved: the record says so, or the requester disputed it. */
function needsMoreWork(o: OrderRow): boolean {
  const outcome = (o.record as { outcome?: string } | null)?.outcome;
  return !o.confirmed_at && (o.disputed_at !== null || outcome === 'partly' || outcome === 'unresolved');
}
