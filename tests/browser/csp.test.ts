import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { devLogin, launchBrowser, phoneContext, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/**
 * The H5 app under its Content-Security-Policy: every screen with something CSP could block
 * (the inline rem script, Stencil's injected styles, a picked photo previewed from blob: and
 * uploaded, /uploads images, ECharts canvases) runs without a single violation.
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every violation of every document the context opens, from before its first script. */
async function watchCsp(context: BrowserContext, console: string[]) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  context.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) console.push(msg.text());
  });
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

describe('H5 app under its CSP', () => {
  let server: RealServer;
  let browser: Browser;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-csp-'));

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('menu, need form with a photo upload and the dashboard run without violations', async () => {
    const base = server.url;
    const consoleCsp: string[] = [];
    const seen: string[] = [];

    const phone = await phoneContext(browser);
    await watchCsp(phone, consoleCsp);
    const page = await phone.newPage();
    const first = await page.goto(base);
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.topic-card').first().waitFor({ timeout: 60_000 });
    await page.locator('.topic-card').first().click();
    await page.locator('.speaker-card').first().waitFor({ timeout: 30_000 });
    seen.push(...(await violations(page)));

    // A picked photo: previewed from blob:, read back with fetch(blob:), uploaded, shown from /uploads.
    const photo = path.join(tmp, 'photo.jpg');
    await sharp({ create: { width: 120, height: 80, channels: 3, background: '#c8161d' } }).jpeg().toFile(photo);
    await devLogin(page, base, '楼佳琪');
    await page.goto(`${base}/#/packages/order/need/index`);
    await page.locator('.need-title input').waitFor({ timeout: 60_000 });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 20_000 }), page.locator('.photo-field__add').click()]);
    await chooser.setFiles(photo);
    await page.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('.photo-field__photo img');
        return !!img && /\/uploads\/[0-9a-f]{64}\.jpg$/.test(img.src) && img.complete && img.naturalWidth === 120;
      },
      undefined,
      { timeout: 30_000 },
    );
    seen.push(...(await violations(page)));
    await phone.close();

    const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await watchCsp(desktop, consoleCsp);
    const admin = await desktop.newPage();
    await devLogin(admin, base, '金华市总工会管理员');
    await admin.goto(`${base}/#/packages/admin/dashboard/index`);
    for (const chart of ['monthly', 'needs', 'teams', 'ratings']) {
      await admin.locator(`.chart--${chart} canvas`).first().waitFor({ timeout: 60_000 });
    }
    await admin.waitForTimeout(600); // the charts' entry animation
    seen.push(...(await violations(admin)));
    await desktop.close();

    expect(seen).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });
});
