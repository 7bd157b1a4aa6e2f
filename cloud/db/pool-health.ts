import pg from 'pg';

/**
 * What keeps a pg.Pool alive through a database that goes away and comes back.
 *
 * When PostgreSQL stops (or crashes, or a network hop drops), every open connection fails at
 * once. pg reports that as an 'error' event: on the pool for an idle connection, and on the client
 * itself for one a request holds. An 'error' event nobody listens to is thrown by Node and ends
 * the process, so one restart of the database would take the whole server down. With listeners
 * here the failure reaches only the queries that were running (they reject, the request answers
 * "database unavailable"), the pool drops the dead connections, and the next query opens a fresh
 * one: the pool recovers on its own once the database is back.
 */
export function watchPoolErrors(pool: pg.Pool, log: (message: string) => void = defaultLog): pg.Pool {
  // Idle connections: pg-pool has already removed the client when it emits this.
  pool.on('error', (err) => log(`数据库连接断开（空闲连接）: ${err.message}`));
  // Connections in use: the running query gets the error too; this listener only stops the
  // process from crashing. pg marks the client unusable and the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

const defaultLog = (message: string) => console.error(message);

/**
 * A pg.Client class whose connect gives up after `ms`. Separate from the pool's
 * connectionTimeoutMillis (how long a query may wait for a free connection under load): opening a
 * connection to a database that does not answer — a dropped network, a host that is down — should
 * fail within a couple of seconds, so a request answers a clear error instead of hanging.
 */
export function clientWithConnectTimeout(ms: number): new () => pg.Client {
  return class BoundedConnectClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: ms });
    }
  };
}
