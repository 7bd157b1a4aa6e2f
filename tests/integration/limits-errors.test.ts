import type { FastifyBaseLogger } from 'fastify';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Envelope, Order } from '../../cloud/contract';
import { limitsFromEnv } from '../../cloud/functions/limits';
import { createLogger } from '../../cloud/runtime/logger';
import { createWorkers, sessionFor, type Session } from '../helpers/actors';
import { TEST_DATABASE_URL, createTestDatabase, type TestDatabase } from '../helpers/db';
import { postNeed } from '../helpers/needs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * What the operator sees when something goes wrong: every INTERNAL is one error line with the
 * request id the user got, and a call that overruns its deadline is answered at once, logged as a
 * warning with its action, and gives its connection back, so the server keeps serving.
 */
type LogLine = { level: number; msg: string; requestId?: string; fn?: string; action?: string; userId?: string; deadlineMs?: number; err?: { type: string; message: string; stack: string } };
const ERROR = 50;
const WARN = 40;

/** A pino logger (the server's own) writing its JSON lines into an array. */
function capturingLogger() {
  const lines: LogLine[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { lines, logger: logger as unknown as FastifyBaseLogger };
}

const errorOf = (r: { body: Envelope<unknown> }) => (r.body.ok ? null : r.body.error);

/** Where the enterprise that posts needs belongs. */
async function enterpriseOf(server: TestServer): Promise<Session> {
  const db = server.services.db;
  const seed = await db.selectFrom('users').select('org_id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).executeTakeFirstOrThrow();
  const row = await db.insertInto('users').values({ name: '超时测试企业', roles: ['enterprise'], org_id: seed.org_id, company: '超时测试公司', phone: null, openid: null }).returning('id').executeTakeFirstOrThrow();
  return sessionFor(server, row.id);
}

describe('every INTERNAL is logged with the request id the user sees (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;
  const log = capturingLogger();
  /** When set, every query that reads the orders table throws this (not a database error: a bug). */
  let failure: Error | null = null;
  const failOnOrders: KyselyPlugin = {
    transformQuery(args): RootOperationNode {
      if (failure && JSON.stringify(args.node).includes('"name":"orders"')) throw failure;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    // The real server and router; only the database handle is one that can be made to fail.
    server = await createTestServer({ ...database, db: database.db.withPlugin(failOnOrders) }, { limits: limitsFromEnv({}), logger: log.logger });
    [worker] = await createWorkers(server, 1, '日志');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('one error line: time, requestId, fn, action, userId and the error with its stack; the answer carries the id and no internals', async () => {
    failure = new TypeError('orders mapper blew up (test)');
    let res;
    try {
      res = await worker.call('order', 'mine', {});
    } finally {
      failure = null;
    }
    expect(res.status).toBe(500);
    const error = errorOf(res)!;
    expect(error).toEqual({ code: 'INTERNAL', message: '服务器开小差了，请稍后重试', requestId: expect.stringMatching(/^[0-9a-f]{12}$/) });
    const answer = JSON.stringify(res.body);
    expect(answer).not.toContain('blew up');
    expect(answer).not.toContain('TypeError');
    expect(answer).not.toMatch(/\bat .+:\d+:\d+/);

    const lines = log.lines.filter((l) => l.requestId === error.requestId);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: ERROR, msg: 'internal error', requestId: error.requestId, fn: 'order', action: 'mine', userId: worker.userId });
    expect(typeof (line as { time?: unknown }).time).toBe('string');
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'orders mapper blew up (test)' });
    expect(line.err!.stack).toMatch(/^TypeError: orders mapper blew up \(test\)\n\s+at /);

    // The same call without the fault answers normally, and logs nothing.
    const before = log.lines.length;
    okData(await worker.call('order', 'mine', {}));
    expect(log.lines.length).toBe(before);
  });

  it('expected failures are not logged as errors, and each answer has its own request id', async () => {
    const before = log.lines.length;
    const a = await worker.call('order', 'get', { id: '999999999' });
    const b = await worker.call('order', 'create', { kind: 'need' });
    const c = await server.call('order', 'mine', {});
    expect([errorOf(a)!.code, errorOf(b)!.code, errorOf(c)!.code]).toEqual(['NOT_FOUND', 'VALIDATION', 'UNAUTHENTICATED']);
    const ids = [a, b, c].map((r) => errorOf(r)!.requestId);
    expect(new Set(ids).size).toBe(3);
    expect(log.lines.slice(before).filter((l) => l.level >= ERROR)).toEqual([]);
  });
});

