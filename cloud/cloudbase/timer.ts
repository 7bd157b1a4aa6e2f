import { drainOutbox } from '../domain/notify/sender';
import { wechatTransport, type WxOpenApi } from '../domain/notify/transport';
import { sendReminders } from '../domain/notify/reminders';
import { NO_TEMPLATES } from '../domain/notify/templates';
import { broadcastTeamOrders, escalateOverdue } from '../domain/orders/sla';
import { foldStatsDeltas } from '../db/repositories/stats';
import { services } from './entry';

let cloud: WxOpenApi | null = null;

/** wx-server-sdk, installed in the cloud (not bundled), initialised once per container. */
function wx(): WxOpenApi {
  if (!cloud) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- provided by CloudBase at run time
    const sdk = require('wx-server-sdk') as WxOpenApi & { init(opts: { env: unknown }): void; DYNAMIC_CURRENT_ENV: unknown };
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    cloud = sdk;
  }
  return cloud;
}

/**
 * The `timer` cloud function: a CloudBase timer trigger (every minute, see build/bundle.ts)
 * escalates orders past their SLA, tells team members about team orders still open, queues the
 * reminders that are due, sends the outbox through WeChat's open API, and folds the statistics
 * deltas into the daily rollup.
 */
export async function main(): Promise<{ escalated: number; broadcast: number; reminded: number; sent: number; folded: number }> {
  const svc = await services();
  const now = svc.clock.now();
  const escalated = await escalateOverdue(svc.db, now);
  const broadcast = await broadcastTeamOrders(svc.db, now);
  const reminded = Object.values(await sendReminders(svc.db, now)).reduce((a, b) => a + b, 0);
  const drained = await drainOutbox(svc.db, now, { ...(svc.notify ?? NO_TEMPLATES), transport: wechatTransport(wx()) });
  const folded = await foldStatsDeltas(svc.db);
  return { escalated: escalated.length, broadcast: broadcast.length, reminded, sent: drained.sent, folded };
}
