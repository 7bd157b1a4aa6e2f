import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startChildServer, type ChildServer } from './child-server';

const root = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The real server as a child process; see child-server.ts. */
export type RealServer = ChildServer;

/**
 * Starts the real server (`npm start`'s entry) on a fresh or given data directory. It builds H5
 * first when the build is missing or stale, so the first start may take half a minute.
 */
export function startRealServer(opts: { dataDir?: string; clockOffsetMinutes?: number; port?: number } = {}): Promise<RealServer> {
  return startChildServer({ ...opts, startTimeoutMs: 240_000 });
}

export async function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
    headless: true,
  });
}

/** A phone-sized context (375×812, touch, zh-CN). */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

export const screenshotPath = (name: string) => {
  const dir = path.join(root, 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
};

/** Logs in through the 我的 tab's dev quick login, by the demo user's name. */
export async function devLogin(page: Page, base: string, name: string) {
  await page.goto(`${base}/#/pages/me/index`);
  await page.locator('.dev-user', { has: page.getByText(name, { exact: true }) }).first().click();
  await page.getByText('退出登录').waitFor({ timeout: 20_000 });
}

/**
 * Taro's H5 page transition slides the new page in (~300 ms). Before a screenshot, wait until the
 * element stops moving: its box is the same on two polls 100 ms apart.
 */
export async function settled(page: Page, selector: string) {
  let last = '';
  for (let i = 0; i < 50; i++) {
    const box = await page.locator(selector).first().boundingBox();
    const now = box ? `${Math.round(box.x)},${Math.round(box.y)}` : '';
    if (now && now === last) return;
    last = now;
    await page.waitForTimeout(100);
  }
}
