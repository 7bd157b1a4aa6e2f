import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sql } from 'kysely';
import pg from 'pg';
import { expect } from '../helpers/expect';
import type { Order } from '../../cloud/contract';
import { bookableLecture, createWorkers, lectureInput, type Session } from '../helpers/actors';
import { openDatabase } from '../../cloud/db/engine';
import { createTestDatabase, TEST_DATABASE_URL, type EngineName, type TestDatabase } from '../helpers/db';
import { createTechnicians, postNeed } from '../helpers/needs';
import { enterpriseSession } from '../helpers/races';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The write path of issue 14: a booking is the caller's read (which the sign-in check makes
 * anyway) and one statement; a grab adds one read of the order; a tap on a taken need ends there.
 * The menu those writes read from memory is checked by the write itself, so an edit made a moment
 * before is honoured. Statements are counted on the pg client every query goes through.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];

// Patched before any connection opens: the pool's guard binds each client's query when it connects.
let counting: string[] | null = null;
/** The names of the named (prepared) statements sent, in order, while `counting`. */
let naming: string[] = [];
const realQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string; name?: string };
  counting?.push((typeof first === 'string' ? first : first?.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 600));
  if (counting && typeof first === 'object' && first?.name) naming.push(first.name);
  return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  counting = statements;
  naming = [];
  try {
    return { result: await work(), statements };
  } finally {
    counting = null;
  }
}

