import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Order } from '../../cloud/contract';
import { openDatabase, type Database } from '../../cloud/db/engine';
import { migrate } from '../../cloud/db/migrate';
import { demoData } from '../../cloud/db/seed/data';
import { seedIfEmpty } from '../../cloud/db/seed/load';
import { limitsFromEnv } from '../../cloud/functions/limits';
import { sessionFor, type Session } from '../helpers/actors';
import { cloudBaseEnv, cloudBaseFleet, type CloudBaseFleet } from '../helpers/cloudbase';
import { postNeed } from '../helpers/needs';
import { expect } from '../helpers/expect';
import { createCluster, type PgCluster } from '../helpers/pg-cluster';
import { startPgBouncer, type PgBouncer } from '../helpers/pgbouncer';
import {
  enterpriseSession,
  RACE_LIMITS,
  raceGrabOneNeed,
  raceGrabSameTimeNeeds,
  raceOneRequestId,
  raceOverlappingBookings,
  raceSpeakersGrabPoolOrder,
  type RaceStage,
} from '../helpers/races';
import { createTestServer, type TestServer } from '../helpers/server';

const root = path.resolve(__dirname, '../..');
const bundleDir = 'dist/test-cloudfunctions-pgbouncer';

/** The throwaway cluster's limit: 3 of them are kept for superusers, so 17 for everyone else. */
const MAX_CONNECTIONS = 20;
/** Server connections PgBouncer keeps to PostgreSQL (default_pool_size = max_db_connections). */
const SERVER_POOL = 12;
/** Function instances of the HTTP face, each with its own pool of two, as on CloudBase. */
const INSTANCES = 100;

interface Peaks {
  /** Client connections on PgBouncer for the app database (active + waiting). */
  clients: number;
  /** Server connections PgBouncer held to PostgreSQL. */
  servers: number;
  /** Client backends PostgreSQL itself counted. */
  backends: number;
}

/**
 * Serverless fan-out: every function instance holds its own small pool, so a burst of instances
 * opens more connections than PostgreSQL allows. Through a PgBouncer in transaction mode (started
 * here, on a throwaway cluster with max_connections = 20) the race scenarios and the CloudBase
 * bundles' real `exports.main` run with hundreds of client connections and give exact results.
 */
