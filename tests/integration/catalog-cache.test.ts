import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { sql } from 'kysely';
import pg from 'pg';
import { expect } from '../helpers/expect';
import type { Order, Page, TopicDetail, TopicSummary, VolunteerProfile } from '../../cloud/contract';
import { openDatabase, type Database } from '../../cloud/db/engine';
import { catalogVersion } from '../../cloud/domain/catalog/cache';
import { bookableLecture, createWorkers, lectureInput, type Session } from '../helpers/actors';
import { createTestDatabase, TEST_DATABASE_URL, type EngineName, type TestDatabase } from '../helpers/db';
import { adminOf } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The menu is served from memory, yet never stale: an admin's edit, a write by any other client of
 * the database, and a booking are all seen by the very next call. On PostgreSQL a second server
 * (its own pool and its own memory, as a second process has) sees writes made through the first.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];

// Patched before any connection opens (the pool's guard binds each client's query at connect):
// counts the reads of the version row.
let versionReads = 0;
const realQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  if (/SELECT version FROM catalog_version/.test(typeof first === 'string' ? first : first?.text ?? '')) versionReads++;
  return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const titles = (page: Page<TopicSummary>) => page.items.map((t) => t.title);

describe.each(ENGINES)('menu from memory on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let worker: Session;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    [worker] = await createWorkers(server, 1, '缓存职工');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const topics = (s: TestServer, data: object = {}) => s.call<Page<TopicSummary>>('catalog', 'topics', data).then(okData);

  it('an admin edit of a topic is on the very next list, search and detail', async () => {
    const first = (await topics(server)).items[0];
    const row = await database.db.selectFrom('topics').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    const detail = okData(await server.call<TopicDetail>('catalog', 'topic', { id: first.id }));
    // Served twice from memory: the same answer, and the version did not move.
    const v0 = await catalogVersion(database.db);
    expect(await topics(server)).toEqual(await topics(server));
    expect(await catalogVersion(database.db)).toBe(v0);

    const admin = await adminOf(server, row.org_id);
    const title = `匠心传承缓存验证${engine}`;
    okData(await admin.call('admin', 'saveTopic', {
      id: row.id, title, summary: row.summary ?? '', category: row.category_id, durations: row.durations, audience: row.audience ?? '',
      venueTypes: row.venue_types, volunteerIds: detail.volunteers.map((v) => v.id),
    }));
    expect(await catalogVersion(database.db)).not.toBe(v0);
    expect(titles(await topics(server))).toContain(title);
    // Chinese search by a part of the new title finds it; the old title no longer does.
    expect(titles(await topics(server, { q: '缓存验证' }))).toEqual([title]);
    expect(titles(await topics(server, { q: first.title }))).not.toContain(title);
    expect(okData(await server.call<TopicDetail>('catalog', 'topic', { id: first.id })).title).toBe(title);
  });

  it('a write by another client of the database (no function involved) is seen at once', async () => {
    const page = await topics(server);
    const victim = page.items[1];
    await sql`UPDATE topics SET title = ${'直接改库的主题标题'} WHERE id = ${victim.id}`.execute(database.db);
    expect(titles(await topics(server))).toContain('直接改库的主题标题');
    await sql`UPDATE topics SET active = false WHERE id = ${victim.id}`.execute(database.db);
    expect((await topics(server)).items.map((t) => t.id)).not.toContain(victim.id);
  });

  it('a booking takes its slot off the speaker page on the next call; a blocked day likewise', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server, { skip: 2 });
    const profile = () => server.call<VolunteerProfile>('catalog', 'volunteer', { id: speaker.id }).then(okData);
    const before = await profile();
    expect(before.freeSlots.some((s) => s.start === slot.start)).toBe(true);
    const order = okData(await worker.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const after = await profile();
    expect(after.freeSlots.some((s) => s.start <= order.start && order.start < s.end)).toBe(false);

    // A day off the speaker marks is a menu edit: the whole day goes.
    const day = after.freeSlots[after.freeSlots.length - 1].start.slice(0, 10);
    await sql`INSERT INTO volunteer_blocked_days (volunteer_id, day) VALUES (${speaker.id}, ${day})`.execute(database.db);
    expect((await profile()).freeSlots.some((s) => s.start.startsWith(day))).toBe(false);
  });

  it(engine === 'pglite'
    ? 'embedded: menu reads ask no version (PGlite hands over the NOTIFY); a rolled-back edit changes nothing, a committed one shows next'
    : 'server: twenty reads at once share their version reads, and a read begun after a commit sees it', async () => {
    await topics(server);
    versionReads = 0;
    const pages = await Promise.all(Array.from({ length: 20 }, () => topics(server)));
    expect(pages.every((p) => p.items.length === pages[0].items.length)).toBe(true);
    if (engine === 'pglite') expect(versionReads).toBe(0);
    else expect(versionReads).toBeGreaterThan(0), expect(versionReads).toBeLessThan(20);

    const id = pages[0].items[3].id;
    await database.db.transaction().execute(async (trx) => {
      await sql`UPDATE topics SET title = ${'回滚的标题'} WHERE id = ${id}`.execute(trx);
      throw new Error('rolled back on purpose');
    }).catch((e: Error) => expect(e.message).toBe('rolled back on purpose'));
    expect(titles(await topics(server))).not.toContain('回滚的标题');
    // Reads in flight while the edit commits; the read begun after its commit has it.
    const during = Promise.all(Array.from({ length: 10 }, () => topics(server)));
    await sql`UPDATE topics SET title = ${'并发时提交的标题'} WHERE id = ${id}`.execute(database.db);
    const after = await topics(server);
    await during;
    expect(titles(after)).toContain('并发时提交的标题');
  });

  if (engine === 'postgres') {
    it('a second server with its own pool and memory sees writes made through the first, both ways', async () => {
      let other: Database | undefined;
      let second: TestServer | undefined;
      try {
        other = await openDatabase({ databaseUrl: TEST_DATABASE_URL, schema: database.schema, poolSize: 2 });
        second = await createTestServer(other);
        const id = (await topics(second)).items[2].id;
        // Both have the list in memory now.
        await topics(server);
        await sql`UPDATE topics SET title = ${'第一台改的标题'} WHERE id = ${id}`.execute(database.db);
        expect(titles(await topics(second))).toContain('第一台改的标题');
        await sql`UPDATE topics SET title = ${'第二台改的标题'} WHERE id = ${id}`.execute(other.db);
        expect(titles(await topics(server))).toContain('第二台改的标题');
        expect(titles(await topics(second))).toContain('第二台改的标题');
      } finally {
        await second?.close();
        await other?.close();
      }
    });
  }
});
