import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../cloud/contract';
import type { Session } from './actors';

type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * Warm CloudBase function instances inside the test process, from the bundles of
 * `npm run build:cloud`.
 *
 * Each instance is one fresh evaluation of a function's `index.js` (compiled once per file): its
 * own module scope, so its own services and its own pg pool (two connections, as on CloudBase),
 * just as every container CloudBase starts holds its own. The real wx-server-sdk is shared, and
 * reads the caller's OPENID from the environment as it does in the cloud, where the runtime sets
 * it per invocation; here several invocations run at once in one process, so `WX_OPENID` in
 * `process.env` answers the OPENID of the invocation asking (an AsyncLocalStorage), not a global.
 */
export interface CloudBaseFleet {
  /** A racer: user `userId` (given an OPENID if it has none) calling through instance `i` of each function. */
  session(userId: string, openid: string, i: number): Session;
  /** How many instances each function has started so far. */
  started(): Record<string, number>;
}

const callers = new AsyncLocalStorage<string>();
const compiled = new Map<string, (...args: unknown[]) => void>();

function evaluate(file: string): Main {
  let fn = compiled.get(file);
  if (!fn) {
    // A CommonJS wrapper, as Node's loader makes one; `require` resolves wx-server-sdk and the
    // builtins from the repository's node_modules, as the uploaded folder's own would.
    fn = new Function('exports', 'require', 'module', '__filename', '__dirname', fs.readFileSync(file, 'utf8')) as (...args: unknown[]) => void;
    compiled.set(file, fn);
  }
  const module = { exports: {} as { main?: Main } };
  fn.call(module.exports, module.exports, require, module, file, path.dirname(file));
  if (typeof module.exports.main !== 'function') throw new Error(`${file} exports no main`);
  return module.exports.main;
}

/**
 * Makes `process.env.WX_OPENID` per invocation; returns the restore. The instances read the rest
 * of their settings (DATABASE_URL, …) from `env` when they first serve a call.
 */
export function cloudBaseEnv(env: Record<string, string>): () => void {
  const saved = process.env;
  const base = { ...saved, ...env, WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx-test-app' };
  process.env = new Proxy(base, {
    get: (target, key) => (key === 'WX_OPENID' ? (callers.getStore() ?? Reflect.get(target, key)) : Reflect.get(target, key)),
  });
  return () => {
    process.env = saved;
  };
}

/** Instances of the functions in `bundleDir`, started on first use (a cold start) and kept warm. */
export function cloudBaseFleet(bundleDir: string): CloudBaseFleet {
  const instances = new Map<string, Main[]>();
  const instance = (fn: string, i: number): Main => {
    const list = instances.get(fn) ?? [];
    instances.set(fn, list);
    return (list[i] ??= evaluate(path.join(bundleDir, fn, 'index.js')));
  };
  let seq = 0;
  return {
    session(userId, openid, i) {
      return {
        userId,
        token: '',
        call: async <T>(fn: string, action: string, data?: unknown) => {
          const main = instance(fn, i);
          const body = await callers.run(openid, () => main({ action, data }, { request_id: `pgb-${i}-${seq++}` }));
          // No HTTP here: the envelope is the whole answer (status 0 stands for none).
          return { status: 0, body: body as Envelope<T> };
        },
      };
    },
    started: () => Object.fromEntries([...instances].map(([fn, list]) => [fn, list.filter(Boolean).length])),
  };
}
