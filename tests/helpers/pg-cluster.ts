import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster of the installed server, for tests that stop and start the
 * database under a running app. Its data, socket and log live in one temp directory; it listens
 * on 127.0.0.1 only, on a free port of its own, so it never touches the machine's main server.
 */
export interface PgCluster {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust auth). */
  url: string;
  dir: string;
  running(): boolean;
  start(): Promise<void>;
  /** `immediate` is a hard stop: backends are killed, no checkpoint; start() runs crash recovery. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it (if running) and removes its directory. Safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * Where initdb and pg_ctl are: PG_BIN, else what pg_config says, else Debian's versioned
 * directories (newest first; the server binaries are not on the PATH there), else the PATH.
 */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const hasInitdb = (dir: string) => fs.existsSync(path.join(dir, 'initdb'));
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (hasInitdb(dir)) return dir;
  } catch {
    // no pg_config
  }
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(debian, v, 'bin')).find(hasInitdb) ?? '';
}

/**
 * initdb refuses to run as root, so as root every server command runs as the `postgres` OS user
 * (the one the installed server runs as); as anyone else, as that user.
 */
const asRoot = process.getuid?.() === 0;
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function pickPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = 55432 + Math.floor(Math.random() * 5000);
    if (await portIsFree(port)) return port;
  }
  throw new Error('no free port for the throwaway PostgreSQL cluster');
}

export interface ClusterOptions {
  /** Extra postgresql.conf settings, e.g. `{ max_connections: 20 }` (quoted as needed by the caller). */
  conf?: Record<string, string | number>;
}

export async function createCluster(opts: ClusterOptions = {}): Promise<PgCluster> {
  const bin = binDir();
  const tool = (name: string) => (bin ? path.join(bin, name) : name);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    fs.chownSync(dir, uid, gid);
  }
  const pgctl = (...args: string[]) => {
    const [cmd, argv] = command(tool('pg_ctl'), args);
    return run(cmd, argv, { cwd: dir, timeout: 60_000 });
  };

  let port = 0;
  let up = false;
  let destroyed = false;
  // If the test process dies without afterAll, do not leave a server running behind it.
  const killOnExit = () => {
    if (!up) return;
    try {
      const [cmd, argv] = command(tool('pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      execFileSync(cmd, argv, { cwd: dir, stdio: 'ignore', timeout: 10_000 });
    } catch {
      // already gone
    }
  };
  process.on('exit', killOnExit);

  const start = async () => {
    await pgctl('-D', data, '-l', logFile, '-w', '-t', '60', 'start');
    up = true;
  };

  const cluster: PgCluster = {
    get port() {
      return port;
    },
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    dir,
    running: () => up,
    start,
    async stop(mode = 'fast') {
      await pgctl('-D', data, '-m', mode, '-w', 'stop');
      up = false;
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (up) await cluster.stop('immediate').catch(() => {});
      process.off('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    // --no-sync: initdb's own fsyncs only matter for a machine crash, which no test makes.
    const [cmd, argv] = command(tool('initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await run(cmd, argv, { cwd: dir, timeout: 60_000 });
    // A port can be taken between the check and the start: then try another one.
    for (let attempt = 0; ; attempt++) {
      port = await pickPort();
      // Later lines of postgresql.conf win, so a retry just appends again.
      fs.appendFileSync(
        path.join(data, 'postgresql.conf'),
        `\n# throwaway test cluster\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n` +
          Object.entries(opts.conf ?? {})
            .map(([k, v]) => `${k} = ${v}\n`)
            .join(''),
      );
      try {
        await start();
        break;
      } catch (err) {
        if (attempt >= 2) throw new Error(`throwaway cluster did not start: ${(err as Error).message}\n${readLog(logFile)}`);
      }
    }
    return cluster;
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
}

function readLog(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-2000);
  } catch {
    return '';
  }
}
