import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser } from 'playwright-core';
import { launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/** A worker browses the menu on a phone: categories, search, a topic, its speaker's page. */
describe('menu in the H5 build', () => {
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startRealServer();
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, HOOK_TIMEOUT);

  it('shows the categories and topics, searches, opens a topic and a speaker with free slots', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);

    await page.locator('.category-item').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.category-item').count()).toBe(8);
    await expect.poll(() => page.locator('.topic-card').count(), { timeout: 20_000 }).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('menu-home.png') });

    // Search by a speaker's name: the topics he gives.
    const search = page.locator('.topic-search input');
    await search.fill('孔胜东');
    await search.press('Enter');
    await expect.poll(async () => (await page.locator('.topic-card').allInnerTexts()).join('|'), { timeout: 20_000 }).toContain('为民服务');

    await page.locator('.topic-card').first().click();
    await page.locator('.speaker-card').first().waitFor({ timeout: 30_000 });
    await settled(page, '.speaker-card');
    await page.screenshot({ path: screenshotPath('topic-detail.png') });
    await page.locator('.speaker-card', { hasText: '孔胜东' }).first().click();

    await page.locator('.volunteer-name').waitFor({ timeout: 30_000 });
    expect(await page.locator('.volunteer-name').innerText()).toContain('孔胜东');
    await expect.poll(() => page.locator('.free-slot').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByText('全国劳动模范').count()).toBeGreaterThan(0);
    await settled(page, '.volunteer-name');
    await page.screenshot({ path: screenshotPath('speaker.png'), fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });
});
