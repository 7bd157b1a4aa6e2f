import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { createClock } from '../cloud/domain/clock';
import type { Services } from '../cloud/functions/context';
import { buildServer } from '../cloud/server/app';
import { launchBrowser } from '../tests/helpers/browser';
import { createTestDatabase } from '../tests/helpers/db';
import { measureFirstScreen, type FirstScreen } from '../tests/helpers/first-screen';

/**
 * The H5 first screen (the menu) in Chromium against the real server on loopback serving
 * dist/h5: bytes transferred uncompressed (Accept-Encoding: identity, what the server sent before
 * issue 14) and as a browser asks. Null when there is no build.
 */
export async function benchH5(): Promise<{ plain: FirstScreen; served: FirstScreen } | null> {
  const h5Dir = path.resolve(__dirname, '../dist/h5');
  if (!fs.existsSync(path.join(h5Dir, 'index.html'))) return null;
  const database = await createTestDatabase('pglite');
  const services: Services = { db: database.db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };
  const app = await buildServer({ services, h5Dir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const plain = await measureFirstScreen(browser, base, { acceptEncoding: 'identity' });
    const served = await measureFirstScreen(browser, base);
    return { plain, served };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}
