import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Order, VolunteerStats } from '../../cloud/contract';
import { rangeOf } from '../../cloud/db/repositories/orders';
import { createWorkers, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const fail = (res: { body: { ok: boolean; error?: { code: string; fields?: Record<string, string> } } }) =>
  res.body.ok ? { code: 'OK', fields: {} } : { code: res.body.error!.code, fields: res.body.error!.fields ?? {} };

const H = 3600_000;
const iso = (t: number) => new Date(t).toISOString();

/**
 * Service hours come from the actual start and end the volunteer files (issue 11, finding 2: a
 * 4-hour job filed right after a late check-in recorded 10:30–10:30 and credited 0 hours).
 */
describe('service record: actual start and end decide the hours (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;
  let volunteer: Session;
  let volunteerId: string;
  let bookedStart: number;

  /** A 4-hour lecture that ran yesterday night (no seed order near), checked in just now. */
  async function inProgressOrder(hoursAgo: number): Promise<string> {
    bookedStart = Math.floor((Date.now() - hoursAgo * H) / 60_000) * 60_000;
    const now = new Date();
    const row = await database.db
      .insertInto('orders')
      .values({
        kind: 'lecture', status: 'in_progress', requester_id: worker.userId, org_id: (await database.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id,
        topic_id: null, service_id: null, team_id: null, volunteer_id: volunteerId, named: true,
        during: rangeOf(new Date(bookedStart), new Date(bookedStart + 4 * H)), duration_min: 240, venue_type: 'enterprise',
        venue_address: '义乌市稠城街道工人北路 1 号', venue_link: null, headcount: 60, contact_phone: '13800001234', title: '四小时宣讲',
        field: null, description: null, urgency: null, region: null, request_id: `hours-${hoursAgo}-${Math.random().toString(36).slice(2)}`,
        created_at: new Date(bookedStart - 72 * H), updated_at: now, pending_since: new Date(bookedStart - 72 * H),
        accepted_at: new Date(bookedStart - 48 * H), checked_in_at: now, completed_at: null, record: null, credited_minutes: null,
        rating: null, confirmed_at: null, team_broadcast_at: null, disputed_at: null, dispute_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database);
    [worker] = await createWorkers(server, 1, '工时');
    const v = await database.db.selectFrom('volunteers').select(['id', 'user_id']).orderBy('id').executeTakeFirstOrThrow();
    volunteerId = v.id;
    volunteer = sessionFor(server, v.user_id);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('a 4-hour job filed right after a late check-in credits 4 hours and 18 points', async () => {
    const id = await inProgressOrder(30); // booked 30 h ago, 4 h long
    const before = okData(await volunteer.call<VolunteerStats>('task', 'stats'));
    const done = okData(await volunteer.call<Order>('task', 'complete', {
      id, record: { peopleServed: 60, summary: '四小时的劳模精神宣讲', actualStart: iso(bookedStart), actualEnd: iso(bookedStart + 4 * H) },
    }));
    expect(done.status).toBe('completed');
    expect(Date.parse(done.record!.actualStart!)).toBe(bookedStart);
    expect(Date.parse(done.record!.actualEnd!)).toBe(bookedStart + 4 * H);
    const after = okData(await volunteer.call<VolunteerStats>('task', 'stats'));
    expect(after.serviceHours - before.serviceHours).toBeCloseTo(4, 5);
    expect(after.points - before.points).toBe(10 + 8);
    const row = await database.db.selectFrom('orders').select('credited_minutes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.credited_minutes).toBe(240);
  });

  it('caps at the booked duration, and a shorter session earns what it ran', async () => {
    const long = await inProgressOrder(40);
    okData(await volunteer.call('task', 'complete', {
      id: long, record: { peopleServed: 5, summary: '讲了五个小时', actualStart: iso(bookedStart - H), actualEnd: iso(bookedStart + 4 * H) },
    }));
    const short = await inProgressOrder(50);
    okData(await volunteer.call('task', 'complete', {
      id: short, record: { peopleServed: 5, summary: '讲了九十分钟', actualStart: iso(bookedStart + 30 * 60_000), actualEnd: iso(bookedStart + 2 * H) },
    }));
    const rows = await database.db.selectFrom('orders').select(['id', 'credited_minutes']).where('id', 'in', [long, short]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.credited_minutes]))).toEqual({ [long]: 240, [short]: 90 });
  });

  it('refuses an end before the start, in the future, or far from the booking, naming the field; nothing changes', async () => {
    const id = await inProgressOrder(60);
    const send = (actualStart: string, actualEnd: string) =>
      volunteer.call('task', 'complete', { id, record: { peopleServed: 5, summary: '时间填错了的记录', actualStart, actualEnd } });
    expect(fail(await send(iso(bookedStart + 2 * H), iso(bookedStart + H)))).toMatchObject({ code: 'VALIDATION', fields: { 'record.actualEnd': '结束时间应晚于开始时间' } });
    expect(fail(await send(iso(bookedStart), iso(Date.now() + H)))).toMatchObject({ code: 'VALIDATION', fields: { 'record.actualEnd': '结束时间不能晚于现在' } });
    expect(fail(await send(iso(bookedStart - 5 * H), iso(bookedStart + H))).fields['record.actualStart']).toMatch(/不能早于/);
    expect(fail(await send(iso(bookedStart), iso(bookedStart + 20 * H))).fields['record.actualEnd']).toMatch(/不能晚于预约结束后/);
    expect(fail(await send('昨天上午', iso(bookedStart + H)))).toMatchObject({ code: 'VALIDATION' });
    const row = await database.db.selectFrom('orders').select(['status', 'credited_minutes']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'in_progress', credited_minutes: null });
  });

  it('an older client that sends no times still completes: check-in → now', async () => {
    const id = await inProgressOrder(70);
    const done = okData(await volunteer.call<Order>('task', 'complete', { id, record: { peopleServed: 5, summary: '旧版客户端的记录' } }));
    expect(done.status).toBe('completed');
    expect(done.record!.actualStart).toBeTruthy();
    const row = await database.db.selectFrom('orders').select('credited_minutes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.credited_minutes).toBe(0);
  });
});
