import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { CandidateFitItem, Order, Page } from '../../cloud/contract';
import { rangeOf } from '../../cloud/db/repositories/orders';
import { dayjs, ZONE } from '../../cloud/domain/time';
import { createWorkers, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestServer, okData, type TestServer } from '../helpers/server';

type Res = { body: { ok: boolean; error?: { code: string; fields?: Record<string, string> } } };
const code = (r: Res) => (r.body.ok ? 'OK' : r.body.error!.code);
const fields = (r: Res) => (r.body.ok ? {} : r.body.error!.fields ?? {});
const H = 3600_000;

/** Issue 11, finding 3: dispatch with judgement (a passed time, each candidate's fit). */
describe('admin dispatch judgement (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let admin: Session;
  let other: Session; // an admin of another city
  let worker: Session;
  let inScope: string[]; // volunteers of 金华 and below
  let outside: string; // a volunteer of another city
  const org: Record<string, string> = {};

  async function insertOrder(over: { kind?: 'lecture' | 'need'; status?: string; start: Date; volunteerId?: string | null; title?: string; orgId?: string; minutes?: number }) {
    const minutes = over.minutes ?? 120;
    const kind = over.kind ?? 'need';
    const row = await database.db.insertInto('orders').values({
      kind, status: over.status ?? 'expired', requester_id: worker.userId, org_id: over.orgId ?? org['金华市总工会'], topic_id: null, service_id: null, team_id: null,
      volunteer_id: over.volunteerId ?? null, named: !!over.volunteerId, during: rangeOf(over.start, new Date(over.start.getTime() + minutes * 60_000)),
      duration_min: minutes, venue_type: 'workshop', venue_address: '义乌市苏溪镇工业区 12 号', venue_link: null, headcount: null,
      contact_phone: '13800002001', title: over.title ?? '数控车床主轴异响', field: kind === 'need' ? '数控' : null, description: '加工时主轴周期性异响',
      urgency: null, region: null, request_id: `dj-${Math.random().toString(36).slice(2)}`, created_at: new Date(over.start.getTime() - 72 * H),
      updated_at: new Date(), pending_since: new Date(over.start.getTime() - 72 * H), accepted_at: null, checked_in_at: null, completed_at: null,
      record: null, credited_minutes: null, rating: null, confirmed_at: null, team_broadcast_at: null, disputed_at: null, dispute_reason: null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database);
    for (const o of await database.db.selectFrom('orgs').select(['id', 'name']).execute()) org[o.name] = o.id;
    const adminOf = async (name: string) => {
      const u = await database.db.selectFrom('users').select('id').where('org_id', '=', org[name]).where(sql<boolean>`'admin' = ANY(roles)`).executeTakeFirstOrThrow();
      return sessionFor(server, u.id);
    };
    admin = await adminOf('金华市总工会');
    other = await adminOf('湖州市总工会');
    [worker] = await createWorkers(server, 1, '派单');
    const jinhua = await sql<{ id: string }>`WITH RECURSIVE sub AS (SELECT id FROM orgs WHERE id = ${org['金华市总工会']} UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id::text AS id FROM sub`.execute(database.db);
    const subtree = jinhua.rows.map((r) => r.id);
    const vs = await database.db.selectFrom('volunteers as v').leftJoin('teams as t', 't.id', 'v.team_id').select(['v.id', 'v.org_id', 't.org_id as team_org_id']).where('v.status', '=', 'approved').orderBy('v.id').execute();
    inScope = vs.filter((v) => subtree.includes(v.org_id) || (v.team_org_id && subtree.includes(v.team_org_id))).map((v) => v.id);
    outside = vs.find((v) => !subtree.includes(v.org_id) && !(v.team_org_id && subtree.includes(v.team_org_id)))!.id;
    expect(inScope.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('refuses to dispatch a need whose wanted time passed, until a new time ahead is given', async () => {
    const id = await insertOrder({ start: new Date(Date.now() - 150 * 86_400_000) }); // five months ago
    const v = inScope[0];
    const bare = await admin.call('admin', 'dispatch', { id, volunteerId: v });
    expect(code(bare)).toBe('VALIDATION');
    expect(fields(bare).start).toContain('期望时间已过');
    const past = await admin.call('admin', 'dispatch', { id, volunteerId: v, start: new Date(Date.now() - H).toISOString() });
    expect(fields(past).start).toBe('新的服务时间应晚于现在');
    const far = await admin.call('admin', 'dispatch', { id, volunteerId: v, start: new Date(Date.now() + 200 * 86_400_000).toISOString() });
    expect(fields(far).start).toMatch(/天内/);
    // Nothing changed by the refusals.
    const still = await database.db.selectFrom('orders').select(['status', 'volunteer_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'expired', volunteer_id: null });

    const when = dayjs().tz(ZONE).add(3, 'day').hour(3).minute(0).second(0).millisecond(0); // 03:00, clear of seeded bookings
    const done = okData(await admin.call<Order>('admin', 'dispatch', { id, volunteerId: v, start: when.toISOString() }));
    expect(done).toMatchObject({ status: 'pending', volunteerId: v });
    expect(Date.parse(done.start)).toBe(when.valueOf());
    expect(Date.parse(done.end) - Date.parse(done.start)).toBe(2 * H);
    const events = await database.db.selectFrom('order_events').select('note').where('order_id', '=', id).execute();
    expect(events.map((e) => e.note).join()).toContain(`时间改为 ${when.format('M月D日 HH:mm')}`);
  });

  it('a need still ahead is dispatched as it was', async () => {
    const start = dayjs().tz(ZONE).add(5, 'day').hour(4).minute(0).second(0).millisecond(0).toDate();
    const id = await insertOrder({ start });
    const done = okData(await admin.call<Order>('admin', 'dispatch', { id, volunteerId: inScope[1] }));
    expect(Date.parse(done.start)).toBe(start.getTime());
  });

  it('tells for each candidate whether they are free, busy (and with what), blocked, outside their hours or out of scope', async () => {
    const start = dayjs().tz(ZONE).add(10, 'day').hour(14).minute(0).second(0).millisecond(0);
    const id = await insertOrder({ start: start.toDate(), title: '焊接工艺求助' });
    const [free, busy, blocked, off] = inScope;
    const weekday = start.isoWeekday();
    const ids = [free, busy, blocked, off];
    await database.db.deleteFrom('volunteer_windows').where('volunteer_id', 'in', ids).execute();
    await database.db.deleteFrom('volunteer_blocked_days').where('volunteer_id', 'in', ids).execute();
    await database.db.insertInto('volunteer_windows').values(
      [free, busy, blocked].map((v) => ({ volunteer_id: v, weekday, start_minute: 8 * 60, end_minute: 18 * 60 })).concat([{ volunteer_id: off, weekday, start_minute: 8 * 60, end_minute: 12 * 60 }]),
    ).execute();
    await database.db.insertInto('volunteer_blocked_days').values({ volunteer_id: blocked, day: start.format('YYYY-MM-DD') }).execute();
    await database.db.updateTable('orders').set({ status: 'cancelled' }).where('volunteer_id', 'in', ids)
      .where(sql<boolean>`during && ${rangeOf(start.toDate(), start.add(2, 'hour').toDate())}`).execute();
    await insertOrder({ kind: 'lecture', status: 'accepted', start: start.add(1, 'hour').toDate(), volunteerId: busy, title: '劳模精神进车间', minutes: 60 });

    const res = okData(await admin.call<Page<CandidateFitItem>>('admin', 'candidates', { id, volunteerIds: [...ids, outside] }));
    const fit = Object.fromEntries(res.items.map((i) => [i.volunteerId, i]));
    expect(fit[free].fit).toBe('free');
    expect(fit[busy]).toMatchObject({ fit: 'busy', clash: { title: '劳模精神进车间' } });
    expect(Date.parse(fit[busy].clash!.start)).toBe(start.add(1, 'hour').valueOf());
    expect(fit[blocked].fit).toBe('blocked');
    expect(fit[off].fit).toBe('outside');
    expect(fit[outside]).toEqual({ volunteerId: outside, fit: 'outOfScope', clash: null });

    // At a new time (16:00–18:00, right after the clash) the busy one is free, the short-hours one still outside.
    const later = okData(await admin.call<Page<CandidateFitItem>>('admin', 'candidates', { id, volunteerIds: [busy, off], start: start.add(120, 'minute').toISOString() }));
    expect(later.items.map((i) => i.fit)).toEqual(['free', 'outside']);
  });

  it('hides another org\'s order and checks its input', async () => {
    const id = await insertOrder({ start: new Date(Date.now() + 4 * 86_400_000) });
    expect(code(await other.call('admin', 'candidates', { id, volunteerIds: [inScope[0]] }))).toBe('NOT_FOUND');
    expect(code(await worker.call('admin', 'candidates', { id, volunteerIds: [inScope[0]] }))).toBe('FORBIDDEN');
    expect(code(await admin.call('admin', 'candidates', { id: '999999999', volunteerIds: [inScope[0]] }))).toBe('NOT_FOUND');
    expect(fields(await admin.call('admin', 'candidates', { id, volunteerIds: [] }))).toHaveProperty('volunteerIds');
    expect(fields(await admin.call('admin', 'candidates', { id, volunteerIds: [inScope[0]], start: '明天' }))).toHaveProperty('start');
  });
});
