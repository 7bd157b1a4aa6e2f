import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Envelope, LoginResult, Order } from '../../cloud/contract';
import { NO_LIMITS, limitsFromEnv, type Limits } from '../../cloud/functions/limits';
import { createWorkers, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { needInput } from '../helpers/needs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The per-minute rules through the real HTTP server: the call beyond a limit answers 429
 * RATE_LIMITED with the wait (body and Retry-After header) in Chinese, stores nothing, and
 * touches nobody else's count. The counters are in process memory, the same on either engine,
 * so PGlite is enough here. The limits are read through limitsFromEnv, as the server reads them.
 */
type Res = { status: number; headers: Record<string, unknown>; body: Envelope<unknown> };
const WAIT = /^操作太频繁，请 \d+ (秒|分钟)后再试$/;

/** POST /api/<fn> from a given client address (Fastify inject sets the socket's remote address). */
async function callFrom(server: TestServer, ip: string, fn: string, action: string, data: unknown, token?: string): Promise<Res> {
  const res = await server.app.inject({
    method: 'POST',
    url: `/api/${fn}`,
    remoteAddress: ip,
    payload: JSON.stringify({ action, data }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() as Envelope<unknown> };
}

const codeOf = (r: Res) => (r.body.ok ? 'OK' : r.body.error.code);

/** A refusal as the contract says: 429, RATE_LIMITED, the wait in the body and the header, in Chinese. */
function expectRateLimited(res: Res, label: string) {
  expect(res.status, label).toBe(429);
  if (res.body.ok) throw new Error(`${label}: expected RATE_LIMITED, got ok`);
  expect(res.body.error, label).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(WAIT), requestId: expect.any(String) });
  const retryAfter = res.body.error.retryAfter!;
  expect(retryAfter, label).toBeGreaterThan(0);
  expect(res.headers['retry-after'], label).toBe(String(retryAfter));
  return retryAfter;
}

/** Enterprises of a real org (needs are posted by enterprises), fresh so counts start at zero. */
async function createEnterprises(server: TestServer, n: number, tag: string): Promise<Session[]> {
  const db = server.services.db;
  const seed = await db.selectFrom('users').select('org_id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ name: `${tag}${i + 1}`, roles: ['enterprise'], org_id: seed.org_id, company: `${tag}企业${i + 1}`, phone: null, openid: null })))
    .returning('id')
    .execute();
  return rows.map((r) => sessionFor(server, r.id));
}

const ordersOf = async (database: TestDatabase, userId: string) =>
  Number((await database.db.selectFrom('orders').select((eb) => eb.fn.countAll<string>().as('n')).where('requester_id', '=', userId).executeTakeFirstOrThrow()).n);

describe('rate limits over HTTP (PGlite)', () => {
  let database: TestDatabase;
  /** Servers share the database; each has its own limits and its own counters. */
  const servers: TestServer[] = [];
  const serverWith = async (limits: Limits) => {
    const s = await createTestServer(database, { limits });
    servers.push(s);
    return s;
  };
  let loginUserId: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    loginUserId = (await database.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await database?.close();
  });

  it('order.create per user: the calls up to the limit are ok, the next is 429 with the wait; another user is untouched', async () => {
    const server = await serverWith(limitsFromEnv({ LIMIT_ORDER_CREATE_PER_USER: '3/30' }));
    const [flooder, other] = await createEnterprises(server, 2, '限流企业');

    // Refused input spends no point: the limit counts what would be done, not what is tried.
    const invalid = await callFrom(server, '10.1.0.1', 'order', 'create', needInput({ title: '' }), flooder.token);
    expect(codeOf(invalid)).toBe('VALIDATION');

    for (let i = 0; i < 3; i++) {
      const res = await callFrom(server, '10.1.0.1', 'order', 'create', needInput({ title: `限流求助 ${i + 1}` }), flooder.token);
      expect(codeOf(res), `call ${i + 1}`).toBe('OK');
      expect(res.status).toBe(200);
    }
    const beyond = await callFrom(server, '10.1.0.1', 'order', 'create', needInput({ title: '限流求助 4' }), flooder.token);
    const retryAfter = expectRateLimited(beyond, 'the 4th order.create');
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect((beyond.body as { error: { message: string } }).error.message).toBe(`操作太频繁，请 ${retryAfter} 秒后再试`);
    // Nothing of the refused call is stored.
    expect(await ordersOf(database, flooder.userId)).toBe(3);

    // From the same address another user is not affected; the flooder's reads still work.
    okData(await other.call<Order>('order', 'create', needInput({ title: '别人的求助' })));
    expect(codeOf(await callFrom(server, '10.1.0.1', 'order', 'create', needInput({ title: '别人的第二条' }), other.token))).toBe('OK');
    expect(codeOf(await callFrom(server, '10.1.0.1', 'order', 'mine', {}, flooder.token))).toBe('OK');
    // The limit holds on: still refused, and the wait has not grown past the window.
    expect(expectRateLimited(await callFrom(server, '10.1.0.1', 'order', 'create', needInput(), flooder.token), 'the 5th')).toBeLessThanOrEqual(retryAfter);
  });

  it('writes per client address: many users behind one address share its count; another address is untouched', async () => {
    const server = await serverWith(limitsFromEnv({ LIMIT_WRITES_PER_IP: '4/60' }));
    const users = await createEnterprises(server, 5, '同址企业');
    for (const [i, u] of users.slice(0, 4).entries()) {
      expect(codeOf(await callFrom(server, '10.2.0.1', 'order', 'create', needInput(), u.token)), `user ${i + 1}`).toBe('OK');
    }
    // A fifth user, a fresh per-user count, but the address has spent its four writes (any write counts).
    expectRateLimited(await callFrom(server, '10.2.0.1', 'order', 'create', needInput(), users[4].token), 'the 5th write from 10.2.0.1');
    expectRateLimited(await callFrom(server, '10.2.0.1', 'order', 'cancel', { id: '1', reason: '不需要了' }, users[0].token), 'a cancel from 10.2.0.1');
    expect(await ordersOf(database, users[4].userId)).toBe(0);
    // Reads from that address are not writes; the same user from another address goes ahead.
    expect(codeOf(await callFrom(server, '10.2.0.1', 'order', 'mine', {}, users[4].token))).toBe('OK');
    expect(codeOf(await callFrom(server, '10.2.0.2', 'order', 'create', needInput(), users[4].token))).toBe('OK');
  });

  it('login-related actions per address: the quick login beyond the limit is 429, from elsewhere it works', async () => {
    const server = await serverWith(limitsFromEnv({ LIMIT_LOGIN_PER_IP: '3/60' }));
    for (let i = 0; i < 3; i++) {
      const res = await callFrom(server, '10.3.0.1', 'auth', 'devLogin', { userId: loginUserId });
      expect(codeOf(res), `login ${i + 1}`).toBe('OK');
      expect((res.body as Envelope<LoginResult> & { ok: true }).data.token).toEqual(expect.any(String));
    }
    expectRateLimited(await callFrom(server, '10.3.0.1', 'auth', 'devLogin', { userId: loginUserId }), 'the 4th login from 10.3.0.1');
    expect(codeOf(await callFrom(server, '10.3.0.2', 'auth', 'devLogin', { userId: loginUserId }))).toBe('OK');
    // A public read from the refused address is no login.
    expect(codeOf(await callFrom(server, '10.3.0.1', 'catalog', 'categories', {}))).toBe('OK');
  });

  it.each<[string, () => Limits]>([
    ['RATE_LIMITS=off', () => limitsFromEnv({ RATE_LIMITS: 'off', LIMIT_ORDER_CREATE_PER_USER: '3/60', LIMIT_WRITES_PER_IP: '4/60', LIMIT_LOGIN_PER_IP: '3/60' })],
    ['NO_LIMITS', () => NO_LIMITS],
  ])('%s lets the same floods through', async (_name, limits) => {
    const server = await serverWith(limits());
    const [flooder, second] = await createEnterprises(server, 2, `不限流${_name}`);
    // One user's 6 creates, then another user's 2 from the same address: 8 writes from one address.
    for (let i = 0; i < 6; i++) expect(codeOf(await callFrom(server, '10.4.0.1', 'order', 'create', needInput(), flooder.token)), `create ${i + 1}`).toBe('OK');
    for (let i = 0; i < 2; i++) expect(codeOf(await callFrom(server, '10.4.0.1', 'order', 'create', needInput(), second.token))).toBe('OK');
    for (let i = 0; i < 6; i++) expect(codeOf(await callFrom(server, '10.4.0.1', 'auth', 'devLogin', { userId: loginUserId })), `login ${i + 1}`).toBe('OK');
    expect(await ordersOf(database, flooder.userId)).toBe(6);
  });

  it('the default limits: a person never meets them, a script does', async () => {
    const server = await serverWith(limitsFromEnv({}));
    const [person] = await createWorkers(server, 1, '默认限流');
    const [enterprise] = await createEnterprises(server, 1, '默认限流企业');
    // A busy person: a few orders and many reads in a minute.
    for (let i = 0; i < 3; i++) expect(codeOf(await callFrom(server, '10.5.0.1', 'order', 'create', needInput(), enterprise.token))).toBe('OK');
    for (let i = 0; i < 30; i++) expect(codeOf(await callFrom(server, '10.5.0.1', 'order', 'mine', {}, person.token))).toBe('OK');
    // A script: the 11th create within a minute is refused (10 / min), before the open-needs cap.
    const results: Res[] = [];
    for (let i = 0; i < 9; i++) results.push(await callFrom(server, '10.5.0.1', 'order', 'create', needInput(), enterprise.token));
    expect(results.map(codeOf)).toEqual([...Array(7).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED']);
    expectRateLimited(results[7], 'the 11th create in a minute');
  });
});
