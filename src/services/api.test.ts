import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import Taro from '@tarojs/taro';
import { resetTaroDouble } from '../../tests/doubles/taro';
import type { Me } from '@cloud/contract';
import { ApiError, NETWORK_MESSAGE, call, errorMessage } from './api';
import { resetAllStores, useStore } from '@/stores';

const me: Me = { id: '7', name: '王关根', roles: ['volunteer'], volunteerId: '3', orgId: '1', orgName: '杭州市总工会', company: null };

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve(
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );
}

const fetchMock = jest.fn<typeof fetch>();
const realFetch = globalThis.fetch;
const realTaroEnv = process.env.TARO_ENV;

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  fetchMock.mockReset();
  globalThis.fetch = fetchMock;
});

afterEach(() => {
  globalThis.fetch = realFetch;
  if (realTaroEnv === undefined) delete process.env.TARO_ENV;
  else process.env.TARO_ENV = realTaroEnv;
});

describe('call over HTTP (h5)', () => {
  it('posts {action, data} to /api/<fn> and resolves with the envelope data', async () => {
    fetchMock.mockReturnValueOnce(answer(200, { ok: true, data: { items: [], total: 0, page: 1, pageSize: 20 } }));
    const page = await call('catalog', 'topics', { category: 'anquan', page: 1 });
    expect(page.total).toBe(0);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/catalog');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ action: 'topics', data: { category: 'anquan', page: 1 } });
    expect((init?.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('sends the session token as a bearer token', async () => {
    useStore.getState().login('tok-123', me);
    fetchMock.mockReturnValueOnce(answer(200, { ok: true, data: me }));
    await call('auth', 'me', {});
    const headers = fetchMock.mock.calls[0]![1]?.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok-123');
  });

  it('throws ApiError with code, message and fields on ok:false (4xx carries the envelope)', async () => {
    fetchMock.mockReturnValueOnce(
      answer(400, { ok: false, error: { code: 'VALIDATION', message: '页码从 1 开始', fields: { page: '页码从 1 开始' } } }),
    );
    const err = await call('catalog', 'topics', { page: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'VALIDATION', message: '页码从 1 开始', fields: { page: '页码从 1 开始' } });
  });

  it('clears the session on UNAUTHENTICATED', async () => {
    useStore.getState().login('expired', me);
    fetchMock.mockReturnValueOnce(answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    await expect(call('auth', 'me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(useStore.getState().user).toBeNull();
    expect(useStore.getState().token).toBeNull();
  });

  it('keeps the session on other errors', async () => {
    useStore.getState().login('tok', me);
    fetchMock.mockReturnValueOnce(answer(404, { ok: false, error: { code: 'NOT_FOUND', message: '主题不存在' } }));
    await expect(call('catalog', 'topic', { id: '9' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '主题不存在' });
    expect(useStore.getState().token).toBe('tok');
  });

  it('maps a network failure to a Chinese message', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const err = await call('catalog', 'categories', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });
    expect(errorMessage(err)).toBe('网络不可用，请稍后重试');
  });

  it('treats a 502 without an envelope (proxy page) as a network failure', async () => {
    fetchMock.mockReturnValueOnce(answer(502, '<html>Bad Gateway</html>'));
    await expect(call('catalog', 'categories', {})).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('RATE_LIMITED: shows the server\'s 「操作太频繁，请 N 秒后再试」, keeps the wait and the request id, and does not retry', async () => {
    fetchMock.mockReturnValue(
      answer(429, { ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请 42 秒后再试', retryAfter: 42, requestId: '0a1b2c3d4e5f' } }, { 'Retry-After': '42' }),
    );
    const err = await call('order', 'mine', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 42 秒后再试', retryAfter: 42, requestId: '0a1b2c3d4e5f' });
    expect(errorMessage(err)).toBe('操作太频繁，请 42 秒后再试');
    // Nothing goes out again by itself, not even later.
    await new Promise((r) => setTimeout(r, 50));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('RATE_LIMITED without words (or a proxy\'s own 429 page) still says how long to wait', async () => {
    fetchMock.mockReturnValueOnce(answer(429, { ok: false, error: { code: 'RATE_LIMITED', message: '', retryAfter: 7 } }));
    await expect(call('order', 'mine', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 7 秒后再试', retryAfter: 7 });
    fetchMock.mockReturnValueOnce(answer(429, '<html>Too Many Requests</html>', { 'Retry-After': '30' }));
    await expect(call('order', 'mine', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 30 秒后再试', retryAfter: 30 });
    fetchMock.mockReturnValueOnce(answer(429, '<html>Too Many Requests</html>'));
    await expect(call('order', 'mine', {})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('keeps the request id of an INTERNAL, so a screenshot can be traced', async () => {
    fetchMock.mockReturnValueOnce(answer(500, { ok: false, error: { code: 'INTERNAL', message: '服务器开小差了，请稍后重试', requestId: 'abcdef012345' } }));
    await expect(call('catalog', 'categories', {})).rejects.toMatchObject({ code: 'INTERNAL', message: '服务器开小差了，请稍后重试', requestId: 'abcdef012345' });
  });

  it('rejects a 200 whose body is not an envelope', async () => {
    fetchMock.mockReturnValueOnce(answer(200, { items: [] }));
    await expect(call('catalog', 'categories', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('call over CloudBase (weapp)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('calls the cloud function with {action, data} and unwraps result', async () => {
    jest.mocked(Taro.cloud.callFunction).mockResolvedValueOnce({
      result: { ok: true, data: me },
      errMsg: 'cloud.callFunction:ok',
      requestID: 'r1',
    } as never);
    await expect(call('auth', 'me', {})).resolves.toEqual(me);
    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({ name: 'auth', data: { action: 'me', data: {} } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('throws ApiError from an ok:false result', async () => {
    jest.mocked(Taro.cloud.callFunction).mockResolvedValueOnce({
      result: { ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } },
      errMsg: 'cloud.callFunction:ok',
      requestID: 'r2',
    } as never);
    await expect(call('auth', 'me', {})).rejects.toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
  });

  it('RATE_LIMITED from a cloud function keeps the server\'s message and wait, and is not retried', async () => {
    jest.mocked(Taro.cloud.callFunction).mockResolvedValue({
      result: { ok: false, error: { code: 'RATE_LIMITED', message: '操作太频繁，请 5 秒后再试', retryAfter: 5 } },
      errMsg: 'cloud.callFunction:ok',
      requestID: 'r3',
    } as never);
    await expect(call('order', 'create', {} as never)).rejects.toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 5 秒后再试', retryAfter: 5 });
    expect(Taro.cloud.callFunction).toHaveBeenCalledTimes(1);
  });

  it('maps a failed callFunction to the network message', async () => {
    jest.mocked(Taro.cloud.callFunction).mockRejectedValueOnce(new Error('cloud.callFunction:fail timeout'));
    await expect(call('catalog', 'categories', {})).rejects.toMatchObject({ code: 'NETWORK', message: NETWORK_MESSAGE });
  });
});
