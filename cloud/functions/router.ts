import { z } from 'zod';
import { AppError, type ApiErrorBody, type Envelope, type FieldErrors } from '../contract';
import { runGuarded, type GuardedRun } from '../db/guard';
import type { ActionContext, AuthedContext, Caller, IdentifyOptions, Services } from './context';
import { toErrorBody } from './error-body';
import { unstorableInput } from './input-guard';

export { toErrorBody } from './error-body';

/**
 * Who may call an action: anyone, a logged-in user, or anyone but only while the server runs in
 * dev mode (the demo quick login). In production a dev action does not exist at all.
 */
export type Access = 'public' | 'user' | 'dev';

/** One action: its input schema, who may call it, and what it does with valid input. */
export interface ActionDef {
  input: z.ZodType;
  access: Access;
  run: (ctx: ActionContext, input: unknown) => Promise<unknown>;
  /** Longer than the server's deadline for the rare action that needs it (exports). */
  deadlineMs?: number;
  /**
   * The action's write checks the caller's row itself (`callerIsCurrent`) and re-identifies the
   * caller when it was stale, so the caller may come from memory (no read before the action).
   */
  remembersCaller?: boolean;
}

export interface ActionOptions {
  deadlineMs?: number;
  remembersCaller?: boolean;
}

export type ActionMap = Record<string, ActionDef>;

// Typed constructors: the handler sees its parsed input type; the map stores them uniformly
// (the router only calls `run` with the output of `input.parse`, which is what the cast claims).
export const publicAction = <S extends z.ZodType, O>(
  input: S,
  run: (ctx: ActionContext, input: z.output<S>) => Promise<O>,
): ActionDef => ({ input, access: 'public', run: run as ActionDef['run'] });

export const userAction = <S extends z.ZodType, O>(
  input: S,
  run: (ctx: AuthedContext, input: z.output<S>) => Promise<O>,
  opts: ActionOptions = {},
): ActionDef => ({ input, access: 'user', run: run as ActionDef['run'], ...opts });

export const devAction = <S extends z.ZodType, O>(
  input: S,
  run: (ctx: ActionContext, input: z.output<S>) => Promise<O>,
): ActionDef => ({ input, access: 'dev', run: run as ActionDef['run'] });

/**
 * Turns zod issues into `{ "field.path": "中文说明" }`; unknown keys are named one by one. Names
 * are the caller's keys, so they are set as own properties: a plain `fields['__proto__'] = …`
 * would be dropped, and `??=` would skip `constructor` (inherited), leaving fields empty.
 */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  const name = (path: PropertyKey[]) => (path.length ? path.map(String).join('.') : 'data');
  const set = (field: string, message: string) =>
    Object.defineProperty(fields, field, { value: message, enumerable: true, writable: true, configurable: true });
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) set(name([...issue.path, key]), '不支持的字段');
      continue;
    }
    const field = name(issue.path);
    if (!Object.hasOwn(fields, field)) set(field, issue.message);
  }
  return fields;
}

const fail = (error: ApiErrorBody): Envelope<never> => ({ ok: false, error });

/** A structured logger (pino's shape): one JSON line per call with its fields. */
export interface Logger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** What the transport knows about one call, besides its body. */
export interface CallMeta {
  /** The cloud function's name (`order`, `task`, …). */
  fn: string;
  /** This request's id: logged with every failure and answered in `error.requestId`. */
  requestId: string;
  /** The client address, for the per-address limits (null where the transport has none). */
  ip: string | null;
  /** The client's User-Agent, where the transport has one. */
  userAgent?: string | null;
  log: Logger;
  /** Who is calling. Asked only for actions that need a user, so public reads cost no lookup. */
  identify(opts?: IdentifyOptions): Promise<Caller | null>;
}

