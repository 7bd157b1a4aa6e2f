import { z } from 'zod';
import { AppError, type ApiErrorBody, type Envelope, type FieldErrors } from '../contract';
import type { ActionContext, AuthedContext } from './context';

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
): ActionDef => ({ input, access: 'user', run: run as ActionDef['run'] });

export const devAction = <S extends z.ZodType, O>(
  input: S,
  run: (ctx: ActionContext, input: z.output<S>) => Promise<O>,
): ActionDef => ({ input, access: 'dev', run: run as ActionDef['run'] });

/** Turns zod issues into `{ "field.path": "中文说明" }`; unknown keys are named one by one. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不支持的字段';
      continue;
    }
    const name = issue.path.length ? issue.path.join('.') : 'data';
    fields[name] ??= issue.message;
  }
  return fields;
}

const fail = (error: ApiErrorBody): Envelope<never> => ({ ok: false, error });

/**
 * The single path every call takes, on every transport: find the action, check access, validate
 * input, run, and wrap the answer. Expected failures are AppErrors; anything else is logged and
 * answered as INTERNAL without internals.
 */
export async function dispatch(
  actions: ActionMap,
  body: unknown,
  ctx: ActionContext,
  log: (err: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail({ code: 'VALIDATION', message: '请求体应为 {action, data}', fields: { action: '缺少 action' } });
  }
  const { action, data } = body as { action?: unknown; data?: unknown };
  if (typeof action !== 'string' || !action) {
    return fail({ code: 'VALIDATION', message: '缺少 action', fields: { action: '缺少 action' } });
  }
  const def = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!def || (def.access === 'dev' && !ctx.devMode)) {
    return fail({ code: 'NOT_FOUND', message: `未知的操作: ${action}` });
  }
  if (def.access === 'user' && !ctx.caller) {
    return fail({ code: 'UNAUTHENTICATED', message: '请先登录' });
  }
  const parsed = def.input.safeParse(data ?? {});
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const first = Object.values(fields)[0] ?? '参数不正确';
    return fail({ code: 'VALIDATION', message: first, fields });
  }
  try {
    return { ok: true, data: await def.run(ctx, parsed.data) };
  } catch (err) {
    return fail(toErrorBody(err, log));
  }
}

/** Database errors that mean "someone else got there first" are conflicts, not crashes. */
const CONFLICT_SQLSTATES = new Set(['23P01', '40P01', '40001', '23505']);

export function toErrorBody(err: unknown, log: (err: unknown) => void): ApiErrorBody {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  }
  const sqlstate = (err as { code?: unknown })?.code;
  if (typeof sqlstate === 'string' && CONFLICT_SQLSTATES.has(sqlstate)) {
    return { code: 'CONFLICT', message: '操作冲突，请刷新后重试' };
  }
  log(err);
  return { code: 'INTERNAL', message: '服务器开小差了，请稍后重试' };
}
