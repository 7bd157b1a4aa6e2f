import { sql } from 'kysely';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import { rangeOf } from '../cloud/db/repositories/orders';
import { getUser } from '../cloud/db/repositories/users';
import { actions as taskActions } from '../cloud/functions/task';
import { dispatch, inProcessCall } from '../cloud/functions/router';
import type { TestDatabase } from '../tests/helpers/db';
import { aroundCall, runLoad, type LoadOptions, type RunResult } from './stats';

const NEEDS = 100;
const REQUESTS = 1000;

/** `count` technicians of one field, in bulk. Returns [volunteerId, userId] pairs. */
async function technicians(database: TestDatabase, count: number, tag: string) {
  const db = database.db;
  const org = await db.selectFrom('orgs').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const users = await db
    .insertInto('users')
    .values(Array.from({ length: count }, (_, i) => ({ name: `压测技师${tag}${i}`, roles: ['volunteer'], org_id: org.id, company: null, phone: null, openid: null })))
    .returning('id')
    .execute();
  const vols = await db
    .insertInto('volunteers')
    .values(users.map((u) => ({ user_id: u.id, org_id: org.id, kinds: ['technician'], skills: [`压测${tag}`], regions: [], team_id: null, team_role: null })))
    .returning(['id', 'user_id'])
    .execute();
  return vols.map((v) => ({ volunteerId: v.id, userId: v.user_id }));
}

/** 100 open needs of the field, each at its own hour (so one volunteer may win several). */
async function openNeeds(database: TestDatabase, tag: string, round: string, hourOffset: number): Promise<string[]> {
  const db = database.db;
  const requester = await db.selectFrom('users').select(['id', 'org_id']).where('org_id', 'is not', null).orderBy('id').limit(1).executeTakeFirstOrThrow();
  const now = new Date();
  // Each round its own hours: a volunteer holding a need from one round is not blocked in the next.
  const base = Math.ceil((Date.now() + 48 * 3600_000) / 3600_000) * 3600_000 + hourOffset * 3600_000;
  const rows = await db
    .insertInto('orders')
    .values(Array.from({ length: NEEDS }, (_, i) => ({
      kind: 'need' as const, requester_id: requester.id, org_id: requester.org_id!, topic_id: null, service_id: null, team_id: null,
      volunteer_id: null, named: false, during: rangeOf(new Date(base + i * 3600_000), new Date(base + i * 3600_000 + 3_000_000)),
      duration_min: 50, venue_type: 'workshop', venue_address: '压测车间', venue_link: null, headcount: null, contact_phone: '13800000000',
      title: `压测需求${i}`, field: `压测${tag}`, description: '压测', urgency: 'normal', region: null,
      request_id: `grab-${tag}-${round}-${i}`, created_at: now, updated_at: now, pending_since: now,
      team_broadcast_at: null, confirmed_at: null, disputed_at: null, dispute_reason: null,
    })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * task.grab under contention: `clients` volunteers tap random needs among 100 (1000 taps in
 * all per level; exactly 100 can win), beside the raw guarded UPDATE on fresh needs.
 */
export async function benchGrab(database: TestDatabase, engine: string, levels: number[], opts: LoadOptions = {}): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const services = { db: database.db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };
  // A first round at 10 clients is not recorded: it warms both paths up (JIT, each connection's
  // prepared statements), so every level measures the steady state.
  const WARM_UP = -10;
  for (const level of opts.calls === undefined ? [WARM_UP, ...levels] : levels) {
    const warmUp = level === WARM_UP;
    const clients = warmUp ? -level : level;
    const recorded: RunResult[] = warmUp ? [] : results;
    const tag = `${engine}${clients}${warmUp ? 'w' : ''}`;
    const vols = await technicians(database, clients, tag);
    // Nobody taps 抢单 without having opened the pool: that call read each volunteer's row, which
    // the grab then checks in its own statements instead of reading it again.
    await Promise.all(vols.map((v) => getUser(database.db, v.userId)));
    const perClient = Math.ceil(REQUESTS / clients);
    const pick = () => Math.floor(Math.random() * NEEDS);

    const needs = await openNeeds(database, tag, 'fn', 0);
    let wins = 0;
    const fn = await runLoad(`task.grab (${engine})`, clients, opts.calls ?? REQUESTS, async (i) => {
      const v = vols[Math.floor(i / perClient) % clients];
      const res = await aroundCall(opts)(() => dispatch(taskActions, { action: 'grab', data: { id: needs[pick()] } }, services, inProcessCall('task', { userId: v.userId })));
      if (res.ok) wins++;
      // A CONFLICT is the expected answer of a lost race, not an error.
      return res.ok || res.error.code === 'CONFLICT';
    });
    recorded.push({ ...fn, label: `${fn.label}, ${wins} won` });
    if (opts.baseline === false) continue;

    const rawNeeds = await openNeeds(database, tag, 'raw', NEEDS + 10);
    let rawWins = 0;
    const raw = await runLoad(`raw guarded UPDATE (${engine})`, clients, REQUESTS, async (i) => {
      const v = vols[Math.floor(i / perClient) % clients];
      const r = await sql`UPDATE orders SET volunteer_id = ${v.volunteerId}, status = 'accepted', accepted_at = now(), updated_at = now()
        WHERE id = ${rawNeeds[pick()]} AND status = 'pending' AND volunteer_id IS NULL RETURNING id`.execute(database.db);
      if (r.rows.length) rawWins++;
      return true;
    });
    recorded.push({ ...raw, label: `${raw.label}, ${rawWins} won` });
  }
  return results;
}
