import { broadcastTeamOrders, escalateOverdue } from '../domain/orders/sla';
import { foldStatsDeltas } from '../db/repositories/stats';
import { services } from './entry';

/**
 * The `timer` cloud function: a CloudBase timer trigger (every minute, see build/bundle.ts)
 * escalates orders past their SLA, tells team members about team orders still open, and folds
 * the statistics deltas into the daily rollup.
 */
export async function main(): Promise<{ escalated: number; broadcast: number; folded: number }> {
  const svc = await services();
  const now = svc.clock.now();
  const escalated = await escalateOverdue(svc.db, now);
  const broadcast = await broadcastTeamOrders(svc.db, now);
  const folded = await foldStatsDeltas(svc.db);
  return { escalated: escalated.length, broadcast: broadcast.length, folded };
}
