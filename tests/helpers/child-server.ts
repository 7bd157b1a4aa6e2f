import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../cloud/contract';

const root = path.resolve(__dirname, '../..');

export interface ChildServerOptions {
  /** PGlite directory (also where the session secret and uploads live); a fresh temp dir by default. */
  dataDir?: string;
  /** A real PostgreSQL server instead of PGlite ('' forces PGlite even if the environment has one). */
  databaseUrl?: string;
  port?: number;
  clockOffsetMinutes?: number;
  /** Serve whatever dist/h5 holds instead of building H5 first: for tests of the API alone. */
  skipH5Build?: boolean;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface ChildServer {
  url: string;
  port: number;
  dataDir: string;
  /** The node process that runs main.ts (npx and tsx sit above it). */
  serverPid: number;
  /** Whether the process tree is still running. */
  running(): boolean;
  /** Everything it printed so far. */
  log(): string;
  /** POST /api/<fn> over real HTTP; rejects when no answer comes (connection refused, reset, timeout). */
  call<T = unknown>(fn: string, action: string, data?: unknown, token?: string, timeoutMs?: number): Promise<{ status: number; body: Envelope<T> }>;
  /** SIGKILL of the server process, as a crash or the OOM killer would; resolves when it is gone. */
  kill(): Promise<void>;
  /** Graceful stop (SIGTERM, then SIGKILL after 10 s); waits until the data directory is released. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The process below `pid` that runs main.ts itself: the deepest one whose command line names it
 * (npx → sh → tsx → node; tsx's own helpers, such as esbuild, name other files). Read from /proc.
 */
function serverProcessBelow(pid: number): number | null {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited while we looked
    }
  }
  let best: { pid: number; depth: number } | null = null;
  const walk = (p: number, depth: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== p) continue;
      let cmdline = '';
      try {
        cmdline = fs.readFileSync(`/proc/${child}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (cmdline.includes('cloud/server/main.ts') && (!best || depth > best.depth)) best = { pid: child, depth };
      walk(child, depth + 1);
    }
  };
  walk(pid, 1);
  return (best as { pid: number } | null)?.pid ?? null;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts the real server (`npm start`'s entry, `npx tsx cloud/server/main.ts`) as a child process
 * in its own process group. Without skipH5Build it builds H5 first when the build is missing or
 * stale, so the first start may take half a minute.
 */
export async function startChildServer(opts: ChildServerOptions = {}): Promise<ChildServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-server-'));
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn('npx', ['tsx', 'cloud/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      CLOCK_OFFSET_MINUTES: String(opts.clockOffsetMinutes ?? 0),
      NODE_ENV: 'development',
      ...(opts.databaseUrl !== undefined ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...(opts.skipH5Build ? { SKIP_H5_BUILD: '1' } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a stuck tree can be signalled as a whole.
    detached: true,
  });
  let log = '';
  const append = (d: Buffer) => {
    log += d;
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const startTimeout = opts.startTimeoutMs ?? 240_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup('SIGKILL');
      reject(new Error(`server did not start in ${startTimeout / 1000} s:\n${log}`));
    }, startTimeout);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${child.exitCode}:\n${log}`));
    });
    const poll = setInterval(() => {
      if (log.includes('已启动')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    void exit.then(() => clearInterval(poll));
  });

  function signalGroup(sig: NodeJS.Signals) {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  }
  const serverPid = serverProcessBelow(child.pid!) ?? child.pid!;

  /** Waits for the whole tree to exit; SIGKILLs the group if it has not after `ms`. */
  const waitExit = async (ms: number) => {
    const kill = setTimeout(() => signalGroup('SIGKILL'), ms);
    await exit;
    clearTimeout(kill);
  };

  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    dataDir,
    serverPid,
    running: () => !exited,
    log: () => log,
    async call<T>(fn: string, action: string, data?: unknown, token?: string, timeoutMs = 15_000) {
      const res = await fetch(`${url}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ action, data }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, body: (await res.json()) as Envelope<T> };
    },
    async kill() {
      if (exited) return;
      // Only the server: npx and tsx above it notice and exit, and reap it (no zombie holding
      // the PGlite lock's pid).
      process.kill(serverPid, 'SIGKILL');
      await waitExit(5_000);
    },
    async stop() {
      if (exited) return;
      process.kill(serverPid, 'SIGTERM');
      await waitExit(10_000);
      // npx may exit before the server below it has closed the database and released its lock.
      for (let i = 0; i < 100 && isAlive(serverPid); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}
