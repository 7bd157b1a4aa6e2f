import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';
import pg from 'pg';

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
  /** Connections with a query of this run in flight (how many), and how to stop that query. */
  running: Map<pg.PoolClient, { queries: number; cancel: CancelQuery }>;
}

/**
 * Stops the query a connection is running. `stillRunning` is asked again just before the stop is
 * sent: a query that finished meanwhile is left alone (its connection may already serve another).
 */
export type CancelQuery = (client: pg.PoolClient, stillRunning: () => boolean) => void;

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
  const scope: Scope = { openTransactions: 0, abortedBy: null, running: new Map() };
  const abort = (reason: Error) => {
    scope.abortedBy ??= reason;
    // A query waiting on a lock would keep its connection until the lock holder lets go (for good,
    // if it never does): stop it, so the work rolls back and the connection returns to the pool now.
    for (const [client, { cancel }] of scope.running) cancel(client, () => scope.running.has(client));
  };
  return scopes.run(scope, () => fn({ abort }));
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
function watchClient(client: pg.PoolClient, cancel: CancelQuery | undefined): pg.PoolClient {
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
    if (scope && cancel && result instanceof Promise) track(scope, client, cancel, result);
    if (scope && BEGIN.test(text)) scope.openTransactions++;
    if (scope && ending) scope.openTransactions = Math.max(0, scope.openTransactions - 1);
    return result;
  };
  return client;
}

/** Notes a query in flight on `client` for this scope, until it settles. */
function track(scope: Scope, client: pg.PoolClient, cancel: CancelQuery, result: Promise<unknown>) {
  const entry = scope.running.get(client) ?? { queries: 0, cancel };
  entry.queries++;
  scope.running.set(client, entry);
  const settled = () => {
    if (--entry.queries === 0) scope.running.delete(client);
  };
  result.then(settled, settled);
}

/**
 * PostgreSQL: the protocol's own CancelRequest (what psql's Ctrl-C sends), with the backend key
 * the connection was given at login, on a short socket of its own. The stopped query fails with
 * 57014, which the aborted request no longer answers with.
 *
 * Not `pg_cancel_backend(pid)`: through PgBouncer the pid a client is told is PgBouncer's own
 * random key, not a server process (the query ran on, or another backend could be hit), and that
 * call needs a whole new login, which a pooler or a server at max_connections may queue or refuse.
 * A CancelRequest needs no login and no connection slot; PgBouncer maps the key to the server
 * connection the client is using at that moment and forwards it (and drops it when the client has
 * none, i.e. the query has finished). Sent in the clear, as libpq and pg do: a cancel carries no
 * data (PostgreSQL takes it before any TLS or pg_hba step).
 */
export function cancelOnServer(): CancelQuery {
  return (client, stillRunning) => {
    const c = client as pg.PoolClient & { processID?: number | null; secretKey?: number | null; host?: string; port?: number };
    if (!c.processID || c.secretKey == null || !c.port) return;
    const packet = Buffer.alloc(16);
    packet.writeInt32BE(16, 0);
    packet.writeInt32BE(80877102, 4); // the CancelRequest code
    packet.writeInt32BE(c.processID, 8);
    packet.writeInt32BE(c.secretKey, 12);
    const host = c.host ?? 'localhost';
    const socket = host.startsWith('/') ? net.connect(`${host}/.s.PGSQL.${c.port}`) : net.connect(c.port, host);
    // The server closes the socket once it has handled the request. Wait for that, as libpq does:
    // closing it first made PgBouncer 1.18 (Debian 12's) exit with "bad client state".
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('error', () => {}); // best effort: the deadline's answer has gone out already
    socket.on('end', () => socket.destroy());
    socket.once('connect', () => {
      if (stillRunning()) socket.write(packet);
      else socket.destroy();
    });
  };
}

/**
 * Makes `pool.connect()` (what Kysely calls for every query outside a transaction) guarded.
 * With `cancel`, a run that overruns its deadline also stops the query it has in flight.
 */
export function guardPool(pool: pg.Pool, opts: { cancel?: CancelQuery } = {}): pg.Pool {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { connect: unknown }).connect = (...args: unknown[]) => {
    // The callback form is pg's own internal use (pool.query); Kysely always uses the promise form.
    if (args.length) return connect(...args);
    try {
      check(scopes.getStore(), true);
    } catch (err) {
      return Promise.reject(err);
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => watchClient(client, opts.cancel));
  };
  return pool;
}
