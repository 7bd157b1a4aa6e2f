import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { Envelope } from '../../cloud/contract';
import { expect } from '../helpers/expect';
import { launchBrowser, screenshotPath, settled } from '../helpers/browser';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { TEST_DATABASE_URL } from '../helpers/db';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';
import { expectClean } from '../weapp/harness/journeys';
import { World } from '../weapp/harness/world';

/**
 * The desktop console's login by scanning, with both sides real: Chromium on the H5 build served by
 * the local server, and the admin's phone in the weapp harness calling the bundled CloudBase
 * functions — both over one PostgreSQL schema, as a deployment shares its database.
 */
describe('desktop login by scanning, confirmed on the mini-program', () => {
  let world: World;
  let server: ChildServer;
  let browser: Browser;

  beforeAll(async () => {
    world = await World.create();
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${world.database.schema},public`);
    server = await startChildServer({ databaseUrl: url.toString(), startTimeoutMs: 240_000, env: { RATE_LIMITS: 'off' } });
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await world?.close();
  }, HOOK_TIMEOUT);

  it('the browser shows the QR; the admin opens it on the phone, sees 「登录工会管理后台？」, confirms; the browser is on the dashboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth') && (r.request().postData() ?? '').includes('"loginTicket"'));
    await page.goto(`${server.url}/#/pages/me/index`);
    const body = (await (await answer).json()) as Envelope<{ ticket: string }>;
    if (!body.ok) throw new Error(`loginTicket: ${body.error.message}`);
    const { ticket } = body.data;
    await page.locator('.scan-login-panel__qr').waitFor({ timeout: 30_000 });

    // WeChat opens the page the QR names, with the ticket as its scene.
    const phone = await world.phone(await world.openidOf('潘亚'), {
      launch: `packages/account/login/index?scene=${ticket}`,
    });
    await phone.waitForText('登录工会管理后台？');
    expect(phone.text()).toContain('Chrome');
    await page.getByText('已扫码，请在手机上确认登录').waitFor({ timeout: 10_000 });
    await phone.tap(phone.byClass('scan-login__confirm')[0]);
    await phone.waitForText('已确认登录');
    await page.getByText('退出登录').waitFor({ timeout: 15_000 });
    await page.goto(`${server.url}/#/packages/admin/dashboard/index`);
    await page.locator('.stat-card').first().waitFor({ timeout: 60_000 });
    await settled(page, '.stat-card');
    await page.screenshot({ path: screenshotPath('scan-login-dashboard.png') });

    // Used once: confirming again from the phone is refused with a clear message.
    const again = await world.cloud.call(phone.openid, 'auth', { action: 'confirmTicket', data: { ticket } });
    expect(again.result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(errors).toEqual([]);
    expectClean(phone);
    await context.close();
  });
});
