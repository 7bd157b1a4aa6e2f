import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { lockDataDir } from './lock';

export interface Database {
  db: Kysely<DB>;
  pool: pg.Pool;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface EngineOptions {
  /** A real PostgreSQL server. */
  databaseUrl?: string | null;
  /** PGlite directory, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Postgres only: pool size (default 10). */
  poolSize?: number;
  /** Postgres only: run everything in this schema (tests isolate themselves this way). */
  schema?: string;
}

/** One code path for both engines: Kysely over a pg.Pool (a real one, or one over PGlite). */
export async function openDatabase(opts: EngineOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  return openPglite(opts.dataDir ?? 'memory://');
}

function openPostgres(url: string, opts: EngineOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, engine: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded lazily: the CloudBase bundles run on a server database and do not ship PGlite.
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? async () => {} : await lockDataDir(dataDir);
  let lite;
  try {
    lite = await PGlite.create(dataDir, { extensions: { btree_gist } });
  } catch (err) {
    await unlock();
    throw err;
  }
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    engine: 'pglite',
    async close() {
      await db.destroy();
      await lite.close();
      await unlock();
    },
  };
}
