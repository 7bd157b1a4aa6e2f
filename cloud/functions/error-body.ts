import { AppError, type ApiErrorBody } from '../contract';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../db/errors';

/** Database errors that mean "someone else got there first" are conflicts, not crashes. */
const CONFLICT_SQLSTATES = new Set(['23P01', '40P01', '40001', '23505']);

/**
 * Class 22 (data exception: a value out of range, text no column takes…) and the integrity
 * errors below are caused by what the caller sent, whatever slipped past the schemas: the caller
 * gets VALIDATION, and it is still logged, since a schema should have caught it first.
 */
const INPUT_SQLSTATES = new Set(['23502', '23503', '23514']);

/** `Key (topic_id)=(5) is not present…` → `topicId`: the field the caller can fix. */
function fieldOf(err: { column?: unknown; detail?: unknown }): string {
  const column = typeof err.column === 'string' ? err.column : /Key \(([a-z_]+)\)/.exec(String(err.detail ?? ''))?.[1];
  return column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : 'data';
}

export interface ErrorLog {
  /** An unexpected failure: logged with its stack as one line. */
  internal(err: unknown): void;
}

export function toErrorBody(err: unknown, log: ErrorLog): ApiErrorBody {
  if (err instanceof AppError) {
    return {
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.retryAfter !== undefined ? { retryAfter: err.retryAfter } : {}),
    };
  }
  const e = (err ?? {}) as { code?: unknown; column?: unknown; detail?: unknown };
  const sqlstate = typeof e.code === 'string' ? e.code : '';
  if (CONFLICT_SQLSTATES.has(sqlstate)) return { code: 'CONFLICT', message: '操作冲突，请刷新后重试' };
  if (sqlstate.startsWith('22') || INPUT_SQLSTATES.has(sqlstate)) {
    log.internal(err);
    const field = fieldOf(e);
    const message = sqlstate === '23503' ? '引用的记录不存在' : '输入的内容无法保存，请检查后重试';
    return { code: 'VALIDATION', message, fields: { [field]: message } };
  }
  log.internal(err);
  // The database is down or restarting: say so, the caller can retry the same request later.
  if (isDatabaseUnavailable(err)) return { code: 'INTERNAL', message: DATABASE_UNAVAILABLE_MESSAGE };
  return { code: 'INTERNAL', message: '服务器开小差了，请稍后重试' };
}
