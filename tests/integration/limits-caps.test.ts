import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Envelope, ExportFile, Order } from '../../cloud/contract';
import { limitsFromEnv } from '../../cloud/functions/limits';
import { sessionFor, type Session } from '../helpers/actors';
import { TEST_DATABASE_URL, createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { needInput } from '../helpers/needs';
import { adminOf, orgsByName } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The caps that are not per-minute rules: one requester's open needs (counted in the database,
 * so both engines), and one export at a time per admin (held open here by locking the orders
 * table from a second PostgreSQL connection, which needs a second connection: PostgreSQL only).
 */
type Res = { status: number; body: Envelope<unknown> };
const codeOf = (r: Res) => (r.body.ok ? 'OK' : r.body.error.code);
const errorOf = (r: Res) => (r.body.ok ? null : r.body.error);

async function createEnterprise(server: TestServer, name: string): Promise<Session> {
  const db = server.services.db;
  const seed = await db.selectFrom('users').select('org_id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).executeTakeFirstOrThrow();
  const row = await db.insertInto('users').values({ name, roles: ['enterprise'], org_id: seed.org_id, company: `${name}公司`, phone: null, openid: null }).returning('id').executeTakeFirstOrThrow();
  return sessionFor(server, row.id);
}

const ENGINES: EngineName[] = ['pglite', 'postgres'];

describe.each(ENGINES)('open needs of one requester on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  const CAP_MESSAGE = '您已有 10 条未完成的求助，请等已有求助处理后再发布，或联系工会';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // The per-minute rules off, so what refuses the 11th is the cap (it stays on with RATE_LIMITS=off).
    server = await createTestServer(database, { limits: limitsFromEnv({ RATE_LIMITS: 'off' }) });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('the 11th open need is refused with a clear message; a retry of an existing one returns it; a cancel or a finish frees a place', async () => {
    const requester = await createEnterprise(server, `${engine}求助上限企业`);
    const neighbour = await createEnterprise(server, `${engine}邻居企业`);
    const inputs = Array.from({ length: 10 }, (_, i) => needInput({ title: `设备故障 ${i + 1}` }));
    const needs: Order[] = [];
    for (const input of inputs) needs.push(okData(await requester.call<Order>('order', 'create', input)));

    const eleventh = await requester.call('order', 'create', needInput({ title: '设备故障 11' }));
    expect(eleventh.status).toBe(429);
    // No wait is promised: the place comes back when a need is done with, not after some seconds.
    expect(errorOf(eleventh)).toEqual({ code: 'RATE_LIMITED', message: CAP_MESSAGE, requestId: expect.any(String) });
    const count = async () => Number((await database.db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).where('requester_id', '=', requester.userId).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(10);

    // A submit retried with the request id of a need already made is that need, cap or not.
    const retried = await requester.call<Order>('order', 'create', inputs[3]);
    expect(okData(retried).id).toBe(needs[3].id);
    expect(await count()).toBe(10);
    // The cap is the requester's own: another enterprise posts as usual.
    okData(await neighbour.call<Order>('order', 'create', needInput()));

    // Cancelling one frees its place, exactly one.
    expect(okData(await requester.call<Order>('order', 'cancel', { id: needs[0].id, reason: '已自行解决' })).status).toBe('cancelled');
    okData(await requester.call<Order>('order', 'create', needInput({ title: '新的故障' })));
    expect(codeOf(await requester.call('order', 'create', needInput()))).toBe('RATE_LIMITED');

    // A need done with (served and confirmed) no longer counts; an expired one still waits for the
    // union, so it still does. (Serving one takes a technician and a clock shift: set it directly.)
    const now = new Date();
    await database.db.updateTable('orders').set({ status: 'completed', completed_at: now, confirmed_at: now, record: JSON.stringify({ outcome: 'resolved', summary: '已解决' }) }).where('id', '=', needs[1].id).execute();
    await database.db.updateTable('orders').set({ status: 'expired' }).where('id', '=', needs[2].id).execute();
    okData(await requester.call<Order>('order', 'create', needInput({ title: '再一个故障' })));
    expect(codeOf(await requester.call('order', 'create', needInput()))).toBe('RATE_LIMITED');
    expect(await count()).toBe(12);
  });

  it('20 needs sent at once by one requester: at most 10 are made, the others refused', async () => {
    const requester = await createEnterprise(server, `${engine}并发求助企业`);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => requester.call('order', 'create', needInput({ title: `并发故障 ${i + 1}` }))));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
  });

  it('lectures and services are not needs: the cap does not count or refuse them', async () => {
    const requester = await createEnterprise(server, `${engine}满额企业`);
    for (let i = 0; i < 10; i++) okData(await requester.call<Order>('order', 'create', needInput()));
    const services = await database.db.selectFrom('services').select('id').where('mode', '!=', 'remote').where('team_id', 'is not', null).limit(1).execute();
    const svc = okData(await requester.call<Order>('order', 'create', {
      kind: 'service', serviceId: services[0].id, start: new Date(Date.now() + 3 * 86_400_000).toISOString(), durationMin: 90,
      venue: { type: 'enterprise', address: '义乌市苏溪镇工业区 12 号' }, contactPhone: '13800005678', requestId: `cap-svc-${engine}`,
    }));
    expect(svc.kind).toBe('service');
  });
});

