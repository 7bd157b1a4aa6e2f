import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Subscriptions } from '../../cloud/contract';
import { createWorkers, type Session } from '../helpers/actors';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db';
import { startOpenApiStandIn, type OpenApiStandIn, type StandInAnswer } from '../helpers/openapi-standin';
import { bookNamedLecture, outboxOf, TEST_TEMPLATES } from '../helpers/outbox';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const root = path.resolve(__dirname, '../..');
const bundleDir = 'dist/test-cloudfunctions-outbox';
type TimerMain = () => Promise<{ sent: number }>;

/**
 * The bundled `timer` cloud function, loaded as CloudBase loads it, with the real wx-server-sdk
 * calling WeChat's open API — here a recording stand-in of the gateway the SDK talks to
 * (tests/helpers/openapi-standin.ts). Orders are made through the in-process server on the same
 * PostgreSQL schema.
 */
describe('subscribe messages from the bundled CloudBase timer', () => {
  let database: TestDatabase;
  let server: TestServer;
  let standIn: OpenApiStandIn;
  let timer: TimerMain;
  let worker: Session;
  const answers = new Map<string, StandInAnswer>(); // by page
  const saved = { ...process.env };

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'cloud/build/bundle.ts'], { cwd: root, stdio: 'pipe', env: { ...process.env, CLOUD_BUNDLE_DIR: bundleDir } });
    database = await createTestDatabase('postgres', { poolSize: 4 });
    server = await createTestServer(database);
    [worker] = await createWorkers(server, 1, '云端');
    standIn = await startOpenApiStandIn((call) => answers.get(String(call.data.page)) ?? { errcode: 0 });
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema},public`);
    const templates = Object.fromEntries(Object.entries(TEST_TEMPLATES.templates).map(([k, t]) => [k, { id: t!.id, title: t!.title, fields: t!.fields }]));
    Object.assign(process.env, standIn.env, { DATABASE_URL: url.toString(), SUBSCRIBE_TEMPLATES: JSON.stringify(templates), SUBSCRIBE_STATE: 'developer' });
    timer = require(path.join(root, bundleDir, 'timer/index.js')).main;
  });
  afterAll(async () => {
    process.env = saved;
    await standIn?.close();
    await server?.close();
    await database?.close();
    fs.rmSync(path.join(root, bundleDir), { recursive: true, force: true });
  });

  it('the timer has the subscribeMessage.send permission (-604101 without it); the others need none', () => {
    const config = (fn: string) => JSON.parse(fs.readFileSync(path.join(root, bundleDir, fn, 'config.json'), 'utf8'));
    expect(config('timer')).toMatchObject({ permissions: { openapi: ['subscribeMessage.send'] }, timeout: 60 });
    for (const fn of ['order', 'task', 'inbox']) expect(config(fn).permissions.openapi).toEqual([]);
    // The phone button and the mini-program codes of invitations and desktop login.
    expect(config('auth').permissions.openapi).toEqual(['phonenumber.getPhoneNumber', 'wxacode.getUnlimited']);
    expect(config('admin').permissions.openapi).toEqual(['wxacode.getUnlimited']);
  });

  it('sends the accepted template once, with the order page and values within limits; refusals and a missing permission are recorded', async () => {
    const { order, speaker } = await bookNamedLecture(server, worker);
    await database.db.updateTable('users').set({ openid: 'oSPEAKER-openid' }).where('id', '=', speaker.userId).execute();
    okData(await speaker.call<Subscriptions>('inbox', 'subscribe', { kinds: [{ kind: 'newOrder', accepted: true }] }));
    // Queued before the subscription: the timer sends it now.
    expect((await outboxOf(database.db, order.id))[0]).toMatchObject({ kind: 'newOrder', status: 'queued' });

    await timer();
    const page = `packages/task/detail/index?id=${order.id}`;
    const calls = standIn.calls.filter((c) => c.data.page === page);
    expect(calls).toHaveLength(1);
    expect(calls[0].api).toBe('subscribeMessage.send');
    expect(calls[0].data).toMatchObject({ touser: 'oSPEAKER-openid', template_id: 'tmpl-new-order', page, miniprogram_state: 'developer', lang: 'zh_CN' });
    const data = calls[0].data.data as Record<string, { value: string }>;
    expect(Object.keys(data)).toEqual(['thing1', 'time2', 'name3', 'phrase4', 'thing5']);
    expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(20);
    expect(Array.from(data.thing5.value).length).toBeLessThanOrEqual(20);
    expect(data.phrase4.value).toMatch(/^\p{Script=Han}{1,5}$/u);
    expect(data.time2.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);
    expect((await outboxOf(database.db, order.id))[0]).toMatchObject({ status: 'sent', transport: 'wechat', attempts: 1 });

    // The next timer run sends nothing more for it.
    await timer();
    expect(standIn.calls.filter((c) => c.data.page === page)).toHaveLength(1);

    // WeChat says the user has no acceptance left (43101): skipped, our credit count goes to 0.
    const second = await bookNamedLecture(server, worker);
    expect(second.speaker.userId).toBe(speaker.userId);
    okData(await speaker.call('inbox', 'subscribe', { kinds: [{ kind: 'newOrder', accepted: true }] }));
    answers.set(`packages/task/detail/index?id=${second.order.id}`, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await timer();
    expect((await outboxOf(database.db, second.order.id))[0]).toMatchObject({ status: 'skipped', last_error: expect.stringContaining('43101') });
    expect(okData(await speaker.call<Subscriptions>('inbox', 'subscriptions')).kinds.find((k) => k.kind === 'newOrder')!.credits).toBe(0);

    // A function deployed without the permission (-604101): failed at once, visible, not retried.
    const third = await bookNamedLecture(server, worker);
    okData(await speaker.call('inbox', 'subscribe', { kinds: [{ kind: 'newOrder', accepted: true }] }));
    answers.set(`packages/task/detail/index?id=${third.order.id}`, { platformError: -604101 });
    await timer();
    expect((await outboxOf(database.db, third.order.id))[0]).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('-604101') });
  });
});
