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
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const inner = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: opts.poolSize ?? 10, acquireTimeoutMs: opts.acquireTimeoutMs });
    database = {
      ...inner,
      schema,
      async close() {
        await inner.close();
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  await migrate(database.db);
  if (opts.seed !== false) await seedIfEmpty(database.db, demoData);
  return database;
}
