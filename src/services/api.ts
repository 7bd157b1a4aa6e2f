import Taro from '@tarojs/taro';
import type {
  ActionInput, ActionName, ActionOutput, ApiErrorBody, Envelope, ErrorCode, FieldErrors, FunctionName,
} from '@cloud/contract';
import { useStore } from '@/stores';

export const NETWORK_MESSAGE = '网络不可用，请稍后重试';
const BAD_ANSWER_MESSAGE = '服务器返回了无法识别的结果，请稍后重试';

/** A failed call: a contract error code from the server, or NETWORK when no answer came back. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly fields?: FieldErrors;
  /** RATE_LIMITED: seconds until the same call may succeed (the server's hint; never retried for the user). */
  readonly retryAfter?: number;
  /** The server's id of this request: what a screenshot needs for the log to be found. */
  readonly requestId?: string;

  constructor(code: ClientErrorCode, message: string, fields?: FieldErrors, extra: { retryAfter?: number; requestId?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
    this.retryAfter = extra.retryAfter;
    this.requestId = extra.requestId;
  }
}

/** Shown for RATE_LIMITED when the server sent a wait but no words (a proxy's 429, say). */
export const waitMessage = (seconds: number) => `操作太频繁，请 ${seconds} 秒后再试`;
const RATE_LIMITED_MESSAGE = '操作太频繁，请稍后再试';

/** The ApiError of an error envelope: the server's own message, its retry hint and request id. */
export function apiErrorOf(error: ApiErrorBody): ApiError {
  const retryAfter = typeof error.retryAfter === 'number' && error.retryAfter > 0 ? Math.ceil(error.retryAfter) : undefined;
  const fallback = error.code === 'RATE_LIMITED' ? (retryAfter ? waitMessage(retryAfter) : RATE_LIMITED_MESSAGE) : '请求失败';
  return new ApiError(error.code, error.message || fallback, error.fields, { retryAfter, requestId: error.requestId });
}

/** The message to show for anything a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return NETWORK_MESSAGE;
}

/** `Retry-After` in seconds (an HTTP date is not used by our server or the proxies in front). */
function retryAfterHeader(res: Response): number | undefined {
  const n = Number(res.headers.get('retry-after'));
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : undefined;
}

/** The H5 build talks to its own origin: the local server hosts both the pages and /api. */
const API_BASE = '';

function isEnvelope(x: unknown): x is Envelope<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false;
  const e = x as { ok: unknown; error?: unknown };
  if (e.ok === true) return true;
  return e.ok === false && typeof e.error === 'object' && e.error !== null;
}

async function viaHttp(fn: string, body: { action: string; data: unknown }): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const { token } = useStore.getState();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  try {
    // 4xx/5xx carry the envelope too; only a body that is not one is a transport failure.
    return await res.json();
  } catch {
    // A proxy in front that limits on its own answers 429 with its own page: still "too often".
    if (res.status === 429) throw apiErrorOf({ code: 'RATE_LIMITED', message: '', retryAfter: retryAfterHeader(res) });
    throw res.status >= 500 || res.status === 0
      ? new ApiError('NETWORK', NETWORK_MESSAGE)
      : new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
  }
}

async function viaCloud(fn: string, body: { action: string; data: unknown }): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: body });
    return res.result;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
}

/** Picked per call (tests switch platforms); in a build the condition is a constant and the unused
 * transport is dropped from the bundle. */
function transport(): typeof viaHttp {
  return process.env.TARO_ENV === 'weapp' ? viaCloud : viaHttp;
}

/**
 * The only way the client talks to the backend. On weapp it calls the cloud function `fn`
 * (WeChat supplies the caller's identity); on h5 it posts to `/api/<fn>` with the bearer token.
 * Resolves with the envelope's data; rejects with ApiError. Nothing is retried here: a
 * RATE_LIMITED retried by the client would only spend the user's next allowance; the user sees
 * the server's 「操作太频繁，请 N 秒后再试」 and decides.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const answer = await transport()(fn, { action, data: input });
  if (!isEnvelope(answer)) throw new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
  if (answer.ok) return answer.data as ActionOutput<F, A>;
  if (answer.error.code === 'UNAUTHENTICATED') useStore.getState().logout();
  throw apiErrorOf(answer.error);
}