describe('the request deadline', () => {
  const DEADLINE_MS = 300;

  describe('on PostgreSQL: a call waiting on a row lock held by another connection', () => {
    let database: TestDatabase;
    let server: TestServer;
    let locker: pg.Client;
    let enterprise: Session;
    const log = capturingLogger();

    beforeAll(async () => {
      // Two connections: the two stuck calls below would take both if an overrun kept its own.
      database = await createTestDatabase('postgres', { poolSize: 2, acquireTimeoutMs: 2_000 });
      server = await createTestServer(database, { limits: limitsFromEnv({ REQUEST_DEADLINE_MS: String(DEADLINE_MS) }), logger: log.logger });
      enterprise = await enterpriseOf(server);
      locker = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${database.schema},public` });
      await locker.connect();
    });
    afterAll(async () => {
      await locker?.query('rollback').catch(() => {});
      await locker?.end();
      await server?.close();
      await database?.close();
    });

    it('answers 「请求处理超时」 promptly, logs a warning with its action, rolls back, and gives its connection back', async () => {
      const need = await postNeed(enterprise);
      await locker.query('begin');
      await locker.query('select id from orders where id = $1 for update', [need.id]);
      try {
        const t0 = Date.now();
        const stuck = await Promise.all([1, 2].map(() => enterprise.call('order', 'cancel', { id: need.id, reason: '不需要了' })));
        const took = Date.now() - t0;
        expect(took).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
        expect(took).toBeLessThan(DEADLINE_MS + 1_500);
        for (const res of stuck) {
          expect(res.status).toBe(500);
          expect(errorOf(res)).toEqual({ code: 'INTERNAL', message: '请求处理超时，请稍后重试', requestId: expect.any(String) });
          const lines = log.lines.filter((l) => l.requestId === errorOf(res)!.requestId);
          expect(lines).toEqual([expect.objectContaining({ level: WARN, msg: 'request deadline exceeded', fn: 'order', action: 'cancel', deadlineMs: DEADLINE_MS })]);
        }

        // The lock is still held, yet both connections are back in the pool (their waits were
        // cancelled on the server), so the next calls answer at once.
        await expect.poll(() => database.pool.idleCount, { message: 'idle connections' }).toBe(database.pool.totalCount);
        const t1 = Date.now();
        okData(await server.call('catalog', 'categories', {}));
        expect(okData(await enterprise.call<Order>('order', 'get', { id: need.id })).status).toBe('pending');
        expect(Date.now() - t1).toBeLessThan(1_000);
      } finally {
        await locker.query('rollback');
      }
      // The overrun calls' work was undone: the need is still pending, and can be cancelled now.
      const row = await database.db.selectFrom('orders').select('status').where('id', '=', need.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(okData(await enterprise.call<Order>('order', 'cancel', { id: need.id, reason: '不需要了' })).status).toBe('cancelled');
      expect(log.lines.filter((l) => l.level >= ERROR)).toEqual([]);
    });
  });

  describe('on PGlite: a call waiting for the only connection', () => {
    let database: TestDatabase;
    let server: TestServer;
    const log = capturingLogger();

    beforeAll(async () => {
      database = await createTestDatabase('pglite', { acquireTimeoutMs: 5_000 });
      server = await createTestServer(database, { limits: limitsFromEnv({ REQUEST_DEADLINE_MS: String(DEADLINE_MS) }), logger: log.logger });
    });
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    it('answers 「请求处理超时」 at the deadline (not at the acquire timeout), logs it, and the next call is served', async () => {
      // Someone else (a long export, say) holds PGlite's one connection.
      const held = await database.pool.connect();
      let res;
      const t0 = Date.now();
      try {
        res = await server.call('catalog', 'categories', {});
      } finally {
        held.release();
      }
      expect(Date.now() - t0).toBeLessThan(DEADLINE_MS + 1_500);
      expect(errorOf(res)).toEqual({ code: 'INTERNAL', message: '请求处理超时，请稍后重试', requestId: expect.any(String) });
      expect(log.lines.filter((l) => l.requestId === errorOf(res)!.requestId)).toEqual([
        expect.objectContaining({ level: WARN, msg: 'request deadline exceeded', fn: 'catalog', action: 'categories' }),
      ]);
      // The overrun call got the connection when it came free, sent nothing and gave it back.
      okData(await server.call('catalog', 'categories', {}));
      await expect.poll(() => database.pool.idleCount).toBe(database.pool.totalCount);
      expect(log.lines.filter((l) => l.level >= ERROR)).toEqual([]);
    });
  });
});
