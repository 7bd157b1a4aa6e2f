import { sql } from 'kysely';
import { createGuards, type Services } from '../cloud/functions/context';
import { NO_LIMITS } from '../cloud/functions/limits';
import { dispatch, inProcessCall } from '../cloud/functions/router';
import { actions as orderActions } from '../cloud/functions/order';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import type { TestDatabase } from '../tests/helpers/db';
import { setup, SLOT_MIN } from './order-create';
import { percentile } from './stats';

export interface RaceResult {
  engine: string;
  attempts: number;
  slots: number;
  won: number;
  conflicts: number;
  /** Anything but OK or CONFLICT (must be 0). */
  errors: number;
  /** Orders in the database on the race's slots (must equal `slots`). */
  ordersOnSlots: number;
  /** Slots holding more than one live order (must be 0). */
  doubleBooked: number;
  seconds: number;
  p99: number;
}

const SPEAKERS = 10;
const SLOTS_EACH = 10;

/**
 * `attempts` order.create calls, all started at once, through the function path, each for one
 * of 100 slots (10 speakers × 10 consecutive 45-minute slots) at random: exactly 100 may win.
 * Checked afterwards in the database: one order per slot, none doubly booked.
 */
export async function benchBookingRace(database: TestDatabase, engine: string, attempts = 10_000): Promise<RaceResult> {
  const { topicId, requesterId, speakers } = await setup(database, `race${engine}`);
  const named = speakers.slice(0, SPEAKERS);
  // All 10,000 start at once and queue for the pool's connections, so the last ones wait for
  // most of the run: the server's 10 s request deadline (a policy, not the race) is lifted here.
  const services: Services = {
    db: database.db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false,
    guards: createGuards({ ...NO_LIMITS, deadlineMs: 600_000 }),
  };
  const meta = inProcessCall('order', { userId: requesterId });
  const DAY = 86_400_000;
  const SHANGHAI = 8 * 3600_000;
  // Three days out, from a Shanghai midnight: the other benches book the days before.
  const base = Math.ceil((Date.now() + 3 * DAY + SHANGHAI) / DAY) * DAY - SHANGHAI + 12 * DAY;
  const slot = (k: number) => ({ volunteerId: named[k % SPEAKERS], start: new Date(base + Math.floor(k / SPEAKERS) * SLOT_MIN * 60_000) });
  const codes = new Map<string, number>();
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: attempts }, async (_, i) => {
      const s = slot(Math.floor(Math.random() * SPEAKERS * SLOTS_EACH));
      const began = performance.now();
      const res = await dispatch(orderActions, {
        action: 'create',
        data: {
          kind: 'lecture', topicId, volunteerId: s.volunteerId, start: s.start.toISOString(), durationMin: SLOT_MIN,
          venue: { type: 'enterprise', address: '压测地址一号楼' }, contactPhone: '13800000000', requestId: `race-${engine}-${i}`,
        },
      }, services, meta);
      latencies.push(performance.now() - began);
      const code = res.ok ? 'OK' : res.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const end = new Date(base + SLOTS_EACH * SLOT_MIN * 60_000);
  const rows = await database.db
    .selectFrom('orders')
    .select(['volunteer_id', 'during', sql<Date>`lower(during)`.as('start')])
    .where('volunteer_id', 'in', named)
    .where('status', 'in', ['pending', 'accepted', 'in_progress'])
    .where('created_at', '>=', new Date(Date.now() - 3600_000))
    .execute();
  const onSlots = rows.filter((r) => new Date(r.start).getTime() >= base && new Date(r.start).getTime() < end.getTime());
  const perSlot = new Map<string, number>();
  for (const r of onSlots) perSlot.set(`${r.volunteer_id}|${r.during}`, (perSlot.get(`${r.volunteer_id}|${r.during}`) ?? 0) + 1);
  latencies.sort((a, b) => a - b);
  const won = codes.get('OK') ?? 0;
  const conflicts = codes.get('CONFLICT') ?? 0;
  return {
    engine, attempts, slots: SPEAKERS * SLOTS_EACH, won, conflicts, errors: attempts - won - conflicts,
    ordersOnSlots: onSlots.length, doubleBooked: [...perSlot.values()].filter((n) => n > 1).length,
    seconds, p99: percentile(latencies, 99),
  };
}

export const RACE_HEAD = '| engine | attempts | slots | won | CONFLICT | other errors | orders on the slots | doubly booked | seconds | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
export const fmtRace = (r: RaceResult) =>
  `| ${r.engine} | ${r.attempts} | ${r.slots} | ${r.won} | ${r.conflicts} | ${r.errors} | ${r.ordersOnSlots} | ${r.doubleBooked} | ${r.seconds.toFixed(1)} | ${r.p99.toFixed(0)} |`;
