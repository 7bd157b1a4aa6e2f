import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { devLogin, launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

/**
 * An enterprise posts a need with a photo; two technicians of the same 数控 team see it in their
 * pool and tap 抢单 at the same moment: exactly one gets it, the other is told it is gone.
 */

const ENTERPRISE = '楼佳琪'; // 浙江小龙人袜业有限公司, 义乌
const TECHS = ['王关根', '楼志刚'] as const; // both 王关根工匠数控技术服务队, both with skill 数控
const TEAM = '王关根工匠数控技术服务队';
const FIELD = '数控';
const PHONE = '13905791234';
const ADDRESS = '义乌市苏溪镇小龙人袜业二号车间三楼';
const TITLE = `数控车床主轴异响 ${Date.now() % 100000}`;
const DESCRIPTION = '一台数控车床加工时主轴有周期性异响，转速越高越明显，已更换润滑油仍未改善，希望现场诊断。';

/** A small real PNG (48×48, a red-to-yellow gradient): signature, IHDR, IDAT, IEND. */
function writePng(file: string) {
  const w = 48;
  const h = 48;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      raw[row + 1 + x * 3] = 200;
      raw[row + 2 + x * 3] = Math.round((x / w) * 200);
      raw[row + 3 + x * 3] = Math.round((y / h) * 60);
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  fs.writeFileSync(file, png);
}

/** Which way the grab went on one phone: the card's result, or (winner) the task page it opened. */
async function grabOutcome(page: Page): Promise<'won' | 'lost' | 'other' | null> {
  if (page.url().includes('/packages/task/detail/')) return 'won';
  if ((await page.locator('.grab-result--won').count()) > 0) return 'won';
  if ((await page.locator('.grab-result--lost').count()) > 0) return 'lost';
  if ((await page.locator('.grab-result--denied, .grab-result--error').count()) > 0) return 'other';
  return null;
}

describe('need → pool → grab race in the H5 build', () => {
  let server: RealServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tmpDir: string;

  beforeAll(async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-need-grab-'));
    server = await startRealServer();
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('posts a need with a photo, two technicians grab it at once, exactly one wins', async () => {
    const base = server.url;
    const photo = path.join(tmpDir, 'spindle.png');
    writePng(photo);

    const [entCtx, aCtx, bCtx] = await Promise.all([phoneContext(browser), phoneContext(browser), phoneContext(browser)]);
    contexts.push(entCtx, aCtx, bCtx);
    const ent = await entCtx.newPage();
    const a = await aCtx.newPage();
    const b = await bCtx.newPage();
    const errors: string[] = [];
    for (const p of [ent, a, b]) p.on('pageerror', (e) => errors.push(e.message));

    // ---- the enterprise posts the need ----
    await devLogin(ent, base, ENTERPRISE);
    await ent.goto(`${base}/#/packages/order/need/index`);
    const title = ent.locator('.need-title input');
    await title.waitFor({ timeout: 60_000 });
    await title.fill(TITLE);
    await ent.locator('.field-choices .choice', { hasText: FIELD }).first().click();
    await expect.poll(() => ent.locator('.field-choices .choice--on').innerText()).toBe(FIELD);
    await ent.locator('.need-description textarea').fill(DESCRIPTION);

    // Taro.chooseImage on h5 clicks a hidden <input type=file>: answer its file chooser.
    const [chooser] = await Promise.all([ent.waitForEvent('filechooser', { timeout: 20_000 }), ent.locator('.photo-field__add').click()]);
    await chooser.setFiles(photo);
    // Uploaded (POST /api/upload): the thumbnail shows the server's /uploads/ url.
    await expect
      .poll(() => ent.locator('.photo-field__photo img').first().getAttribute('src').catch(() => null), { timeout: 30_000 })
      .toMatch(/\/uploads\/[0-9a-f]{64}\.png$/);

    await ent.locator('.urgency-choices .choice', { hasText: /^紧急$/ }).click();
    await expect.poll(() => ent.locator('.urgency-choices .choice--on').innerText()).toBe('紧急');
    await ent.locator('.duration-choices .choice', { hasText: '2 小时' }).click();
    // A day about ten days out, 14:00 — far from the 24 h notice and from anything in the demo data.
    const day = ent.locator('.open-time .slot-day').nth(9);
    await day.click();
    await expect.poll(() => day.getAttribute('class')).toContain('slot-day--on');
    const clock = ent.locator('.slot-start', { hasText: '14:00' });
    await clock.click();
    await expect.poll(() => clock.getAttribute('class')).toContain('slot-start--on');
    await ent.locator('.venue-choices .choice', { hasText: '企业' }).first().click();
    await ent.locator('.venue-address input').fill(ADDRESS);
    await ent.locator('.phone-input input').fill(PHONE);
    expect(await ent.locator('.form-field--error').count()).toBe(0);

    // The whole form in one picture: Taro scrolls the page element, not the document, so grow the
    // viewport to the page's height for the shot (fullPage would capture one screen).
    const fullHeight = await ent.locator('.taro_page_show').evaluate((el) => {
      el.scrollTop = 0;
      return el.scrollHeight;
    });
    await ent.setViewportSize({ width: 375, height: fullHeight });
    await settled(ent, '.need-next');
    await ent.screenshot({ path: screenshotPath('need-form.png') });
    await ent.setViewportSize({ width: 375, height: 812 });

    await ent.locator('.need-next').click();
    const confirm = ent.locator('.need-confirm');
    await confirm.waitFor({ timeout: 10_000 });
    const confirmText = await confirm.innerText();
    expect(confirmText).toContain(TITLE);
    // The photo is shown as a thumbnail, not counted in words.
    expect(await confirm.locator('.confirm-photos .photo-thumbs__item').count()).toBe(1);
    expect(confirmText).toContain(PHONE);
    await ent.locator('.need-submit').click();

    // The need's page: pending, in the pool, with the photo from the server.
    await ent.waitForURL(/packages\/order\/detail\/index\?id=/, { timeout: 30_000 });
    const status = ent.locator('.order-head__status');
    await status.waitFor({ timeout: 30_000 });
    await expect.poll(() => status.innerText()).toBe('待接单');
    expect(await ent.locator('.order-head__title').innerText()).toContain(TITLE);
    const shot = ent.locator('.order-need .photos__img').first();
    await shot.scrollIntoViewIfNeeded(); // lazyLoad: the <img> gets its src when on screen
    await expect.poll(() => shot.locator('img').getAttribute('src').catch(() => null), { timeout: 20_000 }).toContain('/uploads/');
    await expect.poll(() => shot.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(48);
    const orderId = new URL(ent.url().replace('/#/', '/')).searchParams.get('id');
    expect(orderId).toBeTruthy();

    // ---- both technicians open their pool and see it ----
    const openPool = async (page: Page, name: string) => {
      await devLogin(page, base, name);
      await page.goto(`${base}/#/pages/tasks/index`);
      await page.locator('.task-seg__item--pool').click({ timeout: 30_000 });
      await page.locator('.pool-filter--field .filter-chips__item', { hasText: new RegExp(`^${FIELD}$`) }).click();
      const card = page.locator('.pool-card', { hasText: TITLE });
      await card.waitFor({ timeout: 30_000 });
      return card;
    };
    const [cardA, cardB] = await Promise.all([openPool(a, TECHS[0]), openPool(b, TECHS[1])]);
    for (const card of [cardA, cardB]) {
      const text = await card.innerText();
      expect(text).toContain('紧急');
      expect(text).toContain(FIELD);
      expect(text).toContain('电话与详细地址：接单后可见');
      expect(text).not.toContain(PHONE);
      expect(await card.getAttribute('data-id')).toBe(orderId);
    }
    await settled(a, '.pool-card');
    await a.screenshot({ path: screenshotPath('pool.png') });

    // ---- the race: both tap 抢单 at once ----
    await Promise.all([cardA.locator('.grab-btn').click(), cardB.locator('.grab-btn').click()]);
    let outcomes: (string | null)[] = [];
    await expect
      .poll(async () => (outcomes = await Promise.all([grabOutcome(a), grabOutcome(b)])).every((o) => o != null), { timeout: 30_000 })
      .toBe(true);
    expect([...outcomes].sort()).toEqual(['lost', 'won']);
    const [winner, loser, winnerName] = outcomes[0] === 'won' ? [a, b, TECHS[0]] : [b, a, TECHS[1]];

    const lost = loser.locator('.pool-card', { hasText: TITLE }).locator('.grab-result--lost');
    expect(await lost.innerText()).toContain('已被其他志愿者接单');
    expect(await loser.locator('.pool-card', { hasText: TITLE }).locator('.grab-btn').count()).toBe(0);

    // The winner's phone opens the task: accepted, and now the phone and address are shown.
    await winner.waitForURL(/packages\/task\/detail\/index\?id=/, { timeout: 20_000 });
    await expect.poll(() => winner.locator('.task-detail__status').innerText().catch(() => ''), { timeout: 20_000 }).toBe('已接单');
    expect(await winner.locator('.detail__hero-title').innerText()).toContain(TITLE);
    expect(await winner.locator('.task-facts__phone').innerText()).toContain(PHONE);
    expect(await winner.locator('.task-facts__venue').innerText()).toContain(ADDRESS);

    // The enterprise sees who took it.
    await ent.reload();
    await expect.poll(() => ent.locator('.order-head__status').innerText().catch(() => ''), { timeout: 20_000 }).toBe('已接单');
    expect(await ent.locator('.order-facts').innerText()).toContain(winnerName);

    // ---- the technicians' team page ----
    const res = await fetch(`${base}/api/catalog`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'teams', data: { pageSize: 100 } }),
    });
    const teams = (await res.json()) as { ok: boolean; data: { items: { id: string; name: string }[] } };
    const team = teams.data.items.find((t) => t.name === TEAM);
    expect(team).toBeTruthy();
    await ent.goto(`${base}/#/packages/menu/team/index?id=${encodeURIComponent(team!.id)}`);
    await ent.locator('.team-name').waitFor({ timeout: 30_000 });
    expect(await ent.locator('.team-name').innerText()).toBe(TEAM);
    const members = await ent.locator('.team-page').innerText();
    for (const name of TECHS) expect(members).toContain(name);
    await settled(ent, '.team-name');
    await ent.screenshot({ path: screenshotPath('team.png') });

    expect(errors).toEqual([]);
  });
});
