import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser } from 'playwright-core';
import { devLogin, launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

interface Envelope<T> { ok: boolean; data: T; error?: { code: string; message: string } }

async function api<T>(base: string, fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as Envelope<T>;
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
  return body.data;
}

async function tokenOf(base: string, name: string): Promise<string> {
  const users = await api<{ items: { id: string; name: string }[] }>(base, 'auth', 'devUsers', {});
  const user = users.items.find((u) => u.name === name)!;
  return (await api<{ token: string }>(base, 'auth', 'devLogin', { userId: user.id })).token;
}

/**
 * The union admin at desktop width: the dashboard's charts, then an overdue need dispatched to a
 * technician, who finds it in their inbox in a second browser context.
 */
describe('union console in the H5 build', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-admin-e2e-'));
  let server: RealServer;
  let browser: Browser;
  const title = `数控车床主轴异响 ${Date.now() % 100000}`;

  beforeAll(async () => {
    // Post the need "two days ago": post it, then restart the server 49 hours later on the same data.
    server = await startRealServer({ dataDir });
    const enterprise = await tokenOf(server.url, '楼佳琪');
    await api(server.url, 'order', 'create', {
      kind: 'need', title, field: '数控', description: '一台数控车床加工时主轴有周期性异响，转速越高越明显。', urgency: 'urgent',
      start: new Date(Date.now() + 4 * 86_400_000).toISOString(), durationMin: 120,
      venue: { type: 'workshop', address: '义乌市苏溪镇工业区 12 号车间' }, contactPhone: '13800002001', requestId: `e2e-admin-${Date.now()}`,
    }, enterprise);
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startRealServer({ dataDir, clockOffsetMinutes: 49 * 60, port });
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('shows the charts, dispatches the overdue need, and the technician is told', async () => {
    const admin = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await admin.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await devLogin(page, server.url, '金华市总工会管理员');

    await page.goto(`${server.url}/#/packages/admin/dashboard/index`);
    await page.locator('.stat-card').first().waitFor({ timeout: 60_000 });
    for (const chart of ['monthly', 'needs', 'teams', 'ratings']) {
      await page.locator(`.chart--${chart} canvas`).first().waitFor({ timeout: 30_000 });
    }
    const lectures = await page.locator('.stat-card[data-key="lectures"]').innerText();
    expect(Number(lectures.match(/\d+/)?.[0] ?? 0)).toBeGreaterThan(0);
    await settled(page, '.chart--ratings');
    await page.waitForTimeout(600); // the charts' own entry animation
    await page.screenshot({ path: screenshotPath('dashboard-desktop.png') });

    await page.goto(`${server.url}/#/packages/admin/overdue/index`);
    const item = page.locator('.overdue-item', { hasText: title });
    await item.waitFor({ timeout: 30_000 });
    await item.locator('.dispatch-btn').click();
    const wang = (await api<{ items: { id: string; name: string }[] }>(server.url, 'catalog', 'volunteers', { q: '王关根' })).items[0];
    // Each candidate says how they fit the need's time (admin.candidates), under the name.
    const option = page.locator(`.dispatch-option[data-id="${wang.id}"]`);
    await option.locator('.dispatch-fit').waitFor({ timeout: 20_000 });
    expect(await option.locator('.dispatch-fit').innerText()).toMatch(/该时段空闲|时段冲突|当天不可预约|不在其可预约时段/);
    expect(await page.locator('.dispatch-when').innerText()).toContain('期望时间');
    await option.click();
    await settled(page, '.dispatch-sheet');
    await page.screenshot({ path: screenshotPath('dispatch-dialog.png') });
    await page.locator('.dispatch-confirm').click();
    // Dispatched: the need leaves the overdue queue.
    await expect.poll(() => page.locator('.overdue-item', { hasText: title }).count(), { timeout: 20_000 }).toBe(0);
    expect(errors).toEqual([]);

    const phone = await phoneContext(browser);
    const tech = await phone.newPage();
    await devLogin(tech, server.url, '王关根');
    await tech.goto(`${server.url}/#/packages/order/inbox/index`);
    const message = tech.locator('.inbox-item', { hasText: '工会派单' }).first();
    await message.waitFor({ timeout: 30_000 });
    expect(await message.innerText()).toContain(title);

    // The same dashboard on a phone.
    const phoneAdmin = await phoneContext(browser);
    const small = await phoneAdmin.newPage();
    await devLogin(small, server.url, '金华市总工会管理员');
    await small.goto(`${server.url}/#/packages/admin/dashboard/index`);
    await small.locator('.chart--monthly canvas').first().waitFor({ timeout: 60_000 });
    await settled(small, '.chart--monthly');
    await small.waitForTimeout(600);
    await small.screenshot({ path: screenshotPath('dashboard-phone.png') });
    await Promise.all([admin.close(), phone.close(), phoneAdmin.close()]);
  });
});
