import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * The database guard of one request (or one timer run): how many transactions it holds open and
 * whether its deadline has passed.
 *
 * Why: PGlite has exactly one connection. Code inside a transaction that reaches the database
 * through anything but that transaction asks the pool for a second connection, which never comes:
 * the whole process freezes for good. On PostgreSQL the same mistake reads outside the transaction
 * (and can deadlock against it). The guarded pool refuses such a connect at once, on both engines,
 * so the mistake is a failing test instead of a frozen server.
 */
interface Scope {
  openTransactions: number;
  /** Set when the request overran its deadline: its next query fails and its work rolls back. */
  abortedBy: Error | null;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Thrown when code inside a transaction asks the pool for another connection. */
export class OutsideTransactionError extends Error {
  constructor() {
    super('database reached outside the open transaction (pass the transaction down)');
    this.name = 'OutsideTransactionError';
  }
}

export interface GuardedRun {
  /** Makes every later query of this run fail with `reason` (its transaction rolls back). */
  abort(reason: Error): void;
}

/** Runs `fn` in its own guard scope; `fn` receives a handle to abort it (used by the deadline). */
export function runGuarded<T>(fn: (run: GuardedRun) => Promise<T>): Promise<T> {
  const scope: Scope = { openTransactions: 0, abortedBy: null };
  return scopes.run(scope, () => fn({ abort: (reason) => (scope.abortedBy ??= reason) }));
}

const BEGIN = /^\s*(begin|start\s+transaction)\b/i;
const END = /^\s*(commit|rollback|end)\b/i;
const ROLLBACK = /^\s*rollback\b/i;
const WATCHED = Symbol('guarded');

function check(scope: Scope | undefined, acquiring: boolean) {
  if (!scope) return;
  if (scope.abortedBy) throw scope.abortedBy;
  if (acquiring && scope.openTransactions > 0) throw new OutsideTransactionError();
}

/** Counts BEGIN/COMMIT per scope and stops queries of an aborted run before they are sent. */
function watchClient(client: pg.PoolClient): pg.PoolClient {
  const marked = client as pg.PoolClient & { [WATCHED]?: true };
  if (marked[WATCHED]) return client;
  marked[WATCHED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const scope = scopes.getStore();
    const text = typeof args[0] === 'string' ? args[0] : '';
    const ending = END.test(text);
    // A rollback must still go out after an abort, or the connection stays inside the transaction;
    // a commit must not (the aborted work is undone).
    if (!ROLLBACK.test(text)) check(scope, false);
    const result = query(...args);
    if (scope && BEGIN.test(text)) scope.openTransactions++;
    if (scope && ending) scope.openTransactions = Math.max(0, scope.openTransactions - 1);
    return result;
  };
  return client;
}

/** Makes `pool.connect()` (what Kysely calls for every query outside a transaction) guarded. */
export function guardPool(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    // The callback form is pg's own internal use (pool.query); Kysely always uses the promise form.
    if (args.length) return connect(...args);
    try {
      check(scopes.getStore(), true);
    } catch (err) {
      return Promise.reject(err);
    }
    return (connect() as Promise<pg.PoolClient>).then(watchClient);
  };
  return pool;
}
