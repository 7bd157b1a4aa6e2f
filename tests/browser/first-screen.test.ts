import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, startRealServer, type RealServer } from '../helpers/browser';
import { startChildServer } from '../helpers/child-server';
import { measureFirstScreen } from '../helpers/first-screen';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/** The menu's first load on a phone: compressed, ≤ 150 KB on the wire, hashed files cached for a year. */
describe('H5 first screen', () => {
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    // Whatever build there is measures the same; build only when there is none.
    const built = fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html'));
    server = built ? await startChildServer({ skipH5Build: true, startTimeoutMs: 120_000 }) : await startRealServer();
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, HOOK_TIMEOUT);

  it('comes compressed within 150 KB; scripts and styles immutable, index.html revalidated', async () => {
    const plain = await measureFirstScreen(browser, server.url, { acceptEncoding: 'identity' });
    const screen = await measureFirstScreen(browser, server.url);
    console.log(`first screen: ${(screen.transferred / 1024).toFixed(1)} KB transferred (${(screen.decoded / 1024).toFixed(1)} KB decoded); uncompressed ${(plain.transferred / 1024).toFixed(1)} KB\n` +
      screen.requests.map((r) => `  ${r.status} ${r.encoding.padEnd(8)} ${(r.transferred / 1024).toFixed(1).padStart(6)} KB  ${r.url}  [${r.cacheControl}]`).join('\n'));

    expect(screen.transferred).toBeLessThanOrEqual(150 * 1024);
    const assets = screen.requests.filter((r) => /^\/(js|css)\//.test(r.url));
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const a of assets) {
      expect({ url: a.url, encoding: a.encoding, cache: a.cacheControl }).toEqual({ url: a.url, encoding: 'br', cache: 'public, max-age=31536000, immutable' });
    }
    const index = screen.requests.find((r) => r.url === '/' || r.url === '/index.html');
    expect(index?.cacheControl).toBe('no-cache');
    // The identity run really was uncompressed, and compression is what brought it under the goal.
    expect(plain.requests.every((r) => r.encoding === 'identity')).toBe(true);
    expect(plain.transferred).toBeGreaterThan(screen.transferred * 2);
  }, 120_000);
});
