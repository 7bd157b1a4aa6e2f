import { broadcastTeamOrders, escalateOverdue } from '../domain/orders/sla';
import { services } from './entry';

/**
 * The `timer` cloud function: a CloudBase timer trigger (every minute, see build/bundle.ts)
 * escalates orders past their SLA and tells team members about team orders still open.
 */
export async function main(): Promise<{ escalated: number; broadcast: number }> {
  const svc = await services();
  const now = svc.clock.now();
  const escalated = await escalateOverdue(svc.db, now);
  const broadcast = await broadcastTeamOrders(svc.db, now);
  return { escalated: escalated.length, broadcast: broadcast.length };
}
