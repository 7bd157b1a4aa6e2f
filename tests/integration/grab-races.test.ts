import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from '../../cloud/contract';
import { sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTechnicians, postNeed } from '../helpers/needs';
import { NO_LIMITS } from '../../cloud/functions/limits';
import { createTestServer, type TestServer } from '../helpers/server';

/** Race semantics only: no rate limits, and a deadline no queue of a thousand taps on two loaded cores reaches. */
const RACE_LIMITS = { ...NO_LIMITS, deadlineMs: 120_000 };

const tally = (results: { body: { ok: boolean; error?: { code: string } } }[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const k = r.body.ok ? 'OK' : r.body.error!.code;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

/** Grabs on the real PostgreSQL server: a pool connection per racer, all at once. */
describe('grab races on PostgreSQL', () => {
  let database: TestDatabase;
  let server: TestServer;
  let enterprise: Session;

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { poolSize: 80 });
    server = await createTestServer(database, { limits: RACE_LIMITS });
    const ent = await database.db.selectFrom('users').select('id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    enterprise = sessionFor(server, ent.id);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('100 volunteers grab one need at once: exactly one winner, 99 CONFLICT', async () => {
    const techs = await createTechnicians(server, 100, '焊接', '百人');
    const need = await postNeed(enterprise);
    const results = await Promise.all(techs.map((t) => t.call<Order>('task', 'grab', { id: need.id })));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: 99 });
    const losers = results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { message: string } }).error.message);
    expect(new Set(losers)).toEqual(new Set(['已被其他志愿者接单']));
    const row = await database.db.selectFrom('orders').select(['status', 'volunteer_id']).where('id', '=', need.id).executeTakeFirstOrThrow();
    const winner = results.findIndex((r) => r.body.ok);
    expect(row).toEqual({ status: 'accepted', volunteer_id: techs[winner].volunteerId });
    const events = await database.db.selectFrom('order_events').select('to_status').where('order_id', '=', need.id).execute();
    expect(events.filter((e) => e.to_status === 'accepted')).toHaveLength(1);
  });

  it('50 volunteers grab 20 same-time needs at once: no need taken twice, nobody double-booked', async () => {
    const techs = await createTechnicians(server, 50, '电力', '二十');
    const start = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const needs: Order[] = [];
    for (let i = 0; i < 20; i++) needs.push(await postNeed(enterprise, { field: '电力', title: `配电柜故障排查 ${i + 1}`, start, durationMin: 120 }));
    // Every volunteer taps every need, each in their own shuffled order, all at once.
    const taps = techs.flatMap((t, k) => {
      const order = needs.map((_, i) => needs[(i + k) % needs.length]);
      return order.map((n) => t.call<Order>('task', 'grab', { id: n.id }));
    });
    const results = await Promise.all(taps);
    const counts = tally(results);
    expect({ ...counts, messages: [...new Set(results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { message: string } }).error.message))] }).toMatchObject({ OK: 20 });
    expect(counts.CONFLICT).toBe(taps.length - 20);
    expect(counts.INTERNAL).toBeUndefined();

    const rows = await database.db.selectFrom('orders').select(['id', 'volunteer_id', 'status']).where('id', 'in', needs.map((n) => n.id)).execute();
    expect(rows.every((r) => r.status === 'accepted' && r.volunteer_id)).toBe(true);
    const holders = rows.map((r) => r.volunteer_id);
    expect(new Set(holders).size).toBe(20); // the exclusion constraint: one same-time need per volunteer
  });
});
