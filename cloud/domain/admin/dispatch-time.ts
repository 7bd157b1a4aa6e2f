import { invalid } from '../../contract';
import { rangeOf, type OrderRow } from '../../db/repositories/orders';
import { BOOKING_RULES } from '../rules';

/**
 * The time a dispatch sets. An order whose (wanted) time has passed cannot be dispatched as it is:
 * the walk-through dispatched a need wanted five months earlier without a word. The admin agrees a
 * new time with the requester and sends it as `start`; a new time must lie ahead, within the horizon.
 * Answers the patch and the order as the volunteer will be told of it.
 */
export function dispatchTime(row: OrderRow, now: Date, start?: string) {
  if (!start) {
    if (row.start_at.getTime() <= now.getTime()) throw invalid('start', '期望时间已过，请与下单人商定新的服务时间后再派单');
    return { patch: {}, row };
  }
  const s = new Date(start);
  if (s.getTime() <= now.getTime()) throw invalid('start', '新的服务时间应晚于现在');
  if (s.getTime() > now.getTime() + BOOKING_RULES.horizonDays * 86_400_000) throw invalid('start', `只能安排 ${BOOKING_RULES.horizonDays} 天内的时间`);
  const e = new Date(s.getTime() + row.duration_min * 60_000);
  return { patch: { during: rangeOf(s, e) }, row: { ...row, start_at: s, end_at: e } };
}
