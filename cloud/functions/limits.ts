import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../contract';

/** `points` calls per `seconds`, per key (a user or an address). */
export interface Rate {
  points: number;
  seconds: number;
}

/** A limit on some actions, counted per user or per client address. */
export interface RateRule {
  name: string;
  per: 'user' | 'ip';
  /** `<function>.<action>` names the rule counts. */
  actions: readonly string[];
  rate: Rate;
}

export interface Limits {
  /** A call that runs longer answers an error and its work is rolled back (REQUEST_DEADLINE_MS). */
  deadlineMs: number;
  rules: RateRule[];
  /** Needs of one requester that are not finished yet (MAX_OPEN_NEEDS). */
  maxOpenNeeds: number;
  /** Exports one admin may have running at once. */
  exportsPerAdmin: number;
}

const WRITES = [
  'order.create', 'task.grab', 'task.apply', 'order.rate', 'order.cancel', 'order.reschedule',
  'auth.updateProfile', 'auth.applyEnterprise', 'task.certificate', 'task.handBack',
] as const;
const LOGIN = ['auth.devLogin', 'auth.loginTicket', 'auth.confirmTicket', 'auth.acceptInvite'] as const;

/**
 * Defaults a person never meets and a script meets at once: nobody books 10 lectures in a minute
 * or taps 30 grabs in one. The per-address rules are wider, since a union office or a factory
 * shares one address among many phones. Each can be changed with `LIMIT_<NAME>=points/seconds`.
 */
export const DEFAULT_LIMITS: Limits = {
  deadlineMs: 10_000,
  maxOpenNeeds: 10,
  exportsPerAdmin: 1,
  rules: [
    { name: 'ORDER_CREATE_PER_USER', per: 'user', actions: ['order.create'], rate: { points: 10, seconds: 60 } },
    { name: 'ORDER_CREATE_PER_USER_HOUR', per: 'user', actions: ['order.create'], rate: { points: 60, seconds: 3600 } },
    { name: 'GRAB_PER_USER', per: 'user', actions: ['task.grab'], rate: { points: 30, seconds: 60 } },
    { name: 'APPLY_PER_USER', per: 'user', actions: ['task.apply'], rate: { points: 5, seconds: 600 } },
    { name: 'UPLOAD_PER_USER', per: 'user', actions: ['upload'], rate: { points: 20, seconds: 60 } },
    // Account writes and the certificate (each call stores a row): a person does these a few times.
    { name: 'PROFILE_PER_USER', per: 'user', actions: ['auth.updateProfile', 'auth.applyEnterprise', 'auth.bindPhone'], rate: { points: 20, seconds: 600 } },
    { name: 'CERTIFICATE_PER_USER', per: 'user', actions: ['task.certificate'], rate: { points: 10, seconds: 600 } },
    { name: 'WRITES_PER_IP', per: 'ip', actions: [...WRITES, 'upload'], rate: { points: 300, seconds: 60 } },
    { name: 'LOGIN_PER_IP', per: 'ip', actions: LOGIN, rate: { points: 30, seconds: 60 } },
  ],
};

/** No limits at all: in-process callers (benchmarks, tests of other rules) that are trusted. */
export const NO_LIMITS: Limits = { deadlineMs: 10_000, rules: [], maxOpenNeeds: Number.MAX_SAFE_INTEGER, exportsPerAdmin: Number.MAX_SAFE_INTEGER };

/** A setting that is not what it should be: the process refuses to start rather than guess. */
export class LimitsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitsConfigError';
  }
}

const INTEGER = /^[1-9]\d*$/;

/** A positive whole number, or the base when unset or empty (as an env file's `NAME=` is). */
function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!INTEGER.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw new LimitsConfigError(`${name}=${JSON.stringify(env[name])}: expected a positive whole number, e.g. ${name}=${fallback}`);
  }
  return Number(raw);
}