describe('through PgBouncer (transaction pooling), more clients than PostgreSQL allows', () => {
  let cluster: PgCluster;
  let bouncer: PgBouncer;
  let direct: pg.Client; // a superuser connection straight to the cluster, for the checks
  let setup: Database;
  let server: TestServer;
  const fleet: { db: Database; server: TestServer }[] = [];
  let enterprise: Session;
  let restoreEnv: () => void = () => {};

  /** Samples PgBouncer's and PostgreSQL's connection counts while `work` runs; returns the peaks. */
  async function peaksDuring(work: () => Promise<void>): Promise<Peaks> {
    const peaks: Peaks = { clients: 0, servers: 0, backends: 0 };
    const admin = new pg.Client({ connectionString: bouncer.url('pgbouncer') });
    await admin.connect();
    let running = true;
    const sample = async () => {
      const app = (await admin.query('SHOW POOLS')).rows.find((p) => p.database === 'app');
      const n = (k: string) => Number(app?.[k] ?? 0);
      peaks.clients = Math.max(peaks.clients, n('cl_active') + n('cl_waiting'));
      peaks.servers = Math.max(peaks.servers, n('sv_active') + n('sv_idle') + n('sv_used') + n('sv_tested') + n('sv_login'));
      const backends = await direct.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = 'app'`);
      peaks.backends = Math.max(peaks.backends, backends.rows[0].n as number);
    };
    const sampler = (async () => {
      while (running) {
        await sample();
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      await work();
    } finally {
      running = false;
      await sampler;
      await admin.end();
    }
    return peaks;
  }

  const expectPooled = (peaks: Peaks, minClients: number) => {
    expect(peaks.clients).toBeGreaterThanOrEqual(minClients);
    expect(peaks.clients).toBeGreaterThan(MAX_CONNECTIONS);
    expect(peaks.servers).toBeLessThanOrEqual(SERVER_POOL);
    expect(peaks.backends).toBeLessThanOrEqual(SERVER_POOL);
  };

  beforeAll(async () => {
    // The bundles build (≈10 s) while the cluster starts.
    const built = promisify(execFile)('npx', ['tsx', 'cloud/build/bundle.ts'], { cwd: root, env: { ...process.env, CLOUD_BUNDLE_DIR: bundleDir } });
    built.catch(() => {}); // awaited below
    cluster = await createCluster({ conf: { max_connections: MAX_CONNECTIONS } });
    bouncer = await startPgBouncer({ upstream: { port: cluster.port }, poolSize: SERVER_POOL });
    direct = new pg.Client({ connectionString: cluster.url });
    await direct.connect();
    await direct.query('CREATE DATABASE app');
    await built;
  });
  afterAll(async () => {
    // The bundles' instances cannot be closed from outside (as on CloudBase, where a container is
    // simply frozen): their idle connections see PgBouncer go away below, and each pool logs that.
    const logError = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      if (!String(args[0]).startsWith('数据库连接断开（空闲连接）')) logError(...args);
    };
    restoreEnv();
    await server?.close();
    for (const f of fleet) await f.server?.close();
    await Promise.all(fleet.map((f) => f.db.close()));
    await setup?.close();
    await direct?.end();
    await bouncer?.stop();
    await cluster?.destroy();
    const fs = await import('node:fs');
    fs.rmSync(path.join(root, bundleDir), { recursive: true, force: true });
  });

  it('the cluster really refuses that many: straight at PostgreSQL, the 18th connection fails with 53300', async () => {
    const clients = Array.from({ length: MAX_CONNECTIONS + 10 }, () => new pg.Client({ connectionString: cluster.url }));
    const opened = await Promise.allSettled(clients.map((c) => c.connect()));
    const refused = opened.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => (o.reason as { code?: string }).code === '53300')).toBe(true);
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  });

  it(`${INSTANCES} instances open pools, 20 of them start at once: each migration is applied once, the demo data once, and no advisory lock is left behind`, async () => {
    const url = bouncer.url('app');
    for (let i = 0; i < INSTANCES; i++) fleet.push({ db: await openDatabase({ databaseUrl: url, poolSize: 2, preparedStatements: false }), server: undefined as unknown as TestServer });
    // Every instance migrates and seeds as a server start does.
    const started = await Promise.all(fleet.slice(0, 20).map(async (f) => ({ applied: await migrate(f.db.db), seeded: await seedIfEmpty(f.db.db, demoData) })));
    const applied = started.flatMap((s) => s.applied);
    expect(new Set(applied).size).toBe(applied.length); // nobody applied a file twice
    expect(started.filter((s) => s.seeded)).toHaveLength(1);
    const app = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/app') });
    await app.connect();
    try {
      const rows = (await app.query('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name')).rows;
      expect(rows.length).toBe(applied.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      const locks = await app.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`);
      expect(locks.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
    for (const f of fleet) f.server = await createTestServer(f.db, { limits: RACE_LIMITS });
    setup = await openDatabase({ databaseUrl: url, poolSize: 4, preparedStatements: false });
    server = await createTestServer(setup, { limits: RACE_LIMITS });
    enterprise = await enterpriseSession(server);
  });

  describe('the race scenarios through the HTTP face, each racer on an instance of its own', () => {
    const stage = (): RaceStage => ({ server, db: setup.db, label: 'pgb', racer: (userId, i) => sessionFor(fleet[i % INSTANCES].server, userId) });

    it('100 overlapping bookings of one speaker, 10 retries of one request id, every speaker grabbing one pool order', async () => {
      const peaks = await peaksDuring(async () => {
        await raceOverlappingBookings(stage(), INSTANCES);
        await raceOneRequestId(stage(), 10);
        await raceSpeakersGrabPoolOrder(stage(), 5);
      });
      expectPooled(peaks, 60);
    });

    it('200 volunteers on 100 instances grab one need; 50 volunteers grab 20 same-time needs (1,000 taps)', async () => {
      const peaks = await peaksDuring(async () => {
        await raceGrabOneNeed(stage(), enterprise, 2 * INSTANCES);
        await raceGrabSameTimeNeeds(stage(), enterprise, 50, 20);
      });
      expectPooled(peaks, 100);
    });
  });

  describe("the CloudBase bundles' exports.main, one warm instance per caller", () => {
    let cloud: CloudBaseFleet;
    const stage = (): RaceStage => ({
      server,
      db: setup.db,
      label: 'cloud',
      racer: async (userId, i) => {
        // The caller's OPENID, as WeChat would vouch for it (the users were made by the setup server).
        // One per user, however many instances it calls through at once.
        await setup.db.updateTable('users').set({ openid: `oPGB-${userId}` }).where('id', '=', userId).where('openid', 'is', null).execute();
        const { openid } = await setup.db.selectFrom('users').select('openid').where('id', '=', userId).executeTakeFirstOrThrow();
        return cloud.session(userId, openid!, i);
      },
    });

    beforeAll(() => {
      restoreEnv = cloudBaseEnv({ DATABASE_URL: bouncer.url('app'), DATABASE_PREPARED_STATEMENTS: 'off', RATE_LIMITS: 'off', REQUEST_DEADLINE_MS: String(RACE_LIMITS.deadlineMs) });
      cloud = cloudBaseFleet(path.join(root, bundleDir));
    });

    it('60 callers on 60 order instances book one speaker at once; 10 instances retry one request id', async () => {
      const peaks = await peaksDuring(async () => {
        await raceOverlappingBookings(stage(), 60);
        await raceOneRequestId(stage(), 10);
      });
      expectPooled(peaks, 40);
      expect(cloud.started()).toMatchObject({ order: 60 });
    });

    it('60 volunteers on 60 task instances grab one need, and every speaker grabs one pool order', async () => {
      const peaks = await peaksDuring(async () => {
        await raceGrabOneNeed(stage(), enterprise, 60);
        await raceSpeakersGrabPoolOrder(stage(), 5);
      });
      expectPooled(peaks, 40);
      expect(cloud.started().task).toBeGreaterThanOrEqual(60);
    });
  });

  it('a call past its deadline, waiting on a row lock, is cancelled on the server through PgBouncer', async () => {
    const DEADLINE_MS = 300;
    const db = await openDatabase({ databaseUrl: bouncer.url('app'), poolSize: 2, preparedStatements: false });
    const impatient = await createTestServer(db, { limits: limitsFromEnv({ REQUEST_DEADLINE_MS: String(DEADLINE_MS), RATE_LIMITS: 'off' }) });
    const locker = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/app') });
    await locker.connect();
    const waiting = async () =>
      (await direct.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'app' AND wait_event_type = 'Lock'`)).rows[0].n as number;
    try {
      const need = await postNeed(enterprise);
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM orders WHERE id = $1 FOR UPDATE', [need.id]);
      const owner = sessionFor(impatient, enterprise.userId);
      const stuck = await Promise.all([1, 2].map(() => owner.call<Order>('order', 'cancel', { id: need.id, reason: '不需要了' })));
      for (const res of stuck) expect(res.body).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '请求处理超时，请稍后重试' } });
      // The lock is still held, yet nothing waits on it any more: both waits were cancelled.
      await expect.poll(waiting, { message: 'backends waiting on the lock', timeout: 3_000 }).toBe(0);
      await expect.poll(() => db.pool.idleCount, { message: 'idle connections', timeout: 3_000 }).toBe(db.pool.totalCount);
      await locker.query('ROLLBACK');
      const row = await setup.db.selectFrom('orders').select('status').where('id', '=', need.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
    } finally {
      await locker.end();
      await impatient.close();
      await db.close();
    }
  });
});
