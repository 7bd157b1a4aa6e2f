import { sql, type Kysely } from 'kysely';
import { expect } from '@jest/globals';
import type { Envelope, Order } from '../../cloud/contract';
import type { DB } from '../../cloud/db/schema';
import { NO_LIMITS } from '../../cloud/functions/limits';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer, type Session } from './actors';
import { createTechnicians, postNeed } from './needs';
import { okData, type TestServer } from './server';

/**
 * The race scenarios (booking one speaker's slot, grabbing one order), shared by the race tests
 * on one server and by the PgBouncer test, where every racer comes through a function instance of
 * its own. Each scenario asserts its exact outcome.
 */

/** Race semantics only: no rate limits, and a deadline no queue of a thousand taps on two loaded cores reaches. */
export const RACE_LIMITS = { ...NO_LIMITS, deadlineMs: 120_000 };

type Answer = { status?: number; body: Envelope<unknown> };

export const tally = (results: Answer[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const k = r.body.ok ? 'OK' : r.body.error.code;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

const messages = (results: Answer[]) => results.filter((r) => !r.body.ok).map((r) => (r.body as { error: { message: string } }).error.message);

export interface RaceStage {
  /** Setup (catalog reads, new users) and the checks: a server on the database under test. */
  server: TestServer;
  db: Kysely<DB>;
  /** How the i-th racer reaches the backend; by default through `server` itself. */
  racer?: (userId: string, i: number) => Session | Promise<Session>;
  /** Part of the names of the users a scenario creates. */
  label: string;
  /** How a scenario's burst is let go (e.g. `burstGate`: all at one instant); at once by default. */
  gate?: <T>(fire: () => Promise<T>) => Promise<T>;
}

const burst = <T>(stage: RaceStage, fire: () => Promise<T>): Promise<T> => (stage.gate ? stage.gate(fire) : fire());

const racersOf = <S extends Session>(stage: RaceStage, sessions: S[]): Promise<S[]> =>
  Promise.all(sessions.map(async (s, i) => (stage.racer ? { ...s, ...(await stage.racer(s.userId, i)) } : s)));

/** `n` overlapping bookings of one speaker at once: exactly one wins, the others CONFLICT. */
export async function raceOverlappingBookings(stage: RaceStage, n = 50) {
  const { server, db } = stage;
  const { topic, speaker, slot, duration } = await bookableLecture(server);
  const workers = await racersOf(stage, await createWorkers(server, n, `抢订${stage.label}`));
  const startMs = new Date(slot.start).getTime();
  // Every request overlaps every other (starts within the first minutes of one window).
  const results = await burst(stage, () =>
    Promise.all(
      workers.map((w, i) => w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, new Date(startMs + (i % 3) * 60_000).toISOString(), duration))),
    ),
  );
  expect(tally(results)).toEqual({ OK: 1, CONFLICT: n - 1 });
  expect(results.filter((r) => r.status === 500)).toHaveLength(0);
  // Exactly one of the racers holds the speaker (earlier runs on the same database may hold other slots).
  const live = await db
    .selectFrom('orders')
    .select('id')
    .where('volunteer_id', '=', speaker.id)
    .where('status', '=', 'pending')
    .where('requester_id', 'in', workers.map((w) => w.userId))
    .execute();
  expect(live).toHaveLength(1);
}

/** `n` identical creates with one requestId at once make one order. */
export async function raceOneRequestId(stage: RaceStage, n = 10) {
  const { server, db } = stage;
  const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 1 });
  const [worker] = await createWorkers(server, 1, `重试${stage.label}`);
  const input = lectureInput(topic.id, speaker.id, slot.start, duration, newRequestId());
  // The same user retrying from `n` places at once (on CloudBase: `n` instances).
  const taps = await Promise.all(Array.from({ length: n }, async (_, i) => (stage.racer ? stage.racer(worker.userId, i) : worker)));
  const results = await Promise.all(taps.map((t) => t.call<Order>('order', 'create', input)));
  expect(tally(results)).toEqual({ OK: n });
  const ids = new Set(results.map((r) => okData(r).id));
  expect(ids.size).toBe(1);
  const rows = await db.selectFrom('orders').select('id').where('requester_id', '=', worker.userId).execute();
  expect(rows).toHaveLength(1);
}

