import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser, Page } from 'playwright-core';
import { devLogin, launchBrowser, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/** Every visible element matching `selector` as [text, font px, width, height] (for the failure message). */
async function measure(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: (e.textContent ?? '').trim().slice(0, 12), font: parseFloat(getComputedStyle(e).fontSize), w: r.width, h: r.height, right: r.right };
      }),
  );
}

/** A retired model worker turns on 长辈模式 in 我的 on a small (320 px) phone and uses the home. */
describe('长辈模式 in the H5 build at 320 px', () => {
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

  it('larger text and targets, a simpler home with 我的订单 and the call to the union, remembered after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await devLogin(page, server.url, '王海涛');

    const sw = page.locator('.me__entry--elder');
    expect(await sw.getAttribute('aria-checked')).toBe('false');
    await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('.me.elder').count()).toBe(1);
    for (const row of await measure(page, '.me.elder .me__row')) expect(row.h).toBeGreaterThanOrEqual(48);
    await sw.scrollIntoViewIfNeeded();
    await page.locator('.taro__toast').waitFor({ state: 'hidden' }).catch(() => undefined);
    await page.screenshot({ path: screenshotPath('elder-me-320.png') });

    // Remembered: a fresh load of the home is in 长辈模式.
    await page.goto(server.url);
    await page.reload();
    await page.locator('.home.elder .category-item').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('.home.elder .category-item').count()).toBe(8);
    expect(await page.locator('.home__entry').count()).toBe(0);
    expect(await page.locator('.home .filter-chips').count()).toBe(0);

    const texts = [
      ...(await measure(page, '.category-item__name')),
      ...(await measure(page, '.home__big')),
      ...(await measure(page, '.search-input__field')),
    ];
    for (const t of texts) expect({ ...t, big: t.font >= 18 }).toMatchObject({ big: true });
    const targets = [...(await measure(page, '.category-item')), ...(await measure(page, '.home__big')), ...(await measure(page, '.search-input__box'))];
    for (const t of targets) expect({ ...t, tappable: t.h >= 48 && t.w >= 48 }).toMatchObject({ tappable: true });
    // Nothing runs off the 320 px screen.
    for (const t of [...texts, ...targets]) expect(t.right).toBeLessThanOrEqual(320);
    expect((await page.locator('.home__big--call').innerText()).trim()).toBe('给杭州市总工会打电话');

    // The two big buttons are on the first screen.
    const call = await page.locator('.home__big--call').boundingBox();
    expect(call!.y + call!.height).toBeLessThanOrEqual(640);
    await settled(page, '.home__big--call');
    await page.screenshot({ path: screenshotPath('elder-home-320.png') });

    // 我的订单 opens the orders tab, which keeps the larger text.
    await page.locator('.home__big--orders').click();
    await page.locator('.orders.elder').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sub-pages too: a topic and its booking form at 320 px, text at least 18 px, targets at least 48 px, nothing off the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await devLogin(page, server.url, '王海涛');
    const sw = page.locator('.me__entry--elder');
    if ((await sw.getAttribute('aria-checked')) !== 'true') await sw.click();
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true');

    const res = await fetch(`${server.url}/api/catalog`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'topics', data: {} }) });
    const topics = ((await res.json()) as { data: { items: { id: string }[] } }).data.items;
    const topicId = topics[0]!.id;

    // The topic's page (a detail page of the menu subpackage).
    await page.goto(`${server.url}/#/packages/menu/topic/index?id=${topicId}`);
    await page.locator('.topic-page.elder .detail__text, .topic-page.elder .section__body').first().waitFor({ timeout: 60_000 });
    const detailTexts = [...(await measure(page, '.topic-page .detail__text')), ...(await measure(page, '.topic-page .section__title')), ...(await measure(page, '.topic-page .speaker-card__title'))];
    expect(detailTexts.length).toBeGreaterThan(0);
    for (const t of detailTexts) expect({ ...t, big: t.font >= 18 }).toMatchObject({ big: true });
    for (const t of await measure(page, '.topic-page .booking-entry')) expect({ ...t, tappable: t.h >= 48, big: t.font >= 18 }).toMatchObject({ tappable: true, big: true });
    await settled(page, '.topic-page .detail__text, .topic-page .section__body');
    await page.screenshot({ path: screenshotPath('elder-topic-320.png') });

    // Its booking form: the form kit's fields in 长辈模式.
    await page.goto(`${server.url}/#/packages/order/book/index?topicId=${topicId}`);
    await page.locator('.book-page.elder .book-subject').waitFor({ timeout: 60_000 });
    await page.locator('.book-page .duration-choices .choice').first().click();
    await page.locator('.book-page .venue-choices .choice').first().click();
    await page.locator('.book-page .note-input').waitFor();
    await settled(page, '.book-page .duration-choices');
    await page.screenshot({ path: screenshotPath('elder-book-top-320.png') });

    const texts = [
      ...(await measure(page, '.book-page .form-field__label')),
      ...(await measure(page, '.book-page .choice__label')),
      ...(await measure(page, '.book-page .choice__sub')),
      ...(await measure(page, '.book-page .form-field__hint')),
      ...(await measure(page, '.book-page .form-field__counter')),
      ...(await measure(page, '.book-page .form-input')),
      ...(await measure(page, '.book-page .form-textarea')),
      ...(await measure(page, '.book-page .slot-start__clock')),
    ];
    expect(texts.length).toBeGreaterThan(15);
    for (const t of texts) expect({ ...t, big: t.font >= 18 }).toMatchObject({ big: true });
    const targets = [
      ...(await measure(page, '.book-page .choice')),
      ...(await measure(page, '.book-page .slot-start')),
      ...(await measure(page, '.book-page .form-input')),
      ...(await measure(page, '.book-page .form-textarea')),
      ...(await measure(page, '.book-next')),
    ];
    expect(targets.length).toBeGreaterThan(8);
    for (const t of targets) expect({ ...t, tappable: t.h >= 48 && t.w >= 48 }).toMatchObject({ tappable: true });
    for (const t of [...texts, ...targets]) expect({ ...t, fits: t.right <= 320 }).toMatchObject({ fits: true });

    // The text area is the field's font, not the browser's monospace.
    const textarea = await page.locator('.book-page .note-input textarea').evaluate((e) => {
      const st = getComputedStyle(e);
      return { family: st.fontFamily, size: parseFloat(st.fontSize), resize: st.resize };
    });
    expect(textarea.family).not.toMatch(/monospace/);
    expect(textarea).toMatchObject({ resize: 'none' });
    expect(textarea.size).toBeGreaterThanOrEqual(18);

    await page.locator('.book-page .note-input textarea').scrollIntoViewIfNeeded();
    await settled(page, '.book-page .note-input');
    await page.screenshot({ path: screenshotPath('elder-book-320.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
