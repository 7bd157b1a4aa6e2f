import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { isChunkLoadError, showNotFound, showOffline } from './offline';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('fault screens (H5)', () => {
  it('knows a chunk that failed to load, JS or CSS, and nothing else', () => {
    expect(isChunkLoadError(Object.assign(new Error('Loading chunk 12 failed.'), { name: 'ChunkLoadError' }))).toBe(true);
    expect(isChunkLoadError(Object.assign(new Error('Loading CSS chunk 7 failed.\n(/css/7.css)'), { code: 'CSS_CHUNK_LOAD_FAILED' }))).toBe(true);
    expect(isChunkLoadError(new Error('Loading CSS chunk packages/order/detail/index failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('网络不可用，请稍后重试'))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });

  it('says 网络不可用 with 重试; 重试 while still offline says so and stays', async () => {
    const fetchMock = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const realFetch = globalThis.fetch;
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      showOffline(window);
      const screen = document.querySelector('.fault-screen--offline')!;
      expect(screen.querySelector('.fault-screen__title')!.textContent).toBe('网络不可用');
      const retry = screen.querySelector('.fault-screen__action') as HTMLButtonElement;
      expect(retry.textContent).toBe('重试');
      retry.click();
      await new Promise((r) => setTimeout(r, 0));
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(screen.querySelector('.fault-screen__note')!.textContent).toBe('仍然无法连接，请稍后再试');
      expect(document.querySelectorAll('.fault-screen')).toHaveLength(1);
      // A second failure does not stack a second screen.
      showOffline(window);
      expect(document.querySelectorAll('.fault-screen')).toHaveLength(1);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('an unknown route says 页面不存在 with a way home', () => {
    showNotFound(window);
    expect(document.querySelector('.fault-screen--notFound .fault-screen__title')!.textContent).toBe('页面不存在');
    expect(document.querySelector('.fault-screen__action')!.textContent).toBe('返回首页');
  });
});