describe('one export at a time per admin (PostgreSQL)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let locker: pg.Client;
  let jinhua: Session, yiwu: Session;
  const PERIOD = { from: '2025-01-01T00:00:00+08:00', to: '2025-02-01T00:00:00+08:00', format: 'csv' as const };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    server = await createTestServer(database, { limits: limitsFromEnv({}) });
    const org = await orgsByName(server);
    [jinhua, yiwu] = await Promise.all([adminOf(server, org['金华市总工会']), adminOf(server, org['义乌市总工会'])]);
    locker = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${database.schema},public` });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await server?.close();
    await database?.close();
  });

  /** Backends of this schema's pool waiting for a lock on the orders table. */
  const waitingOnOrders = async () => {
    const r = await locker.query<{ n: string }>(
      `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation
       where not l.granted and c.relname = 'orders' and c.relnamespace = $1::regnamespace`,
      [database.schema],
    );
    return Number(r.rows[0].n);
  };

  it('a second export by the same admin is refused while the first runs; another admin is not; afterwards the next runs', async () => {
    await locker.query('begin');
    await locker.query('lock table orders in access exclusive mode');
    let first: Promise<Res> | undefined;
    let other: Promise<Res> | undefined;
    try {
      first = jinhua.call<ExportFile>('admin', 'export', PERIOD);
      // The first export is inside the gate once it waits on the locked table.
      await expect.poll(waitingOnOrders, { timeout: 5_000, message: 'the first export waits on the lock' }).toBe(1);

      const second = await jinhua.call('admin', 'export', { ...PERIOD, format: 'xlsx' });
      expect(second.status).toBe(429);
      expect(errorOf(second)).toMatchObject({ code: 'RATE_LIMITED', message: '上一个导出还在进行中，请等它完成后再导出', retryAfter: 5 });

      // Another admin's export is let in (and waits on the same lock like any query would).
      other = yiwu.call<ExportFile>('admin', 'export', PERIOD);
      await expect.poll(waitingOnOrders, { timeout: 5_000, message: 'the other admin export got in' }).toBe(2);
      // The same admin's other actions are not exports: they are not held up by the gate.
      expect(codeOf(await jinhua.call('admin', 'orgs', {}))).toBe('OK');
    } finally {
      await locker.query('rollback');
    }
    const [a, b] = await Promise.all([first!, other!]);
    // The file is named by the last day it covers (to is exclusive): 1 January to 31 January.
    expect(okData(a as { status: number; body: Envelope<ExportFile> }).filename).toMatch(/^订单明细-20250101-20250131\.csv$/);
    expect(codeOf(b)).toBe('OK');
    // The first has finished: the same admin may export again, twice in a row.
    expect(codeOf(await jinhua.call('admin', 'export', { ...PERIOD, format: 'xlsx' }))).toBe('OK');
    expect(codeOf(await jinhua.call('admin', 'export', PERIOD))).toBe('OK');
  });

  it('a failed export frees the place too', async () => {
    const failed = await jinhua.call('admin', 'export', { ...PERIOD, what: 'stats' });
    expect(codeOf(failed)).toBe('VALIDATION');
    expect(codeOf(await jinhua.call('admin', 'export', PERIOD))).toBe('OK');
  });
});
