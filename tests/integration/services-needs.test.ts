import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Order, OrderDetail, Page, Service, TeamDetail, VolunteerStats } from '../../cloud/contract';
import { newRequestId, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTechnicians, needInput, postNeed } from '../helpers/needs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const code = (res: { body: { ok: boolean; error?: { code: string } } }) => (res.body.ok ? 'OK' : res.body.error!.code);

describe('services, needs and the pool (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let enterprise: Session;
  let worker: Session;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database);
    const ent = await database.db.selectFrom('users').select('id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const wk = await database.db.selectFrom('users').select('id').where(sql<boolean>`'worker' = ANY(roles)`).orderBy('id').executeTakeFirstOrThrow();
    enterprise = sessionFor(server, ent.id);
    worker = sessionFor(server, wk.id);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('a team order is seen by the team, taken by the first member to grab; leads were told first', async () => {
    const services = okData(await server.call<Page<Service>>('catalog', 'services', { pageSize: 100 })).items;
    const svc = services.find((s) => s.teamId && s.mode !== 'remote')!;
    const team = okData(await server.call<TeamDetail>('catalog', 'team', { id: svc.teamId! }));
    const order = okData(await enterprise.call<Order>('order', 'create', {
      kind: 'service', serviceId: svc.id, start: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMin: 90,
      venue: { type: 'enterprise', address: '义乌市苏溪镇工业区 12 号' }, contactPhone: '13800005678', requestId: newRequestId(),
    }));
    expect(order).toMatchObject({ kind: 'service', status: 'pending', teamId: team.id, volunteerId: null });

    const told = await database.db.selectFrom('inbox_messages').select('user_id').where('order_id', '=', order.id).execute();
    const leads = team.members.filter((m) => m.teamRole !== 'member').map((m) => m.userId);
    expect(told.map((t) => t.user_id).sort()).toEqual([...leads].sort());

    const member = team.members.find((m) => m.teamRole === 'member')!;
    const memberSession = sessionFor(server, member.userId);
    const pool = okData(await memberSession.call<Page<Order>>('task', 'pool'));
    const seen = pool.items.find((o) => o.id === order.id)!;
    expect(seen).toBeDefined();
    expect(seen.contactPhone).toBeNull();
    expect(seen.venue.address).toBeNull();
    expect(JSON.stringify(pool)).not.toContain('13800005678');

    const taken = okData(await memberSession.call<Order>('task', 'grab', { id: order.id }));
    expect(taken).toMatchObject({ status: 'accepted', volunteerId: member.id, contactPhone: '13800005678' });
    const captain = sessionFor(server, team.members.find((m) => m.teamRole === 'captain')!.userId);
    const lost = await captain.call('task', 'grab', { id: order.id });
    expect(lost.status).toBe(409);
    expect(lost.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已被其他志愿者接单' } });
  });

  it('a remote service needs an online link', async () => {
    const services = okData(await server.call<Page<Service>>('catalog', 'services', { pageSize: 100 })).items;
    const remote = services.find((s) => s.mode === 'remote');
    if (!remote) return expect(services.some((s) => s.mode === 'remote')).toBe(false);
    const res = await enterprise.call('order', 'create', {
      kind: 'service', serviceId: remote.id, ...(remote.teamId ? {} : { volunteerId: remote.volunteerIds[0] }),
      start: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMin: 60,
      venue: { type: 'enterprise', address: '某地某路 1 号' }, contactPhone: '13800005678', requestId: newRequestId(),
    });
    expect(code(res)).toBe('VALIDATION');
    expect(Object.keys((res.body as { error: { fields: object } }).error.fields)).toContain('venue.type');
  });

  it('a need goes to technicians of its field; others and non-volunteers may not grab it', async () => {
    const [welder] = await createTechnicians(server, 1, '焊接', '池');
    const [baker] = await createTechnicians(server, 1, '烘焙', '池');
    const need = await postNeed(enterprise);
    expect(need).toMatchObject({ kind: 'need', status: 'pending', volunteerId: null, title: '不锈钢焊接变形如何控制', urgency: 'urgent' });

    expect(okData(await welder.call<Page<Order>>('task', 'pool')).items.map((o) => o.id)).toContain(need.id);
    expect(okData(await baker.call<Page<Order>>('task', 'pool')).items.map((o) => o.id)).not.toContain(need.id);
    expect(okData(await welder.call<Page<Order>>('task', 'pool', { field: '电力' })).items.map((o) => o.id)).not.toContain(need.id);

    expect(code(await baker.call('task', 'grab', { id: need.id }))).toBe('FORBIDDEN');
    expect(code(await worker.call('task', 'grab', { id: need.id }))).toBe('FORBIDDEN');
    expect(code(await welder.call('task', 'grab', { id: need.id }))).toBe('OK');
  });

  it('a need without its fields is VALIDATION naming them', async () => {
    for (const field of ['title', 'field', 'description']) {
      const res = await enterprise.call('order', 'create', needInput({ [field]: undefined }));
      expect(code(res), field).toBe('VALIDATION');
      expect(Object.keys((res.body as { error: { fields: object } }).error.fields)).toContain(field);
    }
    const res = await enterprise.call('order', 'create', needInput({ photos: ['http://evil.example/x.php'] }));
    expect(Object.keys((res.body as { error: { fields: object } }).error.fields)).toContain('photos.0');
  });

  it('closes the loop: partly solved → enterprise disputes → reopened to the pool → solved, confirmed, rated; hours and points accrue', async () => {
    const [first, second] = await createTechnicians(server, 2, '焊接', '闭环');
    const need = await postNeed(enterprise, { start: new Date(Date.now() + 25 * 3600_000).toISOString(), durationMin: 60 });
    okData(await first.call('task', 'grab', { id: need.id }));
    const shift = Math.ceil((Date.now() + 25 * 3600_000 - Date.now()) / 60_000) - 10;
    const later = await createTestServer(database, { offsetMinutes: shift });
    try {
      const f = sessionFor(later, first.userId);
      const s = sessionFor(later, second.userId);
      const e = sessionFor(later, enterprise.userId);
      okData(await f.call('task', 'checkIn', { id: need.id }));
      const done = okData(await f.call<Order>('task', 'complete', { id: need.id, record: { peopleServed: 6, summary: '调整焊接顺序与夹具，变形减小一半。', outcome: 'partly', followUp: '需更换工装夹具' } }));
      expect(done.actions).toEqual([]);
      const seenByEnterprise = okData(await e.call<OrderDetail>('order', 'get', { id: need.id }));
      expect(seenByEnterprise.actions).toEqual(expect.arrayContaining(['confirm', 'dispute', 'reopen', 'rate']));
      expect(seenByEnterprise.record).toMatchObject({ outcome: 'partly', followUp: '需更换工装夹具' });
      okData(await e.call('order', 'dispute', { id: need.id, reason: '仍有局部变形' }));
      const reopened = okData(await e.call<Order>('order', 'reopen', { id: need.id, to: 'pool' }));
      expect(reopened).toMatchObject({ status: 'pending', volunteerId: null });
      okData(await s.call('task', 'grab', { id: need.id }));
      okData(await s.call('task', 'checkIn', { id: need.id }));
      okData(await s.call('task', 'complete', { id: need.id, record: { peopleServed: 6, summary: '更换夹具后变形消除。', outcome: 'resolved' } }));
      const confirmed = okData(await e.call<Order>('order', 'confirm', { id: need.id }));
      expect(confirmed.confirmedAt).not.toBeNull();
      expect(confirmed.actions).not.toContain('reopen');
      okData(await e.call('order', 'rate', { id: need.id, score: 5, comment: '解决了大问题' }));
      const detail = okData(await e.call<OrderDetail>('order', 'get', { id: need.id }));
      expect(detail.timeline.map((t) => t.to)).toEqual(['pending', 'accepted', 'in_progress', 'completed', 'completed', 'pending', 'accepted', 'in_progress', 'completed', 'completed', 'rated']);
      const stats = okData(await s.call<VolunteerStats>('task', 'stats'));
      expect(stats).toMatchObject({ ordersDone: 1, rating: 5 });
      expect(stats.points).toBeGreaterThanOrEqual(10);
    } finally {
      await later.close();
    }
  });
});
