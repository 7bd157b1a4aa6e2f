import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../cloud/db/engine';
import { migrate } from '../../cloud/db/migrate';
import { demoData } from '../../cloud/db/seed/data';
import { seedIfEmpty } from '../../cloud/db/seed/load';

export type EngineName = 'pglite' | 'postgres';

/** The PostgreSQL server of this machine; tests fail loudly (not skip) when it is unreachable. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** Postgres only: the throwaway schema this test database lives in. */
  schema?: string;
}

async function assertReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL test server unreachable at ${url.replace(/:[^:@/]*@/, ':***@')} (${(err as Error).message}). ` +
        'Start it (see README "Tests") or set TEST_DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A migrated test database with the demo data: in-memory PGlite, or a fresh schema on the
 * PostgreSQL server (dropped again by close()).
 */
export async function createTestDatabase(
  engine: EngineName,
  opts: { seed?: boolean; poolSize?: number; acquireTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  let database: TestDatabase;
  if (engine === 'pglite') {
    database = await openDatabase({ dataDir: 'memory://', acquireTimeoutMs: opts.acquireTimeoutMs });
  } else {
    await assertReachable(TEST_DATABASE_URL);
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await onServer((c) => c.query(`CREATE SCHEMA ${schema}`));
    const inner = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: opts.poolSize ?? 10, acquireTimeoutMs: opts.acquireTimeoutMs });
    database = {
      ...inner,
      schema,
      async close() {
        await inner.close();
        await onServer((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
      },
    };
  }
  await migrate(database.db);
  if (opts.seed !== false) await seedIfEmpty(database.db, demoData);
  return database;
}

export interface OwnTestDatabase extends TestDatabase {
  /** The database's URL, for clients of the test's own (a lock holder, an observer). */
  url: string;
  /**
   * Closes the pool, waits until every connection to the database has gone (a backend hands its
   * statistics in as it exits), answers how many deadlocks PostgreSQL counted in it, and drops it.
   */
  closeCountingDeadlocks(): Promise<number>;
}

/**
 * A migrated, seeded database of its own on the server (not a schema of the shared test
 * database), so that PostgreSQL's per-database statistics, such as its deadlock count, are this
 * test's alone.
 */
export async function createOwnDatabase(opts: { poolSize?: number } = {}): Promise<OwnTestDatabase> {
  await assertReachable(TEST_DATABASE_URL);
  const name = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  const inner = await openDatabase({ databaseUrl: url.toString(), poolSize: opts.poolSize ?? 10 });
  await migrate(inner.db);
  await seedIfEmpty(inner.db, demoData);
  const drop = () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return {
    ...inner,
    url: url.toString(),
    async close() {
      await inner.close();
      await drop();
    },
    async closeCountingDeadlocks() {
      await inner.close();
      const count = await onServer(async (c) => {
        for (let i = 0; i < 100; i++) {
          const left = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (left.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        const r = await c.query('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = $1', [name]);
        return r.rows[0].n as number;
      });
      await drop();
      return count;
    },
  };
}

async function onServer<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}
