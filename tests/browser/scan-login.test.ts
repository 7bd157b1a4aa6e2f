import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

interface Envelope<T> { ok: boolean; data: T; error?: { code: string; message: string } }

async function post<T>(base: string, fn: string, action: string, data: unknown, token?: string): Promise<Envelope<T>> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  return (await res.json()) as Envelope<T>;
}
async function api<T>(base: string, fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const body = await post<T>(base, fn, action, data, token);
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
  return body.data;
}
async function tokenOf(base: string, name: string): Promise<string> {
  const users = await api<{ items: { id: string; name: string }[] }>(base, 'auth', 'devUsers', { pageSize: 100 });
  const user = users.items.find((u) => u.name === name)!;
  return (await api<{ token: string }>(base, 'auth', 'devLogin', { userId: user.id })).token;
}

/** Opens 我的 signed out and answers the ticket the page asked for (read from its own request). */
async function ticketShown(page: Page, base: string): Promise<string> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth') && (r.request().postData() ?? '').includes('"loginTicket"'));
  await page.goto(`${base}/#/pages/me/index`);
  const body = (await (await answer).json()) as Envelope<{ ticket: string }>;
  await page.locator('.scan-login-panel__qr').waitFor({ timeout: 30_000 });
  return body.data.ticket;
}

/**
 * Desktop console login by scanning, at desktop width: the browser shows the QR code, the admin's
 * "phone" (this test, as the mini-program would call) scans and confirms, and the browser is in and
 * reaches the dashboard. A reused ticket is refused on the phone; an expired one is shown expired
 * in the browser (the server restarted with its clock 3 minutes ahead) and refused on the phone.
 */
describe('desktop console login by scanning', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-scan-e2e-'));
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startRealServer({ dataDir });
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('QR → scanned → confirmed on the phone → the browser lands on the dashboard; a reused ticket is refused', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ticket = await ticketShown(page, server.url);
    await settled(page, '.scan-login-panel');
    await page.screenshot({ path: screenshotPath('scan-login-desktop.png') });

    const phone = await tokenOf(server.url, '金华市总工会管理员');
    const seen = await api<{ browser: string }>(server.url, 'auth', 'scanTicket', { ticket }, phone);
    expect(seen.browser).toContain('Chrome');
    await page.getByText('已扫码，请在手机上确认登录').waitFor({ timeout: 10_000 });
    await api(server.url, 'auth', 'confirmTicket', { ticket }, phone);
    await page.getByText('退出登录').waitFor({ timeout: 10_000 });
    expect(await page.locator('.me__name').innerText()).toBe('金华市总工会管理员');

    await page.goto(`${server.url}/#/packages/admin/dashboard/index`);
    await page.locator('.stat-card').first().waitFor({ timeout: 60_000 });

    const reused = await post(server.url, 'auth', 'confirmTicket', { ticket }, phone);
    expect(reused.error?.code).toBe('CONFLICT');
    expect(reused.error?.message).toContain('已使用');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an expired QR code says so in the browser and is refused on the phone; a fresh one works', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const ticket = await ticketShown(page, server.url);
    const port = Number(new URL(server.url).port);
    await server.stop();
    // The same data three minutes later: the ticket (2 minutes) has expired. The page keeps polling through the restart.
    server = await startRealServer({ dataDir, clockOffsetMinutes: 3, port });
    await page.getByText('二维码已过期，请刷新后重新扫码').waitFor({ timeout: 30_000 });
    const phone = await tokenOf(server.url, '金华市总工会管理员');
    const late = await post(server.url, 'auth', 'confirmTicket', { ticket }, phone);
    expect(late.error?.code).toBe('CONFLICT');
    expect(late.error?.message).toContain('过期');

    const fresh = page.waitForResponse((r) => r.url().endsWith('/api/auth') && (r.request().postData() ?? '').includes('"loginTicket"'));
    await page.locator('.scan-login-panel__refresh').click();
    const next = ((await (await fresh).json()) as Envelope<{ ticket: string }>).data.ticket;
    await api(server.url, 'auth', 'confirmTicket', { ticket: next }, phone);
    await page.getByText('退出登录').waitFor({ timeout: 10_000 });
    await context.close();
  });
});
