import { sql, type Kysely } from 'kysely';
import { PREPARED } from './prepared';
import type { DB } from './schema';

/**
 * The menu's version (migration 0009): one row, bumped by triggers in the same transaction as
 * any write to what the menu shows. Read by the menu memory (domain/catalog/cache.ts).
 */
export async function readCatalogVersion(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ version: string }>`SELECT version FROM catalog_version ${PREPARED}`.execute(db);
  return String(r.rows[0]?.version ?? '0');
}

/**
 * Embedded PGlite is one process with one connection, so every commit happens here. The bump
 * also sends NOTIFY (migration 0011) and PGlite hands notifications to its listeners while it
 * parses the committing statement's answer, before that statement's caller resumes — so the
 * number kept here is current without a query per read. A server database has other processes
 * (and PgBouncer, where LISTEN does not work): there the menu reads the row per call.
 */
interface Pushed {
  version: string | null;
}
const pushed = new WeakMap<Kysely<DB>, Pushed>();

export const CATALOG_CHANNEL = 'catalog_version';

/** Called by the engine when it opens PGlite: `listen` subscribes to the channel. */
export async function followCatalogVersion(db: Kysely<DB>, listen: (onPayload: (payload: string) => void) => Promise<unknown>) {
  const state: Pushed = { version: null };
  await listen((payload) => {
    if (!/^\d+$/.test(payload)) return;
    if (state.version === null || BigInt(payload) > BigInt(state.version)) state.version = payload;
  });
  pushed.set(db, state);
}

/** The version as of now: from the notifications where they are followed, else one read. */
export async function catalogVersionNow(db: Kysely<DB>): Promise<string | null> {
  const state = pushed.get(db);
  if (!state) return null;
  if (state.version === null) {
    // First use (after migrations): read once; a notification that came meanwhile may be newer.
    const read = await readCatalogVersion(db);
    if (state.version === null || BigInt(read) > BigInt(state.version)) state.version = read;
  }
  return state.version;
}
