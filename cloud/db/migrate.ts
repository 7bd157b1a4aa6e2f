import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** Any constant: identifies "our migration lock" among advisory locks. */
const MIGRATION_LOCK_KEY = 7_261_001;

/**
 * Applies the plain-SQL migrations in file-name order, each in its own transaction, once.
 * Concurrent starters (several server processes, or function instances, on one PostgreSQL) wait
 * for each other on an advisory lock instead of racing.
 *
 * The lock is transaction-scoped (`pg_advisory_xact_lock`), taken again in each step's own
 * transaction, and the step re-reads what is applied under it: through PgBouncer in transaction
 * mode the statements of one client run on whichever server connection is free, so a session
 * lock would be taken on one backend and "released" on another — held for good, and every later
 * starter that lands elsewhere waits forever. A transaction always stays on one backend.
 */
export async function migrate(db: Kysely<DB>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  const lock = (trx: Kysely<DB>) => sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
  const done = await db.transaction().execute(async (trx) => {
    await lock(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
    return new Set((await trx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
  });
  for (const file of files) {
    if (done.has(file)) continue;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    await db.transaction().execute(async (trx) => {
      await lock(trx);
      // Another starter may have applied it while this one waited for the lock.
      if (await trx.selectFrom('schema_migrations').select('name').where('name', '=', file).executeTakeFirst()) return;
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file }).execute();
      applied.push(file);
    });
  }
  return applied;
}
