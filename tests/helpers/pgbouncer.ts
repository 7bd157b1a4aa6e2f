import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A PgBouncer of our own (Debian's `pgbouncer` package), for tests that go through one the way a
 * CloudBase deployment does: its ini, auth file, log and pid file in one temp directory, listening
 * on 127.0.0.1 on a free port of its own, in the foreground as a child of the test (no root, no
 * systemd). Every database name is passed through to the upstream server (`* =` in [databases]).
 */
export interface PgBouncer {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** A query on PgBouncer's admin console (`SHOW POOLS`, `SHOW CLIENTS`, …): rows as objects. */
  admin(command: string): Promise<Record<string, unknown>[]>;
  /** The tail of its log. */
  log(): string;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  /** The PostgreSQL server it pools (trust auth for user `postgres`, as the throwaway cluster). */
  upstream: { host?: string; port: number };
  /** Server connections per database/user pair: what PostgreSQL sees at most. */
  poolSize: number;
  /** Client connections it accepts (default 1000). */
  maxClientConn?: number;
  /** `transaction` (default: what a serverless fan-out needs) or `session`. */
  poolMode?: 'transaction' | 'session' | 'statement';
}

/** PGBOUNCER, else Debian's place (/usr/sbin is not on a normal user's PATH), else the PATH. */
function binary(): string {
  if (process.env.PGBOUNCER) return process.env.PGBOUNCER;
  if (fs.existsSync('/usr/sbin/pgbouncer')) return '/usr/sbin/pgbouncer';
  return 'pgbouncer';
}

/** PgBouncer refuses to run as root: as root it runs as the `postgres` OS user, like the cluster. */
const asRoot = process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startPgBouncer(opts: PgBouncerOptions): Promise<PgBouncer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-pgbouncer-'));
  const port = await freePort();
  const logFile = path.join(dir, 'pgbouncer.log');
  const pidFile = path.join(dir, 'pgbouncer.pid');
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(path.join(dir, 'userlist.txt'), '"postgres" ""\n');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${opts.upstream.host ?? '127.0.0.1'} port=${opts.upstream.port}`,
      '',
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'admin_users = postgres',
      `pool_mode = ${opts.poolMode ?? 'transaction'}`,
      `max_client_conn = ${opts.maxClientConn ?? 1000}`,
      `default_pool_size = ${opts.poolSize}`,
      `max_db_connections = ${opts.poolSize}`,
      'reserve_pool_size = 0',
      'min_pool_size = 0',
      // A client waits for a server connection up to this long (the default is 120 s).
      'query_wait_timeout = 30',
      `logfile = ${logFile}`,
      `pidfile = ${pidFile}`,
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n'),
  );
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    for (const f of [dir, ini, path.join(dir, 'userlist.txt')]) fs.chownSync(f, uid, gid);
  }
  const [cmd, args] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary(), ini]] : [binary(), [ini]];
  const child: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  let exited = false;
  child.once('exit', () => (exited = true));

  const readLog = () => {
    try {
      return fs.readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return stderr;
    }
  };
  /** The pgbouncer process itself (under runuser when root), from its pid file. */
  const pid = () => {
    try {
      return Number(fs.readFileSync(pidFile, 'utf8').trim()) || null;
    } catch {
      return null;
    }
  };
  const kill = () => {
    const p = pid();
    try {
      if (p) process.kill(p, 'SIGTERM');
    } catch {
      // already gone
    }
    if (!exited) child.kill('SIGTERM');
  };
  process.on('exit', kill);

  for (let i = 0; !(await answers(port)); i++) {
    if (exited || i > 100) {
      kill();
      process.off('exit', kill);
      throw new Error(`pgbouncer did not start (${binary()}; install Debian's pgbouncer package):\n${stderr}\n${readLog()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async admin(command) {
      const client = new pg.Client({ connectionString: url('pgbouncer') });
      await client.connect();
      try {
        return (await client.query(command)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
    log: readLog,
    async stop() {
      process.off('exit', kill);
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      kill();
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5_000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