/** `points/seconds`, both positive whole numbers: `10/60` is ten calls a minute. */
function rate(name: string, raw: string): Rate {
  const m = /^\s*([1-9]\d*)\s*\/\s*([1-9]\d*)\s*$/.exec(raw);
  if (!m || !Number.isSafeInteger(Number(m[1])) || !Number.isSafeInteger(Number(m[2]))) {
    throw new LimitsConfigError(`${name}=${JSON.stringify(raw)}: expected points/seconds with positive whole numbers, e.g. ${name}=10/60`);
  }
  return { points: Number(m[1]), seconds: Number(m[2]) };
}

/**
 * Reads the overrides from an environment (config/index.ts passes process.env). Garbage is refused
 * with an error naming the variable: a typo that silently kept the default (or turned a limit off)
 * would only show when a script floods the server.
 */
export function limitsFromEnv(env: Record<string, string | undefined>, base: Limits = DEFAULT_LIMITS): Limits {
  const known = new Set(base.rules.map((r) => `LIMIT_${r.name}`));
  for (const name of Object.keys(env)) {
    if (name.startsWith('LIMIT_') && !known.has(name) && env[name] !== undefined) {
      throw new LimitsConfigError(`${name}: no such limit; the limits are ${[...known].join(', ')}`);
    }
  }
  const switchRaw = env.RATE_LIMITS?.trim() ?? '';
  if (!['', 'on', 'off'].includes(switchRaw)) {
    throw new LimitsConfigError(`RATE_LIMITS=${JSON.stringify(env.RATE_LIMITS)}: expected on or off`);
  }
  const rules = base.rules.map((rule) => {
    const raw = env[`LIMIT_${rule.name}`];
    return raw === undefined || raw.trim() === '' ? rule : { ...rule, rate: rate(`LIMIT_${rule.name}`, raw) };
  });
  return {
    deadlineMs: positive(env, 'REQUEST_DEADLINE_MS', base.deadlineMs),
    maxOpenNeeds: positive(env, 'MAX_OPEN_NEEDS', base.maxOpenNeeds),
    exportsPerAdmin: positive(env, 'EXPORTS_PER_ADMIN', base.exportsPerAdmin),
    rules: switchRaw === 'off' ? [] : rules,
  };
}

export interface CallKey {
  /** `<function>.<action>`, or `upload`. */
  name: string;
  userId: string | null;
  ip: string | null;
}

/**
 * Counts calls in memory, per process: with several server processes each counts on its own, so
 * the effective limit is the sum (see README). rate-limiter-flexible has Redis and PostgreSQL
 * stores with the same interface for when that matters.
 */
export class RateLimiter {
  private readonly limiters: { rule: RateRule; limiter: RateLimiterMemory }[];

  constructor(readonly limits: Limits) {
    this.limiters = limits.rules.map((rule) => ({
      rule,
      limiter: new RateLimiterMemory({ keyPrefix: rule.name, points: rule.rate.points, duration: rule.rate.seconds }),
    }));
  }

  /** Spends one point of every rule the call falls under; RATE_LIMITED when any is used up. */
  async consume(call: CallKey): Promise<void> {
    for (const { rule, limiter } of this.limiters) {
      if (!rule.actions.includes(call.name)) continue;
      const key = rule.per === 'user' ? call.userId : call.ip;
      if (!key) continue;
      try {
        await limiter.consume(key);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
        throw rateLimited(`操作太频繁，请 ${waitText(retryAfter)}后再试`, retryAfter);
      }
    }
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

/** At most `max` exports per admin at once, in this process. */
export class ExportGate {
  private readonly running = new Map<string, number>();

  constructor(private readonly max: number) {}

  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const n = this.running.get(userId) ?? 0;
    if (n >= this.max) throw rateLimited('上一个导出还在进行中，请等它完成后再导出', 5);
    this.running.set(userId, n + 1);
    try {
      return await work();
    } finally {
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    }
  }
}