/** Thrown into an action's database work when it overruns its deadline. */
class DeadlineExceeded extends Error {
  constructor(ms: number) {
    super(`request deadline of ${ms} ms exceeded`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * The single path every call takes, on every transport: find the action, check access and who
 * the caller is, refuse unstorable input, validate, spend rate-limit points, run under a deadline,
 * and wrap the answer. Expected failures are AppErrors; anything else is logged with the request
 * id and answered as INTERNAL without internals.
 */
export async function dispatch(actions: ActionMap, body: unknown, services: Services, meta: CallMeta): Promise<Envelope<unknown>> {
  let action = '';
  let userId: string | null = null;
  const log = {
    internal: (err: unknown) =>
      meta.log.error({ requestId: meta.requestId, fn: meta.fn, action, userId, err }, 'internal error'),
  };
  try {
    const env = await route(actions, body, services, meta, (a) => (action = a), (u) => (userId = u));
    return env.ok ? env : fail({ ...env.error, requestId: meta.requestId });
  } catch (err) {
    return fail({ ...toErrorBody(err, log), requestId: meta.requestId });
  }
}

async function route(
  actions: ActionMap,
  body: unknown,
  services: Services,
  meta: CallMeta,
  named: (action: string) => void,
  identified: (userId: string) => void,
): Promise<Envelope<unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail({ code: 'VALIDATION', message: '请求体应为 {action, data}', fields: { action: '缺少 action' } });
  }
  const { action, data } = body as { action?: unknown; data?: unknown };
  if (typeof action !== 'string' || !action) {
    return fail({ code: 'VALIDATION', message: '缺少 action', fields: { action: '缺少 action' } });
  }
  const def = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!def || (def.access === 'dev' && !services.devMode)) {
    return fail({ code: 'NOT_FOUND', message: `未知的操作: ${action.slice(0, 50)}` });
  }
  named(action);
  const caller = def.access === 'user' ? await meta.identify({ remembered: def.remembersCaller }) : null;
  if (def.access === 'user' && !caller) return fail({ code: 'UNAUTHENTICATED', message: '请先登录' });
  if (caller) identified(caller.userId);

  const unstorable = unstorableInput(data);
  if (unstorable) return fail({ code: 'VALIDATION', message: Object.values(unstorable)[0], fields: unstorable });
  const parsed = def.input.safeParse(data ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.values(fields)[0] ?? '参数不正确';
    return fail({ code: 'VALIDATION', message: first, fields });
  }
  await services.guards?.limiter.consume({ name: `${meta.fn}.${action}`, userId: caller?.userId ?? null, ip: meta.ip });

  const serverDeadline = services.guards?.limits.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadlineMs = Math.max(serverDeadline, def.deadlineMs ?? 0);
  const ctx: ActionContext = { ...services, caller, request: { ip: meta.ip, userAgent: meta.userAgent ?? null } };
  const answer = await runGuarded((run) => withDeadline(() => def.run(ctx, parsed.data), deadlineMs, run, meta, action));
  return { ok: true, data: answer };
}

const DEFAULT_DEADLINE_MS = 10_000;

/**
 * Answers when the action does or when the deadline passes, whichever is first. On the deadline
 * the action's later queries fail (its transaction rolls back and its connection goes back to the
 * pool) and the overrun is logged with the action.
 */
async function withDeadline<T>(work: () => Promise<T>, ms: number, run: GuardedRun, meta: CallMeta, action: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new DeadlineExceeded(ms);
      run.abort(err);
      meta.log.warn({ requestId: meta.requestId, fn: meta.fn, action, deadlineMs: ms }, 'request deadline exceeded');
      reject(new AppError('INTERNAL', '请求处理超时，请稍后重试'));
    }, ms);
  });
  const working = work();
  working.catch(() => {}); // after an overrun nobody awaits it; its failure is expected then
  try {
    return await Promise.race([working, overrun]);
  } finally {
    clearTimeout(timer);
  }
}

const quiet: Logger = { error: () => {}, warn: () => {} };

/** The meta of a call made in process (benchmarks, tests): the caller is already known. */
export function inProcessCall(fn: string, caller: Caller | null, log: Logger = quiet, requestId = 'in-process'): CallMeta {
  // A caller without its row: the actions read it, or take it from memory where they may.
  return { fn, requestId, ip: null, log, identify: async () => caller && { ...caller, refresh: async () => ({ userId: caller.userId }) } };
}
