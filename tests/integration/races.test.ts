import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order } from '../../cloud/contract';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { NO_LIMITS } from '../../cloud/functions/limits';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/** Race semantics only: no rate limits, and a deadline no queue of a thousand taps on two loaded cores reaches. */
const RACE_LIMITS = { ...NO_LIMITS, deadlineMs: 120_000 };

const codes = (results: { body: { ok: boolean; error?: { code: string } } }[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const k = r.body.ok ? 'OK' : r.body.error!.code;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

/**
 * Races through the real HTTP stack. On PostgreSQL the pool has a connection per racer, so the
 * requests really run at once on separate connections; PGlite has one connection and serialises.
 */
describe.each(['postgres', 'pglite'] as EngineName[])('races on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { poolSize: 60 });
    server = await createTestServer(database, { limits: RACE_LIMITS });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('50 overlapping bookings of one speaker at once: exactly one wins, 49 CONFLICT', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server);
    const workers = await createWorkers(server, 50, `抢订${engine}`);
    const startMs = new Date(slot.start).getTime();
    // Every request overlaps every other (starts within the first minutes of one window).
    const results = await Promise.all(
      workers.map((w, i) => w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, new Date(startMs + (i % 3) * 60_000).toISOString(), duration))),
    );
    expect(codes(results)).toEqual({ OK: 1, CONFLICT: 49 });
    expect(results.filter((r) => r.status === 500)).toHaveLength(0);
    const live = await database.db.selectFrom('orders').select('id').where('volunteer_id', '=', speaker.id).where('status', '=', 'pending').execute();
    expect(live).toHaveLength(1);
  });

  it('10 identical creates with one requestId make one order', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 1 });
    const [worker] = await createWorkers(server, 1, `重试${engine}`);
    const input = lectureInput(topic.id, speaker.id, slot.start, duration, newRequestId());
    const results = await Promise.all(Array.from({ length: 10 }, () => worker.call<Order>('order', 'create', input)));
    expect(codes(results)).toEqual({ OK: 10 });
    const ids = new Set(results.map((r) => okData(r).id));
    expect(ids.size).toBe(1);
    const rows = await database.db.selectFrom('orders').select('id').where('requester_id', '=', worker.userId).execute();
    expect(rows).toHaveLength(1);
  });

  it('every speaker of a topic grabs one pool order at once: one winner', async () => {
    const { topic, slot, duration } = await bookableLecture(server, { minSpeakers: 2, skip: 0 });
    const [worker] = await createWorkers(server, 1, `抢单${engine}`);
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, undefined, slot.start, duration)));
    expect(order.volunteerId).toBeNull();
    const speakers = await Promise.all(topic.volunteers.map(async (v) => sessionFor(server, await userIdOfVolunteer(server, v.id))));
    // Each speaker taps five times, all at once.
    const taps = speakers.flatMap((s) => Array.from({ length: 5 }, () => s.call<Order>('task', 'grab', { id: order.id })));
    const results = await Promise.all(taps);
    const tally = codes(results);
    expect(tally.OK).toBe(1);
    expect(tally.CONFLICT).toBe(taps.length - 1);
    const losers = results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { message: string } }).error.message);
    expect(losers.some((m) => m === '已被其他志愿者接单' || m === '您在该时段已有其他订单')).toBe(true);
  });
});
