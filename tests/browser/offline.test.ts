import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser } from 'playwright-core';
import { devLogin, launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/**
 * Issue 11, finding 1: the server goes away mid-use. Tapping an order whose page code is not loaded
 * yet shows 网络不可用 with 重试 (it was a dead tap); 重试 while still down says so; once the server
 * is back, 重试 opens the page and the app carries on. Finding 10: an unknown route is not blank.
 * Finding 5: a search looks in every category, whichever was chosen.
 */
describe('offline and unknown pages in the H5 build', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-offline-'));
  let server: RealServer | undefined;
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

  it('stop the server mid-use: 网络不可用 and 重试; restart: the page opens and the app carries on', async () => {
    const base = server!.url;
    const port = Number(new URL(base).port);
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await devLogin(page, base, '王海涛');
    await page.locator('.weui-tabbar__item', { hasText: '订单' }).click();
    const card = page.locator('.order-card').first();
    await card.waitFor({ timeout: 30_000 });
    const orderId = await card.getAttribute('data-id');

    // ---- the server goes away; the order's page has never been loaded --------------------------
    await server!.stop();
    server = undefined;
    await card.click();
    const screen = page.locator('.fault-screen--offline');
    await screen.waitFor({ timeout: 15_000 });
    expect(await screen.locator('.fault-screen__title').innerText()).toBe('网络不可用');
    expect(await screen.locator('.fault-screen__action').innerText()).toBe('重试');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('offline.png') });

    // Still down: 重试 says so and stays.
    await screen.locator('.fault-screen__action').click();
    await expect.poll(() => screen.locator('.fault-screen__note').innerText(), { timeout: 10_000 }).toBe('仍然无法连接，请稍后再试');

    // ---- back on the same address: 重试 opens the order, the app works again -------------------
    server = await startRealServer({ dataDir, port });
    await screen.locator('.fault-screen__action').click();
    await page.locator('.order-head').waitFor({ timeout: 60_000 });
    expect(page.url()).toContain(`id=${orderId}`);
    expect(await page.locator('.fault-screen').count()).toBe(0);
    await page.goto(`${base}/#/pages/orders/index`);
    await page.locator('.order-card').first().waitFor({ timeout: 30_000 });
    await page.locator('.order-card').first().click();
    // The detail page opened before the hash was changed by hand (page.goto, not the app's own
    // navigation) may still be mounted beside the new one: the app carries on if one opens.
    await page.locator('.order-head').first().waitFor({ timeout: 30_000 });
    // Chunk errors are rejections the screen handles, not page errors.
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an unknown route says 页面不存在 and leads home', async () => {
    const base = server!.url;
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/#/packages/nowhere/index?id=1`);
    const screen = page.locator('.fault-screen--notFound');
    await screen.waitFor({ timeout: 30_000 });
    expect(await screen.locator('.fault-screen__title').innerText()).toBe('页面不存在');
    await page.screenshot({ path: screenshotPath('not-found.png') });
    await screen.locator('.fault-screen__action').click();
    await page.locator('.category-item').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.fault-screen').count()).toBe(0);
    await ctx.close();
  });

  it('a search finds 孔胜东 although another category was chosen, and 全部 lights up', async () => {
    const base = server!.url;
    const ctx = await phoneContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${base}/#/pages/index/index`);
    await page.locator('.category-item[data-id="anquan"]').click();
    await expect.poll(() => page.locator('.filter-chips__item--active').innerText(), { timeout: 20_000 }).toBe('安全生产');
    const box = page.locator('.topic-search input');
    await box.click();
    await box.fill('孔胜东');
    await box.press('Enter');
    await expect.poll(() => page.locator('.home__list-title').innerText(), { timeout: 20_000 }).toBe('全部分类中搜索“孔胜东”');
    await page.locator('.topic-card').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.filter-chips__item--active').innerText()).toBe('全部');
    // The box's typing pause reports the same text again: that must not undo a category picked now.
    await page.waitForTimeout(600);
    // The chosen chip is in view: pick the last category from the grid, its chip scrolls in.
    await page.locator('.category-item[data-id="shehui"]').click();
    const chip = page.locator('.filter-chips__item[data-value="shehui"]');
    await expect.poll(() => chip.getAttribute('class')).toContain('filter-chips__item--active');
    await expect.poll(async () => {
      const [c, row] = await Promise.all([chip.boundingBox(), page.locator('.filter-chips').first().boundingBox()]);
      return JSON.stringify([c, row]) + (!!c && !!row && c.x >= row.x - 1 && c.x + c.width <= row.x + row.width + 1);
    }, { timeout: 10_000 }).toContain('true');
    await expect.poll(() => page.locator('.home__list-title').innerText()).toBe('在「社会服务」中搜索“孔胜东”');
    await settled(page, '.home__list-title');
    await page.locator('.home__list-head').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('search-all.png') });
    await ctx.close();
  });
});
