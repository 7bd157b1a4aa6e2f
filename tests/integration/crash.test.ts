import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../../cloud/db/engine';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { TEST_DATABASE_URL } from '../helpers/db';
import { ledgerProblems, loginDemoWorkers, OrderLedger, poolLecture, settle, sleep, storedOrders, type Requester } from '../helpers/order-load';

/**
 * The real server is SIGKILLed in the middle of a write load and started again on the same data.
 * Whatever it acknowledged must be there exactly once; a request id sent again (a double submit,
 * a retry after an answer, a retry of a call the crash cut off) must name exactly one order.
 */
const CLIENTS = 6;
/** Kill once this many creates were acknowledged (with the other clients' calls in flight). */
const KILL_AFTER = 80;
/** Upper bound on the load, whatever happens. */
const MAX_CALLS = 300;

describe.each(['pglite', 'postgres'] as const)('SIGKILL under write load (%s)', (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-crash-'));
  // PostgreSQL: a fresh database of its own on the test server, dropped afterwards.
  const dbName = `crash_${randomBytes(5).toString('hex')}`;
  const databaseUrl = engine === 'postgres' ? withDatabase(TEST_DATABASE_URL, dbName) : '';
  let server: ChildServer | undefined;

  beforeAll(async () => {
    if (engine === 'postgres') await adminQuery(`CREATE DATABASE ${dbName}`);
  });

  afterAll(async () => {
    await server?.stop();
    if (engine === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // One script sends every call: the per-user limits are not what this test is about.
  const start = () => startChildServer({ dataDir, databaseUrl, skipH5Build: true, env: { RATE_LIMITS: 'off' }, startTimeoutMs: 90_000 });

  it('keeps every acknowledged order exactly once, and a retried request id makes one order', async () => {
    const first = (server = await start());
    const workers = await loginDemoWorkers(first, 3);
    const ledger = new OrderLedger(await poolLecture(first));

    let killed = false;
    let calls = 0;
    const client = async (w: Requester) => {
      while (!killed && calls < MAX_CALLS) {
        const n = ++calls;
        const id = ledger.newRequest(w);
        if (n % 5 === 0) {
          // A double submit: the same request twice at once.
          await Promise.all([ledger.create(first, id), ledger.create(first, id)]);
        } else {
          const a = await ledger.create(first, id);
          // A retry after the answer (the client did not see it).
          if (n % 7 === 0 && a.outcome.kind === 'ok' && !killed) await ledger.create(first, id);
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(workers[i % workers.length])));
    while (ledger.count('ok') < KILL_AFTER && calls < MAX_CALLS) await sleep(5);
    killed = true;
    const killAt = Date.now();
    await first.kill();
    await load;
    const ackedAtKill = ledger.acknowledged().size;
    // Calls the kill cut off: sent, never answered.
    const cutOff = ledger.attempts.filter((a) => a.outcome.kind === 'no-answer').length;
    expect(cutOff).toBeGreaterThan(0);

    const restartAt = Date.now();
    const second = (server = await start());
    const restartMs = Date.now() - restartAt;
    // Same data directory, same session secret: the tokens from before the crash still work.
    const unconfirmed = ledger.unconfirmed();
    await settle(second, ledger, unconfirmed);
    // An order created before the restart was committed before the kill, though its answer was lost.
    const committedUnanswered = unconfirmed.filter((id) =>
      ledger.attempts.some((a) => a.requestId === id && a.outcome.kind === 'ok' && Date.parse(a.outcome.createdAt) < restartAt),
    ).length;
    // Acknowledged requests sent once more after the restart name the same order.
    const acked = [...ledger.acknowledged().keys()];
    await settle(second, ledger, acked.filter((_, i) => i % 3 === 0));
    await second.stop();

    const database = await openDatabase(engine === 'pglite' ? { dataDir } : { databaseUrl, poolSize: 2 });
    try {
      const rows = await storedOrders(database.db, [...ledger.owner.keys()]);
      expect(ledgerProblems(ledger, rows, true)).toEqual([]);
      expect(rows.length).toBe(ledger.owner.size);
      console.log(`crash figures (${engine})`, JSON.stringify({
        calls: ledger.attempts.length,
        requestIds: ledger.owner.size,
        acknowledgedBeforeKill: ackedAtKill,
        cutOffByKill: cutOff,
        cutOffButCommitted: committedUnanswered,
        ordersAfterRestart: rows.length,
        restartMs,
        killAtMs: killAt - ledger.attempts[0].sentAt,
      }));
    } finally {
      await database.close();
    }
  });
});

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
