import pg from 'pg';

/**
 * Releases a burst of writes at one instant. A client of the test's own holds the orders table
 * in SHARE mode (reads pass, every INSERT and UPDATE of orders queues), `fire` starts the burst,
 * and once `waiters` statements queue behind the lock it lets go: they then run truly together,
 * however the machine happened to schedule the requests. Without this, a burst on a quiet machine
 * often runs one statement after another and hides what happens when they meet.
 */
export function burstGate(databaseUrl: string, waiters: number) {
  return async <T>(fire: () => Promise<T>): Promise<T> => {
    const holder = new pg.Client({ connectionString: databaseUrl });
    // Watches from outside: inside the holder's transaction pg_stat_activity would repeat its
    // first snapshot.
    const observer = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([holder.connect(), observer.connect()]);
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE orders IN SHARE MODE');
      const burst = fire();
      burst.catch(() => {}); // awaited below; a failure must not go unhandled while we wait
      await queued(observer, holder, waiters);
      await holder.query('COMMIT');
      return await burst;
    } finally {
      await Promise.all([holder.end(), observer.end()]);
    }
  };
}

/** Until `waiters` sessions wait for the lock `holder` holds on orders (at most a minute). */
async function queued(observer: pg.Client, holder: pg.Client, waiters: number) {
  const holderPid = (holder as pg.Client & { processID: number }).processID;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await observer.query(
      `SELECT count(*)::int AS n FROM pg_locks
        WHERE NOT granted AND locktype = 'relation' AND relation = 'orders'::regclass AND $1 = ANY (pg_blocking_pids(pid))`,
      [holderPid],
    );
    if (r.rows[0].n >= waiters) return;
    if (Date.now() > deadline) throw new Error(`only ${r.rows[0].n} of ${waiters} writes queued behind the gate in 60 s`);
    await new Promise((res) => setTimeout(res, 20));
  }
}
