import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import pg from 'pg';
import type { Order, Page, Service, TeamDetail, TopicDetail, TopicSummary } from '../../cloud/contract';
import { openDatabase, type Database } from '../../cloud/db/engine';
import { demoData } from '../../cloud/db/seed/data';
import { createTokenSigner } from '../../cloud/domain/auth/tokens';
import { createClock } from '../../cloud/domain/clock';
import type { Services } from '../../cloud/functions/context';
import { UPLOAD_RESPONSE_CSP } from '../../cloud/server/uploads';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer } from '../helpers/actors';
import { startChildServer, type ChildServer } from '../helpers/child-server';
import { TEST_DATABASE_URL } from '../helpers/db';
import { createTechnicians, postNeed } from '../helpers/needs';
import { adminOf } from '../helpers/orgs';
import { setCredits, TEST_TEMPLATES } from '../helpers/outbox';
import { okData, type TestServer } from '../helpers/server';

/**
 * What a union runs when one process is not enough: three real server processes (`npm start`'s
 * entry, each with its own pool, memory and data directory) on one PostgreSQL schema. Races stay
 * exact across them, timer work ticked by all three at the same moment is done once, a photo
 * uploaded through one is served by the others, and a menu edit through one is on the next call
 * to another.
 */
const SECRET = 'multi-process-secret-multi-process-secret';
const PROCESSES = 3;
const RACERS = 45;
/** Statistics deltas waiting to be folded when the three tick. */
const BACKLOG = 100_000;

