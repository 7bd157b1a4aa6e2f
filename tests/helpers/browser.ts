import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RealServer {
  url: string;
  dataDir: string;
  /** Stops the server process (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Starts the real server (`npm start`'s entry) on a fresh or given data directory. It builds H5
 * first when the build is missing or stale, so the first start may take half a minute.
 */
export async function startRealServer(opts: { dataDir?: string; clockOffsetMinutes?: number; port?: number } = {}): Promise<RealServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-e2e-'));
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn('npx', ['tsx', 'cloud/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, CLOCK_OFFSET_MINUTES: String(opts.clockOffsetMinutes ?? 0), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stop() signals npx and the node process under it together.
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 240 s:\n${log}`)), 240_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log}`));
    });
    const poll = setInterval(() => {
      if (log.includes('已启动')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const signal = (sig: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, sig);
          } catch {
            // already gone
          }
        };
        const kill = setTimeout(() => signal('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          // npx exits first; wait until the server released its data directory lock.
          const lock = path.join(dataDir, 'server.pid');
          const started = Date.now();
          const poll = setInterval(() => {
            if (!fs.existsSync(lock) || Date.now() - started > 10_000) {
              clearInterval(poll);
              resolve();
            }
          }, 100);
        });
        signal('SIGTERM');
      }),
  };
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
