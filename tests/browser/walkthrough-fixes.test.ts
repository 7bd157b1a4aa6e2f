import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser, Page } from 'playwright-core';
import { devLogin, launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/** Console errors and 404s of a page, for the expectations at the end. */
function watch(page: Page) {
  const errors: string[] = [];
  const missing: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  return { errors, missing };
}

/** Issue 11, findings 7–10: the admin on a desktop, the topic editor's console, the text areas, a shared link. */
describe('walk-through fixes in the H5 build', () => {
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

  it('admin at 1280 px: 审核 and 菜单 in the sidebar, manage pages in the console frame, a clean topic editor with proper text areas, no 申报, no favicon 404', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const seen = watch(page);
    await devLogin(page, server.url, '潘亚');
    // Finding 7: 我的 does not offer the admin 申报成为志愿者.
    await page.locator('.me__entry--manage').waitFor({ timeout: 20_000 });
    expect(await page.locator('.me__entry--apply').count()).toBe(0);
    expect(await page.locator('link[rel="icon"]').count()).toBe(1);

    await page.goto(`${server.url}/#/packages/admin/dashboard/index`);
    const review = page.locator('.admin__tab', { hasText: '志愿者审核' });
    await review.waitFor({ timeout: 60_000 });
    expect(await page.locator('.admin__tab', { hasText: '菜单与队伍' }).isVisible()).toBe(true);
    await review.click();
    await page.locator('.admin .admin__main .mg-page').waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('/packages/manage/applications/index');
    expect((await page.locator('.admin__tab--active').innerText()).trim()).toBe('志愿者审核');
    // Not a phone column: the content fills the space beside the 216 px sidebar.
    const main = (await page.locator('.admin__main .mg-page').boundingBox())!;
    expect(main.x).toBeGreaterThanOrEqual(216);
    expect(main.width).toBeGreaterThan(900);

    await page.locator('.admin__tab', { hasText: '菜单与队伍' }).click();
    await page.locator('.admin .manage-tile').first().waitFor({ timeout: 30_000 });
    await settled(page, '.manage-tile');
    await page.screenshot({ path: screenshotPath('manage-desktop.png') });

    // Finding 8 and 9: the topic editor opens without console errors; its text area is the field's.
    const before = seen.errors.length;
    await page.goto(`${server.url}/#/packages/manage/topic/index?id=1`);
    await page.locator('.topic-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator('.topic-title input').inputValue()) !== '', { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(500);
    expect(seen.errors.slice(before)).toEqual([]);
    const style = await page.locator('.topic-summary textarea').evaluate((el) => {
      const s = getComputedStyle(el);
      return { family: s.fontFamily, size: parseFloat(s.fontSize), resize: s.resize, background: s.backgroundColor, border: s.borderTopWidth };
    });
    expect(style.family).not.toContain('monospace');
    expect(style.size).toBeGreaterThanOrEqual(14);
    expect(style).toMatchObject({ resize: 'none', background: 'rgba(0, 0, 0, 0)', border: '0px' });
    await settled(page, '.topic-summary');
    await page.screenshot({ path: screenshotPath('topic-editor-desktop.png') });

    expect(seen.missing.filter((u) => u.includes('favicon'))).toEqual([]);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('the topic editor on a phone, opened from the list and reloaded, logs no errors (three watchValue TypeErrors before)', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const seen = watch(page);
    await devLogin(page, server.url, '潘亚');
    await page.goto(`${server.url}/#/packages/manage/topics/index`);
    await page.locator('.mg-row').first().click({ timeout: 60_000 });
    await page.locator('.topic-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator('.topic-title input').inputValue()) !== '', { timeout: 10_000 }).toBe(true);
    await page.reload();
    await page.locator('.topic-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await page.locator('.topic-title input').inputValue()) !== '', { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1000);
    expect(seen.errors).toEqual([]);
    await context.close();
  });

  it('a shared link to 技术服务 on a phone: the title, a way home, and the fields the services are in', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/#/packages/menu/services/index`);
    const bar = page.locator('#taro-navigation-bar');
    await page.locator('.service-card').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => bar.getAttribute('class'), { timeout: 10_000 }).toContain('taro-navigation-bar-show');
    expect(await bar.getAttribute('class')).toContain('taro-navigation-bar-home-icon');
    expect((await page.locator('.taro-navigation-bar-title').innerText()).trim()).toBe('技术服务');
    // Finding 11: the field chips are the services' fields, 自动化 and 机械制造 among them.
    await expect.poll(async () => (await page.locator('.filter-chips__item').allInnerTexts()).join('|'), { timeout: 10_000 }).toContain('机械制造');
    expect((await page.locator('.filter-chips__item').allInnerTexts()).join('|')).toContain('自动化');
    await settled(page, '.service-card');
    await page.screenshot({ path: screenshotPath('services-shared-link.png') });

    await page.locator('.taro-navigation-bar-home').click();
    await page.locator('.category-item').first().waitFor({ timeout: 30_000 });
    expect(page.url()).toContain('/pages/index/index');
    expect(seen.errors).toEqual([]);
    await context.close();
  });
});
