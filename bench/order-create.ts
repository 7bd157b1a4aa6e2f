import { sql } from 'kysely';
import type { Services } from '../cloud/functions/context';
import { dispatch, inProcessCall } from '../cloud/functions/router';
import { actions as orderActions } from '../cloud/functions/order';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import { rangeOf } from '../cloud/db/repositories/orders';
import type { TestDatabase } from '../tests/helpers/db';
import { aroundCall, runLoad, type LoadOptions, type RunResult } from './stats';

const SPEAKERS = 10;
export const SLOT_MIN = 45;

/** Bench speakers free around the clock, giving one topic, so every booking is legal and distinct. */
export async function setup(database: TestDatabase, tag: string) {
  const db = database.db;
  const org = await db.selectFrom('orgs').select('id').limit(1).executeTakeFirstOrThrow();
  const topic = await db
    .insertInto('topics')
    .values({ title: `压测主题${tag}`, category_id: 'laomo', durations: [SLOT_MIN], org_id: org.id, venue_types: ['enterprise'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const requester = await db.insertInto('users').values({ name: `压测职工${tag}`, roles: ['worker'], org_id: null, company: null, phone: null, openid: null }).returning('id').executeTakeFirstOrThrow();
  const speakers: string[] = [];
  for (let i = 0; i < SPEAKERS * 2; i++) {
    const u = await db.insertInto('users').values({ name: `压测讲师${tag}${i}`, roles: ['volunteer'], org_id: org.id, company: null, phone: null, openid: null }).returning('id').executeTakeFirstOrThrow();
    const v = await db.insertInto('volunteers').values({ user_id: u.id, org_id: org.id, kinds: ['speaker'], team_id: null, team_role: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('volunteer_windows').values([1, 2, 3, 4, 5, 6, 7].map((d) => ({ volunteer_id: v.id, weekday: d, start_minute: 0, end_minute: 1440 }))).execute();
    await db.insertInto('topic_volunteers').values({ topic_id: topic.id, volunteer_id: v.id }).execute();
    speakers.push(v.id);
  }
  return { topicId: topic.id, requesterId: requester.id, speakers };
}

/**
 * order.create through the function layer (validation, rules, transaction, timeline, inbox)
 * beside a raw single INSERT through the same pool, at each concurrency level.
 */
export async function benchOrderCreate(database: TestDatabase, engine: string, levels: number[], opts: LoadOptions = {}): Promise<RunResult[]> {
  const { topicId, requesterId, speakers } = await setup(database, engine);
  const services: Services = { db: database.db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };
  const meta = inProcessCall('order', { userId: requesterId });
  // From a Shanghai midnight: 32 slots of 45 minutes fill a day exactly, so no booking crosses
  // midnight (the availability rule checks a booking against one day's windows).
  const DAY = 86_400_000;
  const SHANGHAI = 8 * 3600_000;
  const base = Math.ceil((Date.now() + 26 * 3600_000 + SHANGHAI) / DAY) * DAY - SHANGHAI;
  // Slot i of a speaker: consecutive 45-minute bookings; named speakers alternate so the
  // exclusion constraint is checked on every insert but never fires.
  let slotCursor = 0;
  const startOf = (slot: number) => new Date(base + slot * SLOT_MIN * 60_000);
  const results: RunResult[] = [];
  // A first round at 10 clients is not recorded: it warms both paths up (JIT, the menu memory,
  // each connection's prepared statement), so every level measures the steady state.
  const WARM_UP = -10;
  for (const level of opts.calls === undefined ? [WARM_UP, ...levels] : levels) {
    const warmUp = level === WARM_UP;
    const c = warmUp ? -level : level;
    const total = opts.calls ?? (warmUp ? 300 : Math.max(1000, c * 20));
    const first = slotCursor;
    slotCursor += Math.ceil(total / SPEAKERS) + 1;
    const recorded: RunResult[] = warmUp ? [] : results;
    recorded.push(
      await runLoad(`order.create (${engine})`, c, total, async (i) => {
        const start = startOf(first + Math.floor(i / SPEAKERS));
        const res = await aroundCall(opts)(() => dispatch(orderActions, {
          action: 'create',
          data: {
            kind: 'lecture', topicId, volunteerId: speakers[i % SPEAKERS], start: start.toISOString(), durationMin: SLOT_MIN,
            venue: { type: 'enterprise', address: '压测地址一号楼' }, contactPhone: '13800000000', requestId: `bench-${engine}-${c}-${i}-${first}`,
          },
        }, services, meta));
        if (!res.ok && process.env.BENCH_DEBUG) console.log(res.error);
        return res.ok;
      }),
    );
    if (opts.baseline === false) continue;
    recorded.push(
      await runLoad(`raw INSERT (${engine})`, c, total, async (i) => {
        const start = startOf(first + Math.floor(i / SPEAKERS));
        const end = new Date(start.getTime() + SLOT_MIN * 60_000);
        const now = new Date();
        await database.db
          .insertInto('orders')
          .values({
            kind: 'lecture', requester_id: requesterId, org_id: '1', topic_id: topicId, volunteer_id: speakers[SPEAKERS + (i % SPEAKERS)],
            named: true, during: rangeOf(start, end), duration_min: SLOT_MIN, venue_type: 'enterprise', venue_address: 'x',
            venue_link: null, headcount: null, contact_phone: '13800000000', title: null, field: null, description: null, urgency: null,
            request_id: `raw-${engine}-${c}-${i}-${first}`, created_at: now, updated_at: now, pending_since: now,
          })
          .execute();
        return true;
      }),
    );
  }
  await sql`SELECT 1`.execute(database.db);
  return results;
}