/** Every speaker of a topic taps 「接单」 on one pool order `taps` times, all at once: one winner. */
export async function raceSpeakersGrabPoolOrder(stage: RaceStage, taps = 5) {
  const { server } = stage;
  const { topic, slot, duration } = await bookableLecture(server, { minSpeakers: 2, skip: 0 });
  const [worker] = await createWorkers(server, 1, `抢单${stage.label}`);
  const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, undefined, slot.start, duration)));
  expect(order.volunteerId).toBeNull();
  const speakers = await racersOf(stage, await Promise.all(topic.volunteers.map(async (v) => sessionFor(server, await userIdOfVolunteer(server, v.id)))));
  const calls = speakers.flatMap((s) => Array.from({ length: taps }, () => s.call<Order>('task', 'grab', { id: order.id })));
  const results = await Promise.all(calls);
  const counts = tally(results);
  expect(counts.OK).toBe(1);
  expect(counts.CONFLICT).toBe(calls.length - 1);
  expect(messages(results).some((m) => m === '已被其他志愿者接单' || m === '您在该时段已有其他订单')).toBe(true);
}

/** An enterprise user of an org (who may post needs), as a session on `server`. */
export async function enterpriseSession(server: TestServer): Promise<Session> {
  const ent = await server.services.db
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`'enterprise' = ANY(roles)`)
    .where('org_id', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return sessionFor(server, ent.id);
}

/** `n` volunteers grab one need at once: exactly one winner, the others CONFLICT. */
export async function raceGrabOneNeed(stage: RaceStage, enterprise: Session, n = 100) {
  const { server, db } = stage;
  const techs = await racersOf(stage, await createTechnicians(server, n, '焊接', `百人${stage.label}`));
  const need = await postNeed(enterprise);
  const results = await Promise.all(techs.map((t) => t.call<Order>('task', 'grab', { id: need.id })));
  expect(tally(results)).toEqual({ OK: 1, CONFLICT: n - 1 });
  expect(new Set(messages(results))).toEqual(new Set(['已被其他志愿者接单']));
  const row = await db.selectFrom('orders').select(['status', 'volunteer_id']).where('id', '=', need.id).executeTakeFirstOrThrow();
  const winner = results.findIndex((r) => r.body.ok);
  expect(row).toEqual({ status: 'accepted', volunteer_id: techs[winner].volunteerId });
  const events = await db.selectFrom('order_events').select('to_status').where('order_id', '=', need.id).execute();
  expect(events.filter((e) => e.to_status === 'accepted')).toHaveLength(1);
}

/** `volunteers` volunteers grab `needs` same-time needs at once: no need taken twice, nobody double-booked. */
export async function raceGrabSameTimeNeeds(stage: RaceStage, enterprise: Session, volunteers = 50, needCount = 20) {
  const { server, db } = stage;
  const techs = await racersOf(stage, await createTechnicians(server, volunteers, '电力', `二十${stage.label}`));
  const start = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const needs: Order[] = [];
  for (let i = 0; i < needCount; i++) needs.push(await postNeed(enterprise, { field: '电力', title: `配电柜故障排查 ${i + 1}`, start, durationMin: 120 }));
  // Every volunteer taps every need, each in their own shuffled order, all at once.
  const tap = () =>
    techs.flatMap((t, k) => {
      const order = needs.map((_, i) => needs[(i + k) % needs.length]);
      return order.map((n) => t.call<Order>('task', 'grab', { id: n.id }));
    });
  const results = await burst(stage, () => Promise.all(tap()));
  const counts = tally(results);
  expect({ ...counts, messages: [...new Set(messages(results))] }).toMatchObject({ OK: needCount });
  expect(counts.CONFLICT).toBe(results.length - needCount);
  expect(counts.INTERNAL).toBeUndefined();

  const rows = await db.selectFrom('orders').select(['id', 'volunteer_id', 'status']).where('id', 'in', needs.map((n) => n.id)).execute();
  expect(rows.every((r) => r.status === 'accepted' && r.volunteer_id)).toBe(true);
  const holders = rows.map((r) => r.volunteer_id);
  expect(new Set(holders).size).toBe(needCount); // the exclusion constraint: one same-time need per volunteer
}
