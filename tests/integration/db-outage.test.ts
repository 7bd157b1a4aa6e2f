import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase, type Database } from '../../cloud/db/engine';
import { isDatabaseUnavailable } from '../../cloud/db/errors';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { TEST_DATABASE_URL } from '../helpers/db';
import { ledgerProblems, loginDemoWorkers, OrderLedger, poolLecture, settle, sleep, storedOrders, type Requester } from '../helpers/order-load';
import { createCluster, type PgCluster } from '../helpers/pg-cluster';

/**
 * PostgreSQL goes away under a running server and comes back: the real server on its own
 * throwaway cluster, a steady order.create load, then `pg_ctl stop -m immediate` (backends killed
 * mid-query, no checkpoint) for a few seconds and a start with crash recovery.
 */
const OUTAGE_MS = 4_000;
/** "Quickly": a call during the outage answers within this, instead of hanging. */
const QUICK_MS = 2_000;
const UNAVAILABLE = '数据库暂时不可用，请稍后重试';

describe('PostgreSQL outage under load', () => {
  let cluster: PgCluster | undefined;
  let server: ChildServer | undefined;

  beforeAll(async () => {
    cluster = await createCluster();
    // One script sends every call: the per-user limits are not what this test is about.
    server = await startChildServer({ databaseUrl: cluster.url, skipH5Build: true, env: { RATE_LIMITS: 'off' }, startTimeoutMs: 90_000 });
  });

  afterAll(async () => {
    await server?.stop();
    await cluster?.destroy();
  });

  it('answers a clear error at once while the database is down, recovers without a restart, loses nothing acknowledged', async () => {
    const srv = server!;
    const pg = cluster!;
    const workers = await loginDemoWorkers(srv, 4);
    const ledger = new OrderLedger(await poolLecture(srv));

    // Four clients, each sending one create after another with a short pause (a bounded rate:
    // during the outage the errors come back at once, and the load must not spin).
    let done = false;
    const client = async (w: Requester) => {
      for (let i = 0; i < 400 && !done; i++) {
        await ledger.create(srv, ledger.newRequest(w), 10_000);
        await sleep(50);
      }
    };
    const load = Promise.all(workers.map(client));

    await sleep(1_500);
    const ackedBefore = ledger.count('ok');
    const stopAt = Date.now();
    await pg.stop('immediate');
    const downAt = Date.now();
    await sleep(OUTAGE_MS);
    const restartAt = Date.now();
    await pg.start();
    const upAt = Date.now();
    // Run on until ten calls sent after the restart were answered ok, or 20 s.
    while (srv.running() && Date.now() - upAt < 20_000 && ledger.attempts.filter((a) => a.sentAt >= upAt && a.outcome.kind === 'ok').length < 10) await sleep(100);
    done = true;
    await load;

    // The same server process lived through it.
    expect(srv.running() ? 'running' : srv.log().slice(-3000)).toBe('running');
    expect(() => process.kill(srv.serverPid, 0)).not.toThrow();

    // Every call sent while the database was down got an answer, quickly, and a clear one.
    const during = ledger.attempts.filter((a) => a.sentAt >= downAt && a.sentAt < restartAt);
    expect(during.length).toBeGreaterThan(20);
    const slow = during.filter((a) => a.answeredAt - a.sentAt > QUICK_MS);
    expect(slow.map((a) => ({ ms: a.answeredAt - a.sentAt, outcome: a.outcome }))).toEqual([]);
    const answers = new Set(during.map((a) => (a.outcome.kind === 'error' ? `${a.outcome.code} ${a.outcome.message}` : a.outcome.kind)));
    expect([...answers]).toEqual([`INTERNAL ${UNAVAILABLE}`]);

    // Calls cut off mid-transaction when the backends died say the same: none is left unanswered
    // or answered with the generic internal error.
    const failures = new Set(ledger.attempts.filter((a) => a.outcome.kind !== 'ok').map((a) => (a.outcome.kind === 'error' ? `${a.outcome.code} ${a.outcome.message}` : a.outcome.kind)));
    expect([...failures]).toEqual([`INTERNAL ${UNAVAILABLE}`]);

    // The pool came back by itself: after the first ok answer, every call is answered ok.
    const firstOk = ledger.attempts.filter((a) => a.sentAt >= restartAt && a.outcome.kind === 'ok').sort((a, b) => a.answeredAt - b.answeredAt)[0];
    expect(firstOk).toBeDefined();
    const afterRecovery = ledger.attempts.filter((a) => a.sentAt > firstOk.answeredAt);
    expect(afterRecovery.filter((a) => a.outcome.kind !== 'ok')).toEqual([]);

    // Calls that failed (or were cut off mid-transaction) are retried with their request id.
    const unconfirmed = ledger.unconfirmed();
    await settle(srv, ledger, unconfirmed);
    const database: Database = await openDatabase({ databaseUrl: pg.url, poolSize: 2 });
    try {
      const rows = await storedOrders(database.db, [...ledger.owner.keys()]);
      expect(ledgerProblems(ledger, rows, true)).toEqual([]);
      const figures = {
        calls: ledger.attempts.length,
        acknowledgedBeforeOutage: ackedBefore,
        acknowledged: ledger.acknowledged().size,
        ordersInDb: rows.length,
        stopMs: downAt - stopAt,
        downMs: upAt - downAt,
        callsDuringOutage: during.length,
        firstErrorAfterStopMs: Math.min(...ledger.attempts.filter((a) => a.outcome.kind !== 'ok' && a.answeredAt >= stopAt).map((a) => a.answeredAt)) - stopAt,
        maxAnswerMsDuringOutage: Math.max(...during.map((a) => a.answeredAt - a.sentAt)),
        startMs: upAt - restartAt,
        // pg_ctl start returns once it sees the server ready; calls may get through a bit before.
        firstOkAfterStartCommandMs: firstOk.answeredAt - restartAt,
        retriedAfterwards: unconfirmed.length,
      };
      console.log('outage figures', JSON.stringify(figures));
    } finally {
      await database.close();
    }
  });
});

/**
 * The same failure in miniature, in this process, on the machine's server: the backends of one
 * idle and one checked-out connection are terminated. Without error listeners on the pool and its
 * clients, pg's 'error' events are thrown and this test process dies ("Unhandled error").
 */
describe('connections killed under the pool', () => {
  it('reports them to the holder only, and the pool serves the next query on a fresh one', async () => {
    const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 4 });
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const held = await database.pool.connect();
      const idle = await database.pool.connect();
      const pids = [held, idle].map(async (c) => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
      const [heldPid, idlePid] = await Promise.all(pids);
      idle.release();
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [[heldPid, idlePid]]);
      await sleep(300);

      const err = await held.query('SELECT 1').then(() => null, (e: unknown) => e);
      expect(isDatabaseUnavailable(err)).toBe(true);
      held.release();
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      expect([heldPid, idlePid]).not.toContain(rows[0].pid);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
