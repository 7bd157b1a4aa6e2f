import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { InboxPage, Order, OutboxPage, Subscriptions } from '../../cloud/contract';
import { getOrder } from '../../cloud/db/repositories/orders';
import { deliver } from '../../cloud/domain/notify/outbox';
import { drainOutbox, MAX_ATTEMPTS, SKIP_REASONS } from '../../cloud/domain/notify/sender';
import { messages, whenText } from '../../cloud/domain/orders/notify';
import { loadActor, transition } from '../../cloud/domain/orders/transition';
import { createWorkers, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { bookNamedLecture, outboxOf, scriptedTransport, setCredits, TEST_TEMPLATES } from '../helpers/outbox';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const code = (res: { body: { ok: boolean; error?: { code: string } } }) => (res.body.ok ? 'OK' : res.body.error!.code);
const ok = () => ({ ok: true as const });

describe.each<EngineName>(['pglite', 'postgres'])('the outbox (%s)', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;
  let skip = 0;
  const book = () => bookNamedLecture(server, worker, skip++);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    server.services.notify = TEST_TEMPLATES;
    [worker] = await createWorkers(server, 1, '订阅');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('a transition queues its WeChat message next to the inbox message, keyed by its timeline event', async () => {
    const { order, speaker } = await book();
    const [created] = await database.db.selectFrom('order_events').select('id').where('order_id', '=', order.id).execute();
    const rows = await outboxOf(database.db, order.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: `e${created.id}`, user_id: speaker.userId, kind: 'newOrder', status: 'queued', attempts: 0, channel: 'wechat' });
    expect(rows[0].payload).toMatchObject({ page: `packages/task/detail/index?id=${order.id}`, status: '待确认', orderId: order.id, time: new Date(order.start).toISOString() });
    // The inbox message names the order and its time.
    const inbox = okData(await speaker.call<InboxPage>('inbox', 'list')).items.filter((m) => m.orderId === order.id);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].body).toContain(whenText(new Date(order.start)));

    okData(await speaker.call<Order>('task', 'accept', { id: order.id }));
    const after = await outboxOf(database.db, order.id);
    expect(after.map((r) => [r.kind, r.user_id])).toEqual([['newOrder', speaker.userId], ['orderResult', worker.userId]]);
    expect(after[1].payload).toMatchObject({ page: `packages/order/detail/index?id=${order.id}`, status: '已接单' });
  });

  it('a transition that rolls back leaves no outbox row and no inbox message', async () => {
    const { order, speaker } = await book();
    const count = async () => ({
      outbox: (await outboxOf(database.db, order.id)).length,
      inbox: (await database.db.selectFrom('inbox_messages').select('id').where('order_id', '=', order.id).execute()).length,
    });
    const before = await count();
    const actor = await loadActor(database.db, speaker.userId);
    // The real accept step, failing after the messages were written (as a later statement of the
    // same transaction would): all or nothing.
    await expect(
      transition(database.db, new Date(), actor, order.id, 'accept', 'volunteer', (row) => ({
        to: 'accepted',
        patch: { accepted_at: new Date() },
        notify: [messages.accepted(row)],
        after: async () => {
          throw new Error('later statement failed');
        },
      })),
    ).rejects.toThrow('later statement failed');
    expect(await count()).toEqual(before);
    expect((await getOrder(database.db, order.id))!.status).toBe('pending');
  });

  it('the same event is queued once however often it is delivered, also from two transactions at once', async () => {
    const { order, speaker } = await book();
    const row = (await getOrder(database.db, order.id))!;
    const once = () => database.db.transaction().execute((trx) => deliver(trx, row, [messages.newNamed(row, speaker.userId)], new Date(), 'test@1'));
    const told = await Promise.all([once(), once(), once()]);
    expect(told.flat()).toEqual([speaker.userId]);
    expect(await once()).toEqual([]);
    expect((await outboxOf(database.db, order.id)).filter((r) => r.event === 'test@1')).toHaveLength(1);
    const inbox = await database.db.selectFrom('inbox_messages').select('id').where('order_id', '=', order.id).where('user_id', '=', speaker.userId).execute();
    expect(inbox).toHaveLength(2); // the booking's message and this one, each once
  });

  it('sends with one credit once and spends it; without a credit or a template the row is skipped with the reason', async () => {
    const { order: first, speaker } = await book();
    const transport = scriptedTransport(ok);
    const drain = (templates = TEST_TEMPLATES) => drainOutbox(database.db, new Date(), { ...templates, transport });

    // No template for newOrder configured: skipped, and it says why.
    await drain({ ...TEST_TEMPLATES, templates: { ...TEST_TEMPLATES.templates, newOrder: undefined } });
    expect((await outboxOf(database.db, first.id))[0]).toMatchObject({ status: 'skipped', last_error: SKIP_REASONS.noTemplate, attempts: 0 });

    // Configured, but the volunteer never subscribed: skipped.
    const { order: second } = await bookNamedLecture(server, (await createWorkers(server, 1, '二号'))[0], skip++);
    await drain();
    const [noCredit] = await outboxOf(database.db, second.id);
    expect(noCredit).toMatchObject({ status: 'skipped', last_error: SKIP_REASONS.noCredit });

    // One acceptance through the API = one credit: the next message is sent, once, and spends it.
    const subs = okData(await speaker.call<Subscriptions>('inbox', 'subscribe', { kinds: [{ kind: 'newOrder', accepted: true }, { kind: 'reminder', accepted: false }] }));
    expect(subs.kinds.find((k) => k.kind === 'newOrder')).toMatchObject({ credits: 1, templateId: 'tmpl-new-order' });
    const { order: third, speaker: sameSpeaker } = await bookNamedLecture(server, (await createWorkers(server, 1, '三号'))[0], skip - 2);
    expect(sameSpeaker.userId).toBe(speaker.userId);
    const res = await drain();
    expect(res.sent).toBeGreaterThanOrEqual(1);
    const [sent] = await outboxOf(database.db, third.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null, transport: 'wechat' });
    expect(sent.sent_at).not.toBeNull();
    const mine = transport.sent.filter((r) => r.page.endsWith(`id=${third.id}`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ templateId: 'tmpl-new-order', page: `packages/task/detail/index?id=${third.id}`, miniprogramState: 'developer', lang: 'zh_CN' });
    expect(Object.keys(mine[0].data)).toEqual(['thing1', 'time2', 'name3', 'phrase4', 'thing5']);
    expect(mine[0].data.phrase4.value).toBe('待确认');
    expect(Array.from(mine[0].data.thing1.value).length).toBeLessThanOrEqual(20);
    expect(sent.request).toEqual(mine[0]);
    expect(okData(await speaker.call<Subscriptions>('inbox', 'subscriptions')).kinds.find((k) => k.kind === 'newOrder')!.credits).toBe(0);

    // Drained again: nothing more goes out for it.
    await drain();
    expect(transport.sent.filter((r) => r.page.endsWith(`id=${third.id}`))).toHaveLength(1);
  });

  it('a failing send is retried with backoff, then marked failed with its error; 43101 is skipped at once', async () => {
    const { order, speaker } = await book();
    await setCredits(database.db, speaker.userId, 'newOrder', 1);
    const failing = scriptedTransport(() => ({ ok: false, code: -1, message: 'system error' }));
    let t = Date.now();
    const tries: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await drainOutbox(database.db, new Date(t), { ...TEST_TEMPLATES, transport: failing });
      const [row] = await outboxOf(database.db, order.id);
      tries.push(`${row.status}:${row.attempts}`);
      t += 31 * 60_000; // past the longest wait
    }
    expect(tries).toEqual(['queued:1', 'queued:2', 'queued:3', 'failed:4', 'failed:4', 'failed:4']);
    const [failed] = await outboxOf(database.db, order.id);
    expect(failed.last_error).toBe('-1: system error');
    expect(failing.sent.filter((r) => r.page.endsWith(`id=${order.id}`))).toHaveLength(MAX_ATTEMPTS);
    // Nothing was delivered, so the credit is still there.
    expect(okData(await speaker.call<Subscriptions>('inbox', 'subscriptions')).kinds.find((k) => k.kind === 'newOrder')!.credits).toBe(1);

    // The first retry waits: drained again at once, the row is not tried.
    const { order: again } = await bookNamedLecture(server, (await createWorkers(server, 1, '重试'))[0], skip - 1);
    const now = new Date();
    await drainOutbox(database.db, now, { ...TEST_TEMPLATES, transport: failing });
    await drainOutbox(database.db, new Date(now.getTime() + 30_000), { ...TEST_TEMPLATES, transport: failing });
    expect((await outboxOf(database.db, again.id))[0]).toMatchObject({ status: 'queued', attempts: 1 });

    // WeChat says the user has no subscription (43101): skipped, not retried, and our count follows.
    const refused = scriptedTransport(() => ({ ok: false, code: 43101, message: 'user refuse to accept the msg' }));
    await drainOutbox(database.db, new Date(now.getTime() + 2 * 60_000), { ...TEST_TEMPLATES, transport: refused });
    expect((await outboxOf(database.db, again.id))[0]).toMatchObject({ status: 'skipped', attempts: 2, last_error: '43101: user refuse to accept the msg' });
    expect(okData(await speaker.call<Subscriptions>('inbox', 'subscriptions')).kinds.find((k) => k.kind === 'newOrder')!.credits).toBe(0);
  });

  it('admin.outbox lists the messages of orders in scope, the failed one with its error', async () => {
    const { order, speaker } = await book();
    await setCredits(database.db, speaker.userId, 'newOrder', 1);
    const broken = scriptedTransport(() => ({ ok: false, code: 40037, message: 'invalid template_id' }));
    await drainOutbox(database.db, new Date(), { ...TEST_TEMPLATES, transport: broken });
    const orgs = await database.db.selectFrom('orgs').select(['id', 'parent_id']).execute();
    const above = new Set<string>();
    for (let id: string | null = order.orgId; id; id = orgs.find((o) => o.id === id)!.parent_id) above.add(id);
    const admins = await database.db.selectFrom('users').select(['id', 'org_id']).where(sql<boolean>`'admin' = ANY(roles)`).execute();
    const inScope = sessionFor(server, admins.find((a) => a.org_id === order.orgId)!.id);
    const outside = sessionFor(server, admins.find((a) => a.org_id && !above.has(a.org_id))!.id);

    const failed = okData(await inScope.call<OutboxPage>('admin', 'outbox', { status: 'failed', pageSize: 100 }));
    const item = failed.items.find((i) => i.orderId === order.id);
    expect(item).toMatchObject({
      kind: 'newOrder', kindName: '新订单提醒', userId: speaker.userId, status: 'failed', statusName: '发送失败', attempts: 1,
      lastError: '40037: invalid template_id', orderTitle: expect.any(String), userName: expect.any(String),
    });
    expect(item!.at).toMatch(/\+08:00$/);
    expect(failed.items.every((i) => i.status === 'failed')).toBe(true);
    expect(okData(await outside.call<OutboxPage>('admin', 'outbox', { pageSize: 100 })).items.some((i) => i.orderId === order.id)).toBe(false);
    expect(code(await worker.call('admin', 'outbox', {}))).toBe('FORBIDDEN');
    expect(code(await inScope.call('admin', 'outbox', { status: 'lost' }))).toBe('VALIDATION');
  });

  it('inbox.subscribe counts one credit per acceptance, at most 3 kinds a call; inbox.subscriptions names the template ids', async () => {
    const [u] = await createWorkers(server, 1, '订阅者');
    const empty = okData(await u.call<Subscriptions>('inbox', 'subscriptions', {}));
    expect(empty).toEqual({
      maxPerRequest: 3,
      kinds: [
        { kind: 'newOrder', name: '新订单提醒', templateId: 'tmpl-new-order', credits: 0 },
        { kind: 'orderResult', name: '接单结果通知', templateId: 'tmpl-order-result', credits: 0 },
        { kind: 'reminder', name: '服务开始提醒', templateId: 'tmpl-reminder', credits: 0 },
        { kind: 'rateRequest', name: '服务评价提醒', templateId: 'tmpl-rate', credits: 0 },
      ],
    });
    const tap = { kinds: [{ kind: 'orderResult', accepted: true }, { kind: 'reminder', accepted: true }, { kind: 'rateRequest', accepted: false }] };
    okData(await u.call('inbox', 'subscribe', tap));
    const twice = okData(await u.call<Subscriptions>('inbox', 'subscribe', tap));
    expect(Object.fromEntries(twice.kinds.map((k) => [k.kind, k.credits]))).toEqual({ newOrder: 0, orderResult: 2, reminder: 2, rateRequest: 0 });

    const four = { kinds: [...tap.kinds, { kind: 'newOrder', accepted: true }] };
    for (const [input, field] of [
      [four, 'kinds'], [{ kinds: [] }, 'kinds'], [{ kinds: [{ kind: 'spam', accepted: true }] }, 'kinds.0.kind'],
      [{ kinds: [{ kind: 'reminder', accepted: 'yes' }] }, 'kinds.0.accepted'], [{ kinds: [{ kind: 'reminder', accepted: true }, { kind: 'reminder', accepted: true }] }, 'kinds'],
    ] as const) {
      const res = await u.call('inbox', 'subscribe', input);
      expect(code(res), JSON.stringify(input)).toBe('VALIDATION');
      expect(Object.keys((res.body as { error: { fields?: object } }).error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(code(await server.call('inbox', 'subscriptions', {}))).toBe('UNAUTHENTICATED');
  });
});

describe('two server processes draining one PostgreSQL outbox', () => {
  let a: TestDatabase;
  let b: Awaited<ReturnType<typeof import('../../cloud/db/engine').openDatabase>>;
  let server: TestServer;

  beforeAll(async () => {
    a = await createTestDatabase('postgres', { poolSize: 4 });
    const { openDatabase } = await import('../../cloud/db/engine');
    const { TEST_DATABASE_URL } = await import('../helpers/db');
    b = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema: a.schema, poolSize: 4 });
    server = await createTestServer(a);
  });
  afterAll(async () => {
    await server?.close();
    await b?.close();
    await a?.close();
  });

  it('sends each message exactly once, and one credit pays for one message', async () => {
    // 30 recipients with one queued message each and one credit each; 5 of them have a second
    // message of the same kind and still one credit.
    const users = await createWorkers(server, 30, '并发');
    const { order } = await bookNamedLecture(server, users[0]);
    const row = (await getOrder(a.db, order.id))!;
    const now = new Date();
    await a.db.transaction().execute(async (trx) => {
      await deliver(trx, row, users.map((u) => messages.newInPool(row, u.userId)), now, 'load@1');
      await deliver(trx, row, users.slice(0, 5).map((u) => messages.newInPool(row, u.userId)), now, 'load@2');
    });
    for (const u of users) await setCredits(a.db, u.userId, 'newOrder', 1);

    // The "WeChat" of both processes: slow enough that their drains overlap.
    const calls: string[] = [];
    const wechat = scriptedTransport(async (req) => {
      calls.push(req.touser);
      await new Promise((r) => setTimeout(r, 5));
      return { ok: true };
    });
    const [ra, rb] = await Promise.all([
      drainOutbox(a.db, now, { ...TEST_TEMPLATES, transport: wechat }),
      drainOutbox(b.db, now, { ...TEST_TEMPLATES, transport: wechat }),
    ]);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0); // both really took part
    expect(ra.sent + rb.sent).toBe(30);
    expect(calls).toHaveLength(30);
    expect(new Set(calls).size).toBe(30); // each recipient once, though 5 had two messages
    const rows = await outboxOf(a.db, order.id);
    const load = rows.filter((r) => r.event.startsWith('load@'));
    expect(load.filter((r) => r.status === 'sent')).toHaveLength(30);
    expect(load.filter((r) => r.status === 'skipped').map((r) => r.last_error)).toEqual(Array(5).fill(SKIP_REASONS.noCredit));
    const credits = await a.db.selectFrom('subscriptions').select('credits').where('user_id', 'in', users.map((u) => u.userId)).execute();
    expect(credits.every((c) => c.credits === 0)).toBe(true);
  });
});
