import type { Browser } from 'playwright-core';
import { phoneContext } from './browser';

export interface FirstScreen {
  /** Bytes on the wire (headers included), as DevTools' "transferred". */
  transferred: number;
  /** Bytes after decoding, what the phone has to parse. */
  decoded: number;
  requests: { url: string; status: number; encoding: string; cacheControl: string; transferred: number }[];
}

/**
 * Loads the menu (the first screen) in a fresh phone context and counts what came over the
 * network until the topic cards show: every request, its encoding, cache header and bytes on the
 * wire (Chromium's own count, CDP Network.loadingFinished). `acceptEncoding: 'identity'` asks
 * for everything uncompressed, as the server answered before it compressed.
 */
export async function measureFirstScreen(browser: Browser, base: string, opts: { acceptEncoding?: string } = {}): Promise<FirstScreen> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (opts.acceptEncoding) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': opts.acceptEncoding } });
    const byId = new Map<string, FirstScreen['requests'][number] & { decoded: number }>();
    cdp.on('Network.responseReceived', (e) => {
      if (e.response.url.startsWith('data:')) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      byId.set(e.requestId, { url: e.response.url.replace(base, ''), status: e.response.status, encoding: h['content-encoding'] ?? 'identity', cacheControl: h['cache-control'] ?? '', transferred: 0, decoded: 0 });
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = byId.get(e.requestId);
      if (r) r.decoded += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = byId.get(e.requestId);
      if (r) r.transferred = e.encodedDataLength;
    });
    await page.goto(base);
    await page.locator('.topic-card').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const requests = [...byId.values()];
    return {
      transferred: requests.reduce((s, r) => s + r.transferred, 0),
      decoded: requests.reduce((s, r) => s + r.decoded, 0),
      requests: requests.map(({ decoded: _d, ...r }) => r),
    };
  } finally {
    await context.close();
  }
}