const tally = (results: { body: { ok: boolean; error?: { code: string } } }[]) =>
  results.reduce<Record<string, number>>((acc, r) => {
    const k = r.body.ok ? 'OK' : r.body.error!.code;
    acc[k] = (acc[k] ?? 0) + 1;
    return acc;
  }, {});

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('three server processes on one PostgreSQL', () => {
  let database: Database;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let services: Services;
  let procs: ChildServer[] = [];
  const dataDirs = Array.from({ length: PROCESSES }, () => fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-mp-')));

  /** The helpers' TestServer over real HTTP: every call goes to the next process in turn. */
  const spread = (targets: ChildServer[]): TestServer => {
    let next = 0;
    return {
      services,
      call: (fn: string, action: string, data?: unknown, token?: string) => targets[next++ % targets.length].call(fn, action, data, token, 60_000),
    } as unknown as TestServer;
  };
  const ticks = (p: ChildServer) => p.log().split('定时任务已执行（SIGUSR2）').length - 1;

  beforeAll(async () => {
    // An empty schema: the three start together and race to migrate and seed it.
    await adminQuery(`CREATE SCHEMA ${schema}`);
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    procs = await Promise.all(
      dataDirs.map((dataDir) =>
        startChildServer({
          dataDir,
          databaseUrl: url.toString(),
          skipH5Build: true,
          startTimeoutMs: 60_000,
          env: {
            // One secret for all: a token signed for one process is good at every other.
            SESSION_SECRET: SECRET,
            RATE_LIMITS: 'off',
            REQUEST_DEADLINE_MS: '60000',
            SUBSCRIBE_TEMPLATES: JSON.stringify(TEST_TEMPLATES.templates),
            SUBSCRIBE_STATE: 'developer',
          },
        }),
      ),
    );
    database = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema, poolSize: 4 });
    services = { db: database.db, clock: createClock(0), tokens: createTokenSigner(SECRET), devMode: true };
  }, 120_000);

  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await database?.close();
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('started together on an empty schema, each migration is applied once and one seeds', async () => {
    // Each process applies the files it finds unapplied under the lock: together, every file once.
    const migrated = procs.map((p) => Number(/迁移 (\d+) 个/.exec(p.log())?.[1]));
    const files = fs.readdirSync(path.join(__dirname, '../../cloud/db/migrations')).filter((f) => f.endsWith('.sql')).sort();
    expect(migrated.reduce((a, b) => a + b, 0)).toBe(files.length);
    const applied = await database.db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
    expect(applied.map((r) => r.name)).toEqual(files);
    expect(procs.filter((p) => p.log().includes('已载入演示数据'))).toHaveLength(1);
    const orgs = await database.db.selectFrom('orgs').select('id').execute();
    expect(orgs).toHaveLength(demoData.orgs.length);
  });

  let booked: Order;
  let speakerUserId: string;
  let grabbed: Order;
  let enterpriseId: string;

  it(`${RACERS} bookings of one speaker's slot spread over the three: exactly one wins`, async () => {
    const all = spread(procs);
    const { topic, speaker, slot, duration } = await bookableLecture(all);
    const workers = await createWorkers(all, RACERS, '多进程抢订');
    const startMs = new Date(slot.start).getTime();
    const results = await Promise.all(
      workers.map((w, i) => w.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, new Date(startMs + (i % 3) * 60_000).toISOString(), duration))),
    );
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: RACERS - 1 });
    const live = await database.db.selectFrom('orders').select('id').where('volunteer_id', '=', speaker.id).where('status', '=', 'pending').execute();
    expect(live).toHaveLength(1);
    booked = okData(results.find((r) => r.body.ok)!);
    speakerUserId = await userIdOfVolunteer(all, speaker.id);
  });

  it(`${RACERS} technicians spread over the three grab one need: exactly one winner`, async () => {
    const all = spread(procs);
    const ent = await database.db.selectFrom('users').select('id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const techs = await createTechnicians(all, RACERS, '焊接', '多进程');
    enterpriseId = ent.id;
    const need = await postNeed(sessionFor(all, ent.id));
    const results = await Promise.all(techs.map((t) => t.call<Order>('task', 'grab', { id: need.id })));
    expect(tally(results)).toEqual({ OK: 1, CONFLICT: RACERS - 1 });
    const events = await database.db.selectFrom('order_events').select('to_status').where('order_id', '=', need.id).where('to_status', '=', 'accepted').execute();
    expect(events).toHaveLength(1);
    grabbed = need;
  });

  it('timer work ticked by all three at the same moment is done once', async () => {
    // The booked order is past its SLA; its 新订单 message to the speaker is queued, and the
    // speaker has 5 one-time subscriptions: one send spends one.
    await sql`UPDATE orders SET pending_since = now() - interval '25 hours' WHERE id = ${booked.id}`.execute(database.db);
    await setCredits(database.db, speakerUserId, 'newOrder', 5);
    const pushed = await database.db.selectFrom('outbox').select(['id', 'status']).where('order_id', '=', booked.id).where('user_id', '=', speakerUserId).execute();
    expect(pushed).toEqual([expect.objectContaining({ status: 'queued' })]);
    const deltasBefore = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_deltas`.execute(database.db);
    expect(deltasBefore.rows[0].n).toBeGreaterThan(0);
    // A backlog of deltas (one order each in the 'all' dimension), so the three folds take long
    // enough to overlap: a fold that read the backlog and deleted it apart would count it twice.
    await sql`INSERT INTO stats_deltas (day, org_id, dim, key, total, lectures, services, needs_collected, needs_resolved, people, minutes, rating_sum, rating_n)
      SELECT current_date, (SELECT min(id) FROM orgs), 'all', '', 1, 0, 0, 0, 0, 0, 0, 0, 0 FROM generate_series(1, ${BACKLOG}::int)`.execute(database.db);

    // The grabbed need now starts in 23 hours (accepted well before): its 24-hour reminder is due.
    await sql`UPDATE orders SET accepted_at = now() - interval '2 hours',
      during = tstzrange(date_trunc('minute', now()) + interval '23 hours', date_trunc('minute', now()) + interval '25 hours')
      WHERE id = ${grabbed.id}`.execute(database.db);

    // A team order its leads were told of 40 minutes ago: now the ordinary members are told.
    const all = spread(procs);
    const svc = okData(await all.call<Page<Service>>('catalog', 'services', { pageSize: 100 })).items.find((x) => x.teamId && x.mode !== 'remote')!;
    const team = okData(await all.call<TeamDetail>('catalog', 'team', { id: svc.teamId! }));
    const teamOrder = okData(await sessionFor(all, enterpriseId).call<Order>('order', 'create', {
      kind: 'service', serviceId: svc.id, start: new Date(Date.now() + 4 * 86_400_000).toISOString(), durationMin: 90,
      venue: { type: 'enterprise', address: '义乌市苏溪镇工业区 12 号' }, contactPhone: '13800005678', requestId: newRequestId(),
    }));
    await sql`UPDATE orders SET pending_since = now() - interval '40 minutes' WHERE id = ${teamOrder.id}`.execute(database.db);
    const members = team.members.filter((m) => m.teamRole === 'member').map((m) => m.userId);
    expect(members.length).toBeGreaterThan(0);

    const before = procs.map(ticks);
    // All three at once (one synchronous loop: microseconds apart).
    for (const p of procs) process.kill(p.serverPid, 'SIGUSR2');
    const deadline = Date.now() + 30_000;
    while (procs.some((p, i) => ticks(p) <= before[i]) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(procs.map((p, i) => ticks(p) - before[i])).toEqual([1, 1, 1]);
    for (const p of procs) expect(p.log()).not.toContain('超时检查失败');

    const order = await database.db.selectFrom('orders').select(['status', 'escalated_at']).where('id', '=', booked.id).executeTakeFirstOrThrow();
    expect(order.status).toBe('expired');
    const expired = await database.db.selectFrom('order_events').select('id').where('order_id', '=', booked.id).where('to_status', '=', 'expired').execute();
    expect(expired).toHaveLength(1);
    // The requester and each admin of the org told once.
    const told = await sql<{ user_id: string; title: string; n: number }>`
      SELECT user_id::text, title, count(*)::int AS n FROM inbox_messages
      WHERE order_id = ${booked.id} AND title IN ('预约超时未获响应', '有订单需要处理') GROUP BY user_id, title`.execute(database.db);
    expect(told.rows.length).toBeGreaterThan(1);
    expect(told.rows.filter((r) => r.n !== 1)).toEqual([]);

    // The team broadcast: each ordinary member told once (and each lead still once).
    const teamTold = await sql<{ user_id: string; n: number }>`
      SELECT user_id::text, count(*)::int AS n FROM inbox_messages WHERE order_id = ${teamOrder.id} GROUP BY user_id`.execute(database.db);
    expect(teamTold.rows.filter((r) => r.n !== 1)).toEqual([]);
    expect(members.filter((m) => !teamTold.rows.some((r) => r.user_id === m))).toEqual([]);

    // The reminder: queued once for each side (the outbox key), and in each inbox once.
    const reminded = await sql<{ user_id: string; n: number; queued: number }>`
      SELECT m.user_id::text, count(*)::int AS n,
             (SELECT count(*)::int FROM outbox x WHERE x.order_id = m.order_id AND x.user_id = m.user_id AND x.event LIKE 'remind24h@%') AS queued
      FROM inbox_messages m WHERE m.order_id = ${grabbed.id} AND m.title = '明天有一场服务' GROUP BY m.user_id, m.order_id`.execute(database.db);
    expect(reminded.rows).toHaveLength(2);
    expect(reminded.rows.filter((r) => r.n !== 1 || r.queued !== 1)).toEqual([]);

    // The outbox: the speaker's message sent once (one credit spent), nothing left queued.
    const sent = await database.db.selectFrom('outbox').select(['status', 'attempts']).where('id', '=', pushed[0].id).executeTakeFirstOrThrow();
    expect(sent).toEqual({ status: 'sent', attempts: 1 });
    const credits = await database.db.selectFrom('subscriptions').select('credits').where('user_id', '=', speakerUserId).where('kind', '=', 'newOrder').executeTakeFirstOrThrow();
    expect(credits.credits).toBe(4);
    const queued = await database.db.selectFrom('outbox').select('id').where('status', '=', 'queued').execute();
    expect(queued).toEqual([]);

    // Statistics folded once: every order (and the backlog) counted once in the rollup, no delta left over.
    const folded = await sql<{ deltas: number; counted: number; orders: number }>`
      SELECT (SELECT count(*)::int FROM stats_deltas) AS deltas,
             (SELECT coalesce(sum(total), 0)::int FROM stats_rollup WHERE dim = 'all') AS counted,
             (SELECT count(*)::int FROM orders) AS orders`.execute(database.db);
    expect(folded.rows[0]).toEqual({ deltas: 0, counted: folded.rows[0].orders + BACKLOG, orders: folded.rows[0].orders });
  });

  it('a photo uploaded through process 1 is served by processes 2 and 3 with the same headers', async () => {
    const [worker] = await createWorkers(spread(procs), 1, '多进程上传');
    const boundary = '----lmgjmp' + Date.now().toString(16);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (p: ChildServer) =>
      fetch(`${p.url}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${worker.token}` },
        body,
      });
    const res = await upload(procs[0]);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { id: string; url: string } };
    // The same picture again through all three at once: the same id, one row, one copy of the bytes.
    const again = await Promise.all(procs.map(async (p) => ((await (await upload(p)).json()) as { data: { id: string } }).data.id));
    expect(again).toEqual([data.id, data.id, data.id]);
    const rows = await sql<{ uploads: number; blobs: number }>`
      SELECT (SELECT count(*)::int FROM uploads WHERE id = ${data.id}) AS uploads, (SELECT count(*)::int FROM upload_blobs WHERE id = ${data.id}) AS blobs`.execute(database.db);
    expect(rows.rows[0]).toEqual({ uploads: 1, blobs: 1 });
    // Nothing on process 1's own disk: the bytes are in the database.
    expect(fs.existsSync(path.join(dataDirs[0], 'uploads', data.id))).toBe(false);
    for (const p of procs.slice(1)) {
      const back = await fetch(`${p.url}${data.url}`);
      expect(back.status).toBe(200);
      const bytes = Buffer.from(await back.arrayBuffer());
      expect(`${createHash('sha256').update(bytes).digest('hex')}.png`).toBe(data.id);
      expect(back.headers.get('content-type')).toBe('image/png');
      expect(back.headers.get('content-security-policy')).toBe(UPLOAD_RESPONSE_CSP);
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
      expect(back.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${procs[2].url}/uploads/${'0'.repeat(64)}.png`)).status).toBe(404);
  });

  it('a menu edit through process 1 is on the next call to processes 2 and 3', async () => {
    const [p1, p2, p3] = procs.map((p) => spread([p]));
    const topics = (s: TestServer) => s.call<Page<TopicSummary>>('catalog', 'topics', {}).then(okData);
    // Both others hold the menu in memory now.
    const first = (await topics(p2)).items[0];
    expect((await topics(p3)).items[0].id).toBe(first.id);
    const row = await database.db.selectFrom('topics').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    const detail = okData(await p1.call<TopicDetail>('catalog', 'topic', { id: first.id }));
    const admin = await adminOf(p1, row.org_id);
    const title = '多进程菜单即时可见';
    okData(await admin.call('admin', 'saveTopic', {
      id: row.id, title, summary: row.summary ?? '', category: row.category_id, durations: row.durations, audience: row.audience ?? '',
      venueTypes: row.venue_types, volunteerIds: detail.volunteers.map((v) => v.id),
    }));
    for (const s of [p2, p3]) {
      expect((await topics(s)).items.map((t) => t.title)).toContain(title);
      expect(okData(await s.call<TopicDetail>('catalog', 'topic', { id: first.id })).title).toBe(title);
    }
  });
});

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
