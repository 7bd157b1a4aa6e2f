import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { devLogin, launchBrowser, phoneContext, screenshotPath, settled, startRealServer, type RealServer } from '../helpers/browser';
import { BROWSER_HOOK_TIMEOUT as HOOK_TIMEOUT } from '../jest/timeouts';

const SPEAKER = '孔胜东';
const REQUESTER = '王海涛'; // 临安华力摩擦材料有限公司 职工
const ADDRESS = '杭州市临安区青山湖街道 华力摩擦材料有限公司 三楼报告厅';
const PHONE = '13900001234';
const SUMMARY = '讲了扎根公交岗位、为乘客服务的故事，职工反响热烈，现场互动提问十余个。';
const COMMENT = '讲得生动实在，职工们很受触动，感谢孔师傅！';

async function api<T>(base: string, fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

/** The session token the app saved in local storage (zustand persist over Taro storage). */
async function storedToken(page: Page): Promise<string> {
  const raw = await page.evaluate(() => localStorage.getItem('lmgj-store'));
  expect(raw, 'the app saved its session in local storage').toBeTruthy();
  // Taro's H5 storage wraps the value as {"data": <value>}; zustand's value is a JSON string.
  let v: unknown = JSON.parse(raw!);
  if (v && typeof v === 'object' && 'data' in v) v = (v as { data: unknown }).data;
  if (typeof v === 'string') v = JSON.parse(v);
  const token = (v as { state?: { token?: string } }).state?.token;
  expect(token).toBeTruthy();
  return token!;
}

/**
 * The restarted server listens on another free port, i.e. another origin with an empty local
 * storage. On a phone the origin stays the same, so carry the saved entries (the session) across.
 */
async function carryStorage(page: Page, from: Record<string, string>, base: string) {
  // Any document of the new origin will do; not the app, which would start without a session.
  await page.goto(`${base}/no-such-page`);
  await page.evaluate((entries) => {
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, from);
}

/**
 * Stops the server and waits until its data directory is free. `RealServer.stop()` signals the
 * `npx` wrapper, which does not pass the signal on to the node process that runs the server (and
 * holds the PGlite lock), so that process is stopped by the pid it wrote into the lock file.
 */
async function stopServer(server: RealServer) {
  await server.stop();
  const lock = path.join(server.dataDir, 'server.pid');
  const pidOf = () => {
    try {
      return Number(fs.readFileSync(lock, 'utf8').trim()) || null;
    } catch {
      return null;
    }
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const pid = pidOf();
  if (pid == null || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * A screenshot of the whole page. Taro's H5 page scrolls inside its own container, so a full-page
 * shot is only the viewport: make the viewport as tall as the page for the shot.
 */
async function wholePage(page: Page, root: string, file: string) {
  const height = await page.locator(root).first().evaluate((el) => Math.ceil(el.scrollHeight));
  const vp = page.viewportSize()!;
  await page.setViewportSize({ width: vp.width, height: Math.max(vp.height, height + 60) });
  // Back to the top, whichever ancestor holds the scroll.
  await page.locator(root).first().evaluate((el) => {
    for (let n: Element | null = el; n; n = n.parentElement) n.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(300);
  await settled(page, root);
  await page.screenshot({ path: screenshotPath(file), fullPage: true });
  await page.setViewportSize(vp);
}

const dumpStorage = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k)!;
    }
    return out;
  });

/** Types into a Taro Input/Textarea (a custom element around the native field). */
async function type(page: Page, selector: string, text: string) {
  const field = page.locator(`${selector} input, ${selector} textarea, input${selector}, textarea${selector}`).first();
  await field.click();
  await field.fill(text);
  await expect.poll(() => field.inputValue()).toBe(text);
}

describe('lecture loop in the H5 build: book → accept → (restart, clock ahead) check in → record → rate', () => {
  let dataDir: string;
  let server: RealServer | undefined;
  let browser: Browser;
  let requesterCtx: BrowserContext;
  let speakerCtx: BrowserContext;
  const errors: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-lecture-loop-'));
    server = await startRealServer({ dataDir });
    browser = await launchBrowser();
    requesterCtx = await phoneContext(browser);
    speakerCtx = await phoneContext(browser);
    // On site in 临安: the check-in may carry a position.
    await speakerCtx.grantPermissions(['geolocation']);
    await speakerCtx.setGeolocation({ latitude: 30.2336, longitude: 119.7247 });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await requesterCtx?.close().catch(() => undefined);
    await speakerCtx?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, HOOK_TIMEOUT);

  it('a worker books 孔胜东, he accepts, checks in, records; the worker rates and sees the whole timeline', async () => {
    let base = server!.url;
    const requester = await requesterCtx.newPage();
    const speaker = await speakerCtx.newPage();
    for (const [who, p] of [['requester', requester], ['speaker', speaker]] as const) {
      p.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    }

    // ---- what to book: a topic of the named speaker -------------------------------------------
    const topics = await api<{ items: { id: string; title: string; volunteerIds: string[] }[] }>(base, 'catalog', 'topics', { q: SPEAKER });
    expect(topics.items.length).toBeGreaterThan(0);
    const topicId = topics.items[0]!.id;
    const topic = await api<{ id: string; title: string; durations: number[]; volunteers: { id: string; name: string }[] }>(base, 'catalog', 'topic', { id: topicId });
    const volunteer = topic.volunteers.find((v) => v.name === SPEAKER);
    expect(volunteer, `${SPEAKER} gives 《${topic.title}》`).toBeTruthy();
    const duration = topic.durations.includes(60) ? 60 : topic.durations[0]!;

    // ---- 2. the requester books ------------------------------------------------------------------
    await devLogin(requester, base, REQUESTER);
    await requester.goto(`${base}/#/packages/order/book/index?topicId=${topicId}&volunteerId=${volunteer!.id}`);
    await requester.locator('.book-subject').waitFor({ timeout: 60_000 });
    expect(await requester.locator('.book-subject').innerText()).toContain(topic.title);
    // The named speaker is preselected.
    await expect.poll(() => requester.locator('.volunteer-choices .choice--on').innerText()).toContain(SPEAKER);

    await requester.locator(`.duration-choices .choice[data-value="${duration}"]`).click();
    await expect.poll(() => requester.locator('.duration-choices .choice--on').getAttribute('data-value')).toBe(String(duration));

    // The first free day and its first start, as the page offers them (the seed books some).
    const firstDay = requester.locator('.slot-day:not(.slot-day--more)').first();
    await firstDay.waitFor({ timeout: 30_000 });
    await firstDay.click();
    await expect.poll(() => firstDay.getAttribute('class')).toContain('slot-day--on');
    const firstStart = requester.locator('.slot-start').first();
    await firstStart.waitFor();
    const start = (await firstStart.getAttribute('data-start'))!;
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(Date.parse(start) - Date.now(), '24 h minimum notice').toBeGreaterThanOrEqual(24 * 3600_000 - 60_000);
    await firstStart.click();
    await expect.poll(() => firstStart.getAttribute('class')).toContain('slot-start--on');
    const clock = (await firstStart.locator('.slot-start__clock').innerText()).trim();

    await requester.locator('.venue-choices .choice[data-value="enterprise"]').click();
    await expect.poll(() => requester.locator('.venue-choices .choice--on').getAttribute('data-value')).toBe('enterprise');
    await type(requester, '.venue-address', ADDRESS);
    await type(requester, '.headcount-input', '60');
    await type(requester, '.phone-input', PHONE);

    await settled(requester, '.book-subject');
    await wholePage(requester, '.book-page', 'booking-form.png');

    await requester.locator('.book-next').click();
    const confirm = requester.locator('.book-confirm');
    await confirm.waitFor({ timeout: 10_000 });
    expect(await confirm.locator('.summary__title').innerText()).toContain(topic.title);
    expect(await confirm.locator('.summary__person').innerText()).toContain(SPEAKER);
    expect(await confirm.locator('.summary__time').innerText()).toContain(clock);
    expect(await confirm.locator('.summary__venue').innerText()).toContain(ADDRESS);
    expect(await confirm.innerText()).toContain(PHONE);
    await confirm.locator('.book-submit').click();

    // Lands on the order detail.
    await requester.waitForURL(/packages\/order\/detail\/index\?id=/, { timeout: 20_000 });
    const orderId = new URL(requester.url().replace('/#/', '/')).searchParams.get('id')!;
    expect(orderId).toBeTruthy();
    const status = requester.locator('.order-status .order-head__status');
    await status.waitFor({ timeout: 20_000 });
    expect(await status.innerText()).toBe('待接单');
    expect(await requester.locator('.order-status').innerText()).toContain(`等待${SPEAKER}确认`);
    const timeline = requester.locator('.order-timeline .timeline-item');
    await expect.poll(() => timeline.count()).toBe(1);
    expect(await timeline.first().getAttribute('class')).toContain('timeline-item--pending');
    expect(await timeline.first().innerText()).toContain('提交订单 · 待接单');
    expect(await timeline.first().innerText()).toContain(REQUESTER);

    // The booked start, from the server.
    const requesterToken = await storedToken(requester);
    const order = await api<{ id: string; start: string; status: string }>(base, 'order', 'get', { id: orderId }, requesterToken);
    expect(order.status).toBe('pending');
    expect(Date.parse(order.start)).toBe(Date.parse(start));

    // ---- 3. the speaker accepts --------------------------------------------------------------
    await devLogin(speaker, base, SPEAKER);
    await speaker.locator('.weui-tabbar__item', { hasText: '任务' }).click();
    const card = speaker.locator(`.task-card[data-id="${orderId}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('.task-card__title').innerText()).toBe(topic.title);
    expect(await card.locator('.task-card__status').innerText()).toBe('待接单');
    expect(await card.innerText()).toContain('待您确认接单');
    await card.click();

    const accept = speaker.locator('.task-action--accept');
    await accept.waitFor({ timeout: 30_000 });
    expect(await speaker.locator('.detail__hero-title').innerText()).toBe(topic.title);
    // Before accepting, the named speaker sees the district, not the exact address or the phone.
    const facts = await speaker.locator('.task-facts').innerText();
    expect(facts).not.toContain(ADDRESS);
    expect(facts).not.toContain(PHONE);
    await settled(speaker, '.detail__hero-title');
    await speaker.screenshot({ path: screenshotPath('speaker-task.png') });
    await accept.click();
    await expect.poll(() => speaker.locator('.task-detail__status').innerText(), { timeout: 20_000 }).toBe('已接单');
    // Once the order is theirs, both.
    await expect.poll(() => speaker.locator('.task-facts').innerText(), { timeout: 20_000 }).toContain(ADDRESS);
    expect(await speaker.locator('.task-facts').innerText()).toContain(PHONE);
    // Too early to check in: the page says from when.
    expect(await speaker.locator('.task-action--checkIn').count()).toBe(0);
    expect(await speaker.locator('.checkin-hint').innerText()).toContain('开始前 2 小时可签到');

    // ---- 4. restart on the same data, "now" 10 minutes after the booked end --------------------
    // The speaker forgot to check in on arrival and does it after the lecture, then files the
    // record at once: the walk-through's case that credited 0 hours (issue 11, finding 2).
    const saved = { requester: await dumpStorage(requester), speaker: await dumpStorage(speaker) };
    await stopServer(server!);
    server = undefined;
    const offset = Math.round((Date.parse(order.start) + (duration + 10) * 60_000 - Date.now()) / 60_000);
    expect(offset).toBeGreaterThan(0);
    server = await startRealServer({ dataDir, clockOffsetMinutes: offset });
    base = server.url;
    await carryStorage(requester, saved.requester, base);
    await carryStorage(speaker, saved.speaker, base);

    // ---- 5. the speaker checks in, completes and files the record -----------------------------
    await speaker.goto(`${base}/#/packages/task/detail/index?id=${orderId}`);
    const checkIn = speaker.locator('.task-action--checkIn');
    await checkIn.waitFor({ timeout: 30_000 });
    expect(await speaker.locator('.task-detail__status').innerText()).toBe('已接单');
    await checkIn.click();
    await expect.poll(() => speaker.locator('.task-detail__status').innerText(), { timeout: 20_000 }).toBe('服务中');

    const complete = speaker.locator('.task-action--complete');
    await complete.waitFor({ timeout: 20_000 });
    await complete.click();
    await speaker.locator('.record-form').waitFor({ timeout: 30_000 });
    expect(await speaker.locator('.record-page__title').innerText()).toBe(topic.title);
    // The actual time defaults to the booked one (the check-in came after it), and earns it all.
    expect(await speaker.locator('.actual-start').innerText()).toBe(clock);
    const hours = duration % 60 === 0 ? `${duration / 60} 小时` : duration < 60 ? `${duration} 分钟` : `${Math.floor(duration / 60)} 小时 ${duration % 60} 分钟`;
    expect(await speaker.locator('.actual-times__credit').innerText()).toBe(`计 ${hours}`);
    const statsBefore = await api<{ serviceHours: number }>(base, 'task', 'stats', {}, await storedToken(speaker));
    await type(speaker, '.record-people', '58');
    await type(speaker, '.record-summary', SUMMARY);
    await speaker.locator('.record-submit').click();
    // Back on the task page, which reads the order again.
    await speaker.waitForURL(/packages\/task\/detail\/index/, { timeout: 20_000 });
    await expect.poll(() => speaker.locator('.task-detail__status').innerText(), { timeout: 20_000 }).toBe('已完成');
    expect(await speaker.locator('.task-record').innerText()).toContain('58 人');
    expect(await speaker.locator('.task-record').innerText()).toContain(SUMMARY);
    expect(await speaker.locator('.task-action').count()).toBe(0);
    expect(await speaker.locator('.task-record').innerText()).toContain(clock);
    const statsAfter = await api<{ serviceHours: number }>(base, 'task', 'stats', {}, await storedToken(speaker));
    expect(statsAfter.serviceHours - statsBefore.serviceHours).toBeCloseTo(duration / 60, 1);

    // ---- 6. the requester rates --------------------------------------------------------------
    await requester.goto(`${base}/#/packages/order/detail/index?id=${orderId}`);
    await expect.poll(() => requester.locator('.order-status .order-head__status').innerText(), { timeout: 30_000 }).toBe('已完成');
    expect(await requester.locator('.order-record').innerText()).toContain(SUMMARY);
    await requester.locator('.order-action--rate').click();
    const sheet = requester.locator('.action-sheet--rate');
    await sheet.waitFor({ timeout: 10_000 });
    await sheet.locator('.star-input__star[data-score="5"]').click();
    await expect.poll(() => sheet.locator('.star-input__star--on').count()).toBe(5);
    expect(await sheet.locator('.star-input__word').innerText()).toBe('非常满意');
    await type(requester, '.comment-input', COMMENT);
    await sheet.locator('.action-sheet__submit').click();

    await expect.poll(() => requester.locator('.order-status .order-head__status').innerText(), { timeout: 20_000 }).toBe('已评价');
    await expect.poll(() => requester.locator('.action-sheet--rate').count()).toBe(0);
    expect(await requester.locator('.order-rating').innerText()).toContain(COMMENT);
    expect(await requester.locator('.order-action--rate').count()).toBe(0);

    // The timeline lists newest first: read bottom-up, it is the whole loop in order.
    const steps = requester.locator('.order-timeline .timeline-item .timeline-item__status');
    await expect.poll(() => steps.count()).toBe(5);
    const shown = (await steps.allInnerTexts()).map((s) => s.trim()).reverse();
    expect(shown).toEqual(['待接单', '已接单', '服务中', '已完成', '已评价']);
    const items = await requester.locator('.order-timeline .timeline-item').allInnerTexts();
    expect(items[0]).toContain(REQUESTER); // rated by the requester
    expect(items[items.length - 1]).toContain('提交订单');
    for (const i of [1, 2, 3]) expect(items[i]).toContain(SPEAKER); // accept, check in, record

    await requester.getByText('感谢评价', { exact: true }).waitFor({ state: 'hidden', timeout: 10_000 });
    await settled(requester, '.order-timeline');
    await wholePage(requester, '.order-detail', 'order-timeline.png');

    expect(errors).toEqual([]);
  }, 600_000);
});
