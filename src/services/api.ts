import Taro from '@tarojs/taro';
import type {
  ActionInput, ActionName, ActionOutput, Envelope, ErrorCode, FieldErrors, FunctionName,
} from '@cloud/contract';
import { useStore } from '@/stores';

export const NETWORK_MESSAGE = '网络不可用，请稍后重试';
const BAD_ANSWER_MESSAGE = '服务器返回了无法识别的结果，请稍后重试';

/** A failed call: a contract error code from the server, or NETWORK when no answer came back. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly fields?: FieldErrors;

  constructor(code: ClientErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }
}

/** The message to show for anything a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return NETWORK_MESSAGE;
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
 * Resolves with the envelope's data; rejects with ApiError.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
): Promise<ActionOutput<F, A>> {
  const answer = await transport()(fn, { action, data: input });
  if (!isEnvelope(answer)) throw new ApiError('INTERNAL', BAD_ANSWER_MESSAGE);
  if (answer.ok) return answer.data as ActionOutput<F, A>;
  const { code, message, fields } = answer.error;
  if (code === 'UNAUTHENTICATED') useStore.getState().logout();
  throw new ApiError(code, message || '请求失败', fields);
}
