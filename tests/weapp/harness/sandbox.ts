import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/**
 * WeChat's logic layer, played by a Node `vm` context: the globals a mini-program sees (`wx`,
 * `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, `requirePlugin`, timers,
 * console) and nothing of a browser. Each file is wrapped as WeChat wraps it, so `window`,
 * `document`, `navigator`, `localStorage`, `XMLHttpRequest` … are undefined inside even if a
 * library probes them; code generation from strings is off (WeChat forbids eval/new Function);
 * `require` resolves only inside the build folder.
 */

/** The browser names WeChat's module wrapper shadows with `undefined` (its `define` factory). */
const SHADOWED = [
  'window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history',
  'Caches', 'screen', 'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'Reporter',
  'webkit', 'WeixinJSCore',
];

/** Compiled files, shared by every phone of a run (a vm.Script runs in any context). */
const compiled = new Map<string, vm.Script>();

export interface Timers {
  /** Timers not yet run, with when they are due (ms since epoch). */
  pending: Map<number, { due: number; repeat: boolean }>;
}

export interface SandboxHooks {
  onPage(route: string, config: Record<string, unknown>): void;
  onComponent(file: string, config: Record<string, unknown>): void;
  onApp(config: Record<string, unknown>): void;
  getApp(): unknown;
  getCurrentPages(): unknown[];
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

export class Sandbox {
  readonly context: vm.Context;
  readonly timers: Timers = { pending: new Map() };
  private readonly modules = new Map<string, { exports: unknown }>();
  /** The file being evaluated: `Page()`/`Component()` register under it, as WeChat's `__wxRoute`. */
  private currentFile: string | null = null;
  /** JSON of the sandbox realm: values crossing the bridge are serialised, as WeChat does. */
  private readonly sandboxJson: JSON;

  constructor(readonly root: string, wx: object, hooks: SandboxHooks) {
    const timers = this.timers;
    let nextTimer = 1;
    const hostTimers = new Map<number, NodeJS.Timeout>();
    const schedule = (repeat: boolean) => (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
      const id = nextTimer++;
      const delay = Math.max(0, Number(ms) || 0);
      timers.pending.set(id, { due: Date.now() + delay, repeat });
      const run = () => {
        if (repeat) timers.pending.set(id, { due: Date.now() + delay, repeat });
        else {
          timers.pending.delete(id);
          hostTimers.delete(id);
        }
        fn(...args);
      };
      hostTimers.set(id, repeat ? setInterval(run, delay) : setTimeout(run, delay));
      return id;
    };
    const clear = (id: unknown) => {
      const t = hostTimers.get(id as number);
      if (t) clearTimeout(t);
      hostTimers.delete(id as number);
      timers.pending.delete(id as number);
    };
    this.stopTimers = () => {
      for (const t of hostTimers.values()) clearTimeout(t);
      hostTimers.clear();
      timers.pending.clear();
    };

    const globals: Record<string, unknown> = {
      wx,
      console: hooks.console,
      setTimeout: schedule(false),
      setInterval: schedule(true),
      clearTimeout: clear,
      clearInterval: clear,
      App: (config: Record<string, unknown>) => hooks.onApp(config),
      Page: (config: Record<string, unknown>) => hooks.onPage(this.route(), config),
      Component: (config: Record<string, unknown>) => hooks.onComponent(this.route(), config),
      Behavior: (config: unknown) => config,
      getApp: () => hooks.getApp(),
      getCurrentPages: () => hooks.getCurrentPages(),
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin("${name}"): this app declares no plugins`);
      },
    };
    this.context = vm.createContext(globals, {
      name: 'weapp logic layer',
      codeGeneration: { strings: false, wasm: false },
    });
    this.sandboxJson = vm.runInContext('JSON', this.context) as JSON;
  }

  /** Clears every timer the bundle set (a closed phone). */
  readonly stopTimers: () => void;

  /** A value from the host (a stub's answer) as the sandbox would receive it over WeChat's bridge. */
  toSandbox<T>(value: T): T {
    if (value === undefined) return value;
    return this.sandboxJson.parse(JSON.stringify(value)) as T;
  }

  private route(): string {
    if (!this.currentFile) throw new Error('Page()/Component() called outside a file being loaded');
    return this.currentFile.replace(/\.js$/, '');
  }

  /** `require` as WeChat resolves it: relative to the requiring file, never outside the build. */
  require(file: string, from = ''): unknown {
    const resolved = this.resolve(file, from);
    const cached = this.modules.get(resolved);
    if (cached) return cached.exports;
    const abs = path.join(this.root, resolved);
    if (!fs.existsSync(abs)) throw new Error(`module "${file}" is not defined (from "${from || '/'}")`);
    const module = { exports: {} as unknown };
    this.modules.set(resolved, module);
    const key = `${abs}@${fs.statSync(abs).mtimeMs}`;
    let script = compiled.get(key);
    if (!script) {
      const source = fs.readFileSync(abs, 'utf8');
      script = new vm.Script(`(function (require, module, exports, ${SHADOWED.join(', ')}) {${source}\n})`, {
        filename: `weapp://${resolved}`,
      });
      compiled.set(key, script);
    }
    const factory = script.runInContext(this.context) as (...a: unknown[]) => void;
    const saved = this.currentFile;
    this.currentFile = resolved;
    try {
      factory((f: string) => this.require(f, resolved), module, module.exports);
    } finally {
      this.currentFile = saved;
    }
    return module.exports;
  }

  private resolve(file: string, from: string): string {
    const base = file.startsWith('/') ? '' : path.posix.dirname(from || 'app.js');
    let resolved = path.posix.normalize(path.posix.join(base === '.' ? '' : base, file.replace(/^\//, '')));
    if (resolved.startsWith('..')) throw new Error(`require("${file}") from "${from}" leaves the mini-program`);
    if (!resolved.endsWith('.js')) resolved += '.js';
    return resolved;
  }

  /** True when `file` (relative to the build) was loaded. */
  has(file: string): boolean {
    return this.modules.has(file.endsWith('.js') ? file : `${file}.js`);
  }
}
