import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { CATALOG_CHANNEL, followCatalogVersion } from './catalog-version';
import { cancelOnServer, guardPool } from './guard';
import { preparePool } from './prepared';
import { lockDataDir } from './lock';
import { clientWithConnectTimeout, watchPoolErrors } from './pool-health';

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
  /** How long a query may wait for a free connection before it fails (default 10 s). */
  acquireTimeoutMs?: number;
  /** Postgres only: how long opening one connection may take before it fails (default 3 s). */
  connectTimeoutMs?: number;
  /**
   * Postgres only: send the hot statements as named prepared statements (default true). Off
   * behind PgBouncer < 1.21 in transaction mode (cloud/db/prepared.ts). PGlite always prepares.
   */
  preparedStatements?: boolean;
}

const DEFAULT_ACQUIRE_TIMEOUT_MS = 10_000;
/** A local or same-region server connects in milliseconds; seconds mean it is not there. */
const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

/** One code path for both engines: Kysely over a pg.Pool (a real one, or one over PGlite). */
export async function openDatabase(opts: EngineOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  return openPglite(opts.dataDir ?? 'memory://', opts);
}

function openPostgres(url: string, opts: EngineOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS,
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
    Client: clientWithConnectTimeout(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    // TCP keepalive notices a server that vanished without closing the socket (a dropped host).
    keepAlive: true,
    // No client-side query_timeout: a long report or the 1M-row benchmark load is legitimate;
    // the request deadline bounds what a caller waits for.
  });
  watchPoolErrors(pool);
  if (opts.preparedStatements !== false) preparePool(pool);
  // PGlite has no cancel: one connection, so nothing there waits on another's lock.
  guardPool(pool, { cancel: cancelOnServer() });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, engine: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string, opts: EngineOptions): Promise<Database> {
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
  // One connection: a query that finds it busy waits its turn, but never longer than the timeout.
  const pool = guardPool(preparePool(new pg.Pool({ ...createPgConfig(lite), connectionTimeoutMillis: opts.acquireTimeoutMs ?? DEFAULT_ACQUIRE_TIMEOUT_MS })));
  watchPoolErrors(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await followCatalogVersion(db, (onPayload) => lite.listen(CATALOG_CHANNEL, onPayload));
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