describe.each(ENGINES)('the write path on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    [worker] = await createWorkers(server, 1, '写路径职工');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Two bookings of one speaker on one day: the first fills the menu memory. */
  async function twoSlots() {
    const { topic, speaker, profile, duration } = await bookableLecture(server);
    const span = duration * 60_000;
    const slot = profile.freeSlots.find((s) => new Date(s.end).getTime() - new Date(s.start).getTime() >= 3 * span)!;
    const at = (k: number) => new Date(new Date(slot.start).getTime() + k * span).toISOString();
    return { topic, speaker, duration, at };
  }

  it('order.create is one statement (the caller from memory, checked by it), which writes the order, its timeline, inbox and subscribe messages', async () => {
    const { topic, speaker, duration, at } = await twoSlots();
    okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration)));
    const { result, statements } = await statementsOf(() => worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(1), duration)));
    const order = okData(result);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^WITH o AS \(INSERT INTO orders/);

    const db = database.db;
    const events = await db.selectFrom('order_events').select(['id', 'to_status', 'by_user_id']).where('order_id', '=', order.id).execute();
    expect(events).toEqual([{ id: expect.any(String), to_status: 'pending', by_user_id: worker.userId }]);
    const speakerUser = await db.selectFrom('volunteers').select('user_id').where('id', '=', speaker.id).executeTakeFirstOrThrow();
    const inbox = await db.selectFrom('inbox_messages').select(['user_id', 'title', 'body']).where('order_id', '=', order.id).execute();
    expect(inbox).toEqual([{ user_id: speakerUser.user_id, title: '新的宣讲预约', body: expect.stringContaining(`「${topic.title}」`) }]);
    const outbox = await db.selectFrom('outbox').select(['user_id', 'event', 'kind', 'payload']).where('order_id', '=', order.id).execute();
    expect(outbox).toEqual([{
      user_id: speakerUser.user_id, event: `e${events[0].id}`, kind: 'newOrder',
      payload: expect.objectContaining({ orderId: order.id, page: `packages/task/detail/index?id=${order.id}`, title: topic.title }),
    }]);
  });

  it('the order write goes out as a named prepared statement, the same name each time', async () => {
    const { topic, speaker, duration, at } = await twoSlots();
    okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration)));
    const first = await statementsOf(() => worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(1), duration)));
    okData(first.result);
    const names = [...naming];
    expect(names).toHaveLength(1);
    await statementsOf(() => worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(2), duration)));
    expect(naming).toEqual(names);
  });

  if (engine === 'postgres') {
    it.each([true, false])('preparedStatements %s: the one server session holds the named statements, parsed once (off, as behind PgBouncer 1.18: none)', async (prepared) => {
      const other = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema: database.schema, poolSize: 1, preparedStatements: prepared });
      const single = await createTestServer(other);
      try {
        const [w] = await createWorkers(single, 1, `预备${prepared}职工`);
        const { topic, speaker, duration, at } = await twoSlots();
        okData(await w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration)));
        const booked = await statementsOf(() => w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(1), duration)));
        expect(okData(booked.result).status).toBe('pending');
        expect(naming).toHaveLength(prepared ? 1 : 0);
        const held = await sql<{ name: string; statement: string }>`SELECT name, statement FROM pg_prepared_statements`.execute(other.db);
        if (prepared) {
          expect(held.rows.map((r) => r.name)).toEqual(expect.arrayContaining(naming));
          // One per shape: the first booking's caller was read (no check), the second's remembered.
          expect(held.rows.filter((r) => /WITH o AS \(INSERT INTO orders/.test(r.statement)).length).toBeGreaterThanOrEqual(1);
        } else {
          expect(held.rows).toEqual([]);
        }
      } finally {
        await single.close();
        await other.close();
      }
    });
  }

  it('a speaker taken off the topic, or a day blocked, a moment after the menu was read is honoured', async () => {
    const { topic, speaker, duration, at } = await twoSlots();
    okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration)));
    const db = database.db;
    const day = new Date(new Date(at(1)).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await db.insertInto('volunteer_blocked_days').values({ volunteer_id: speaker.id, day }).execute();
    const blocked = await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(1), duration));
    expect(blocked.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { start: '志愿者当天不可预约，请另选日期' } } });
    await db.deleteFrom('volunteer_blocked_days').where('volunteer_id', '=', speaker.id).where('day', '=', day).execute();

    await db.deleteFrom('topic_volunteers').where('topic_id', '=', topic.id).where('volunteer_id', '=', speaker.id).execute();
    const gone = await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(1), duration));
    expect(gone.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { volunteerId: '该宣讲人不讲授此主题' } } });
    await db.insertInto('topic_volunteers').values({ topic_id: topic.id, volunteer_id: speaker.id }).execute();
  });

  it('task.grab: a read of the order (its row only while open) and one statement, both checking the caller from memory; a tap on a need seen taken is one peek', async () => {
    const enterprise = await enterpriseSession(server);
    const [a, b] = await createTechnicians(server, 2, '写路径', `写路径${engine}`);
    const need = await postNeed(enterprise, { field: '写路径' });
    // Any signed-in call reads the caller; from then on the grab takes it from memory.
    for (const t of [a, b]) okData(await t.call('task', 'pool', {}));
    const won = await statementsOf(() => a.call<Order>('task', 'grab', { id: need.id }));
    expect(okData(won.result)).toMatchObject({ status: 'accepted', volunteerId: a.volunteerId });
    expect(won.statements).toHaveLength(2);
    expect(won.statements[0]).toMatch(/^SELECT f\.\*, /);
    expect(won.statements[1]).toMatch(/^WITH o AS \(UPDATE orders/);
    // This process saw it taken: the next tap is answered by a peek at its status.
    const lost = await statementsOf(() => b.call<Order>('task', 'grab', { id: need.id }));
    expect(lost.result.body).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '已被其他志愿者接单' } });
    expect(lost.statements).toHaveLength(1);
    expect(lost.statements[0]).toMatch(/^SELECT o\.status, /);

    const told = await database.db.selectFrom('inbox_messages').select(['user_id', 'title']).where('order_id', '=', need.id).where('title', '=', '志愿者已接单').execute();
    expect(told).toEqual([{ user_id: enterprise.userId, title: '志愿者已接单' }]);
  });

  describe('the rush memory (orders read for a grab) is a hint the statement checks', () => {
    it('twenty technicians tapping one need at once: one winner, nineteen CONFLICT, one read, one write and a peek per loser', async () => {
      const enterprise = await enterpriseSession(server);
      const techs = await createTechnicians(server, 20, '同抢', `同抢${engine}`);
      for (const t of techs) okData(await t.call('task', 'pool', {}));
      const need = await postNeed(enterprise, { field: '同抢' });
      const { result, statements } = await statementsOf(() => Promise.all(techs.map((t) => t.call<Order>('task', 'grab', { id: need.id }))));
      const won = result.filter((r) => r.body.ok);
      expect(won).toHaveLength(1);
      expect(result.filter((r) => !r.body.ok).map((r) => r.body)).toEqual(Array(19).fill(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })));
      expect(statements.filter((q) => /^SELECT f\.\*, /.test(q))).toHaveLength(1);
      expect(statements.filter((q) => /^WITH o AS \(UPDATE orders/.test(q))).toHaveLength(1);
      expect(statements.filter((q) => /^SELECT o\.status, /.test(q))).toHaveLength(19);
      const row = await database.db.selectFrom('orders').select(['status', 'volunteer_id']).where('id', '=', need.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'accepted', volunteer_id: (won[0].body as { data: Order }).data.volunteerId });
    });

    it('a need changed by another client after it was read (its title): the grab reads it again and tells the requester the new title', async () => {
      const enterprise = await enterpriseSession(server);
      const [outsider] = await createTechnicians(server, 1, '别的领域', `旁观${engine}`);
      const [t] = await createTechnicians(server, 1, '改题', `改题${engine}`);
      for (const s of [outsider, t]) okData(await s.call('task', 'pool', {}));
      const need = await postNeed(enterprise, { field: '改题', title: '旧的需求标题' });
      // The outsider's tap reads the open need (then is refused): this process remembers its row.
      expect((await outsider.call<Order>('task', 'grab', { id: need.id })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await sql`UPDATE orders SET title = ${'新的需求标题'} WHERE id = ${need.id}`.execute(database.db);
      const { result, statements } = await statementsOf(() => t.call<Order>('task', 'grab', { id: need.id }));
      expect(okData(result)).toMatchObject({ status: 'accepted', title: '新的需求标题' });
      // The write on the remembered row matched nothing, a fresh read, the write.
      expect(statements.map((q) => q.slice(0, 20))).toEqual([expect.stringMatching(/^WITH o AS \(UPDATE/), expect.stringMatching(/^SELECT f\.\*, /), expect.stringMatching(/^WITH o AS \(UPDATE/)]);
      const told = await database.db.selectFrom('inbox_messages').select('body').where('order_id', '=', need.id).where('title', '=', '志愿者已接单').execute();
      expect(told).toEqual([{ body: expect.stringContaining('「新的需求标题」') }]);
    });

    it('a requester renamed by another client after the need was read: the write refuses the remembered names and goes again', async () => {
      const enterprise = await enterpriseSession(server);
      const [outsider] = await createTechnicians(server, 1, '别的领域', `旁观改名${engine}`);
      const [t] = await createTechnicians(server, 1, '改名', `改名${engine}`);
      for (const s of [outsider, t]) okData(await s.call('task', 'pool', {}));
      const need = await postNeed(enterprise, { field: '改名' });
      expect((await outsider.call<Order>('task', 'grab', { id: need.id })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const before = await database.db.selectFrom('users').select('company').where('id', '=', enterprise.userId).executeTakeFirstOrThrow();
      await sql`UPDATE users SET company = ${'改名后的企业'} WHERE id = ${enterprise.userId}`.execute(database.db);
      try {
        const { result, statements } = await statementsOf(() => t.call<Order>('task', 'grab', { id: need.id }));
        expect(okData(result).status).toBe('accepted');
        expect(statements).toHaveLength(3);
      } finally {
        await sql`UPDATE users SET company = ${before.company} WHERE id = ${enterprise.userId}`.execute(database.db);
      }
    });

    it('a need seen taken that is open again (reopened by another client) can be grabbed', async () => {
      const enterprise = await enterpriseSession(server);
      const [a, b] = await createTechnicians(server, 2, '重开', `重开${engine}`);
      for (const s of [a, b]) okData(await s.call('task', 'pool', {}));
      const need = await postNeed(enterprise, { field: '重开' });
      okData(await a.call<Order>('task', 'grab', { id: need.id }));
      await sql`UPDATE orders SET status = 'pending', volunteer_id = NULL, accepted_at = NULL WHERE id = ${need.id}`.execute(database.db);
      expect(okData(await b.call<Order>('task', 'grab', { id: need.id }))).toMatchObject({ status: 'accepted', volunteerId: b.volunteerId });
    });
  });

  describe('the caller from memory is never trusted past a change of its row', () => {
    it('a logout everywhere (token version) made by another client before a booking: UNAUTHENTICATED, nothing written', async () => {
      const [w] = await createWorkers(server, 1, '注销职工');
      okData(await w.call('order', 'mine', {}));
      const { topic, speaker, duration, at } = await twoSlots();
      await sql`UPDATE users SET token_version = token_version + 1 WHERE id = ${w.userId}`.execute(database.db);
      const res = await w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration));
      expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const rows = await database.db.selectFrom('orders').select('id').where('requester_id', '=', w.userId).execute();
      expect(rows).toEqual([]);
    });

    it('a rename made by another client a moment before a booking: the order is made, and the speaker is told the new name', async () => {
      const [w] = await createWorkers(server, 1, '改名前职工');
      okData(await w.call('order', 'mine', {}));
      const { topic, speaker, duration, at } = await twoSlots();
      await sql`UPDATE users SET name = ${'改名后职工'} WHERE id = ${w.userId}`.execute(database.db);
      const order = okData(await w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, at(0), duration)));
      const inbox = await database.db.selectFrom('inbox_messages').select('body').where('order_id', '=', order.id).execute();
      expect(inbox).toHaveLength(1);
      expect(inbox[0].body).toContain('改名后职工');
      expect(inbox[0].body).not.toContain('改名前职工');
    });

    it('a technician whose skills no longer fit, changed by another client, cannot grab; one whose skills now fit can', async () => {
      const enterprise = await enterpriseSession(server);
      const [t] = await createTechnicians(server, 1, '技能变更', `技能变更${engine}`);
      okData(await t.call('task', 'pool', {}));
      const need = await postNeed(enterprise, { field: '技能变更' });
      const before = await database.db.selectFrom('volunteers').select('skills').where('id', '=', t.volunteerId!).executeTakeFirstOrThrow();
      await sql`UPDATE volunteers SET skills = ${['别的领域']} WHERE id = ${t.volunteerId}`.execute(database.db);
      const refused = await t.call<Order>('task', 'grab', { id: need.id });
      expect(refused.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await database.db.selectFrom('orders').select('status').where('id', '=', need.id).executeTakeFirstOrThrow()).status).toBe('pending');
      await sql`UPDATE volunteers SET skills = ${before.skills} WHERE id = ${t.volunteerId}`.execute(database.db);
      expect(okData(await t.call<Order>('task', 'grab', { id: need.id }))).toMatchObject({ status: 'accepted', volunteerId: t.volunteerId });
    });
  });
});
