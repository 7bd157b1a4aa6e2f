import { sql } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements for the hot statements (issue 14). PostgreSQL parses and plans an
 * unnamed statement anew on every call; for the order write (one statement of four CTEs) that was
 * most of its cost — measured on one connection, BEGIN + the write + ROLLBACK: 3.3 → 0.6 ms on
 * PGlite, 1.0 → 0.5 ms on PostgreSQL. A statement marked with `PREPARED` (at its end) is sent
 * under a name derived from its text, so each connection parses it once (pg keeps track).
 *
 * Not behind PgBouncer before 1.21 in transaction mode: there the next statement of a client may
 * run on a server connection that never saw the Parse. DATABASE_PREPARED_STATEMENTS=off sends
 * every statement unnamed; the CloudBase functions do so unless it says `on` (README, "PgBouncer").
 */
export const PREPARED = sql.raw('/* prepared */');
const MARK = '/* prepared */';

/** Statement text → name, for all connections. Bounded: marked texts are a handful of shapes. */
const names = new Map<string, string>();
const MAX_NAMES = 200;

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMES) names.set(text, (name = `p${names.size + 1}`));
  return name ?? null;
}

/** Every client the pool hands out sends marked statements as named ones. */
export function preparePool(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    if (args.length) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then(prepareClient);
  };
  return pool;
}

const PREPARING = Symbol('prepared statements');

function prepareClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { [PREPARING]?: true };
  if (marked[PREPARING]) return client;
  marked[PREPARING] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text === 'string' && text.endsWith(MARK) && (values === undefined || Array.isArray(values))) {
      const name = nameOf(text);
      if (name) return query({ name, text, values });
    }
    return query(...args);
  };
  return client;
}
