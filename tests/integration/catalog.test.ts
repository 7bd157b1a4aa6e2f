import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Category, Page, Service, Team, TeamDetail, TopicDetail, TopicSummary, VolunteerProfile, VolunteerSummary } from '../../cloud/contract';
import { demoData } from '../../cloud/db/seed/data';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const ENGINES: EngineName[] = ['pglite', 'postgres'];

describe.each(ENGINES)('catalog on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('lists the eight categories with topic counts that add up', async () => {
    const page = okData(await server.call<Page<Category>>('catalog', 'categories'));
    expect(page.items.map((c) => c.name)).toEqual(['劳模精神', '工匠精神', '劳动精神', '技能培训', '安全生产', '政策法规', '健康生活', '社会服务']);
    expect(page.items.reduce((n, c) => n + c.topicCount, 0)).toBe(demoData.topics.length);
    expect(page.items.every((c) => c.topicCount > 0)).toBe(true);
  });

  it('pages topics with a stable total and no overlap between pages', async () => {
    const p1 = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { pageSize: 10 }));
    const p2 = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { page: 2, pageSize: 10 }));
    expect(p1.total).toBe(demoData.topics.length);
    expect(p2.total).toBe(p1.total);
    expect(p1.items).toHaveLength(10);
    expect([p1.page, p1.pageSize, p2.page]).toEqual([1, 10, 2]);
    const ids = new Set(p1.items.map((t) => t.id));
    expect(p2.items.some((t) => ids.has(t.id))).toBe(false);
    const past = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { page: 99, pageSize: 10 }));
    expect(past).toMatchObject({ items: [], total: demoData.topics.length, page: 99 });
  });

  it('answers topics in the contract shape', async () => {
    const page = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { pageSize: 100 }));
    for (const t of page.items) {
      expect(typeof t.id).toBe('string');
      expect(t.durations.length).toBeGreaterThan(0);
      expect(t.volunteerIds.every((id) => typeof id === 'string')).toBe(true);
    }
    expect(page.items.length).toBe(demoData.topics.length);
  });

  it('filters topics by category', async () => {
    const page = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { category: 'anquan', pageSize: 100 }));
    const expected = demoData.topics.filter((t) => t.category === 'anquan').length;
    expect(page.total).toBe(expected);
    expect(page.items.every((t) => t.category === 'anquan' && t.categoryName === '安全生产')).toBe(true);
  });

  it('searches topics by Chinese text in titles and by speaker name', async () => {
    const seedTitle = demoData.topics.find((t) => t.title.includes('焊接'));
    expect(seedTitle).toBeDefined();
    const byWord = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { q: '焊接', pageSize: 100 }));
    expect(byWord.items.map((t) => t.title)).toContain(seedTitle!.title);
    expect(byWord.items.every((t) => (t.title + t.summary).includes('焊接') || t.volunteerIds.length > 0)).toBe(true);

    const kong = demoData.volunteers.find((v) => v.name === '孔胜东')!;
    const given = demoData.topics.filter((t) => t.speakerKeys.includes(kong.key)).map((t) => t.title);
    const byName = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { q: '孔胜东', pageSize: 100 }));
    expect(byName.items.map((t) => t.title)).toEqual(expect.arrayContaining(given));

    const none = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { q: '不存在的主题词xyz' }));
    expect(none).toMatchObject({ items: [], total: 0 });
    // LIKE wildcards are literal: "%" alone matches nothing rather than everything.
    expect(okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { q: '%' })).total).toBe(0);
  });

  it('gives a topic with its speakers', async () => {
    const first = okData(await server.call<Page<TopicSummary>>('catalog', 'topics', { q: '孔胜东' })).items[0];
    const topic = okData(await server.call<TopicDetail>('catalog', 'topic', { id: first.id }));
    expect(topic.volunteers.map((v) => v.id).sort()).toEqual([...first.volunteerIds].sort());
    expect(topic.volunteers.map((v) => v.name)).toContain('孔胜东');
  });

  it('lists volunteers by kind, skill and text', async () => {
    const speakers = okData(await server.call<Page<VolunteerSummary>>('catalog', 'volunteers', { kind: 'speaker', pageSize: 100 }));
    expect(speakers.total).toBe(demoData.volunteers.filter((v) => v.kinds.includes('speaker')).length);
    expect(speakers.items.every((v) => v.kinds.includes('speaker'))).toBe(true);

    const welders = okData(await server.call<Page<VolunteerSummary>>('catalog', 'volunteers', { skill: '焊接', pageSize: 100 }));
    expect(welders.total).toBe(demoData.volunteers.filter((v) => v.skills.includes('焊接')).length);

    const all = okData(await server.call<Page<VolunteerSummary>>('catalog', 'volunteers', { pageSize: 100 }));
    expect(all.total).toBe(demoData.volunteers.length);
    expect(demoData.volunteers.length).toBeGreaterThanOrEqual(30);
  });

  it('gives a speaker profile with free slots inside the weekly windows', async () => {
    const list = okData(await server.call<Page<VolunteerSummary>>('catalog', 'volunteers', { q: '孔胜东' }));
    const id = list.items[0].id;
    const from = '2026-12-07T00:00:00+08:00';
    const to = '2026-12-14T00:00:00+08:00';
    const profile = okData(await server.call<VolunteerProfile>('catalog', 'volunteer', { id, from, to }));
    expect(profile.name).toBe('孔胜东');
    expect(profile.topics.length).toBeGreaterThan(0);
    expect(profile.weekly.length).toBeGreaterThan(0);
    expect(profile.freeSlots.length).toBeGreaterThan(0);
    const seed = demoData.volunteers.find((v) => v.name === '孔胜东')!;
    for (const slot of profile.freeSlots) {
      expect(slot.start).toMatch(/\+08:00$/);
      expect(slot.start >= from && slot.end <= to).toBe(true);
      const weekday = ((new Date(slot.start).getUTCDay() + 6) % 7) + 1; // slots never cross midnight
      const windows = seed.weekly[weekday as 1] ?? [];
      const hhmm = (iso: string) => iso.slice(11, 16);
      expect(windows.some((w) => w.slice(0, 5) <= hhmm(slot.start) && hhmm(slot.end) <= w.slice(6))).toBe(true);
    }
  });

  it('defaults free slots to the next 14 days, none sooner than 24 h away', async () => {
    const list = okData(await server.call<Page<VolunteerSummary>>('catalog', 'volunteers', { pageSize: 1 }));
    const profile = okData(await server.call<VolunteerProfile>('catalog', 'volunteer', { id: list.items[0].id }));
    const now = server.services.clock.now().getTime();
    expect(profile.freeSlots.length).toBeGreaterThan(0);
    for (const s of profile.freeSlots) {
      expect(new Date(s.start).getTime()).toBeGreaterThanOrEqual(now + 24 * 3600_000 - 1);
      expect(new Date(s.end).getTime()).toBeLessThanOrEqual(now + 14 * 24 * 3600_000 + 1);
    }
  });

  it('lists teams and services, and a team with members and its services', async () => {
    const teams = okData(await server.call<Page<Team>>('catalog', 'teams', { pageSize: 100 }));
    expect(teams.total).toBe(demoData.teams.length);
    const wang = teams.items.find((t) => t.name === '王关根工匠数控技术服务队')!;
    expect(wang).toBeDefined();
    const team = okData(await server.call<TeamDetail>('catalog', 'team', { id: wang.id }));
    expect(team.captainId).not.toBeNull();
    expect(team.members.find((m) => m.id === team.captainId)?.name).toBe('王关根');
    expect(team.members.map((m) => m.id).sort()).toEqual([...team.memberIds].sort());
    expect(team.services.length).toBeGreaterThan(0);
    expect(team.services.every((s) => s.teamId === wang.id)).toBe(true);

    const services = okData(await server.call<Page<Service>>('catalog', 'services', { pageSize: 100 }));
    expect(services.total).toBe(demoData.services.length);
    const byTeam = okData(await server.call<Page<Service>>('catalog', 'services', { teamId: wang.id }));
    expect(byTeam.total).toBe(team.services.length);
    const one = okData(await server.call<Service & { volunteers: VolunteerSummary[] }>('catalog', 'service', { id: services.items[0].id }));
    expect(one.volunteers.map((v) => v.id).sort()).toEqual([...services.items[0].volunteerIds].sort());
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    for (const action of ['topic', 'service', 'volunteer', 'team']) {
      const res = await server.call('catalog', action, { id: '999999999' });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('answers VALIDATION naming the field for bad input', async () => {
    const cases: [string, unknown, string][] = [
      ['topics', { pageSize: 1000 }, 'pageSize'],
      ['topics', { page: 0 }, 'page'],
      ['topics', { page: '1' }, 'page'],
      ['topics', { category: 'nope' }, 'category'],
      ['topics', { unknownField: 1 }, 'unknownField'],
      ['topic', { id: 42 }, 'id'],
      ['topic', {}, 'id'],
      ['topics', { q: '孔\u0000胜东' }, 'q'],
      ['topics', { q: '\ud800' }, 'q'],
      ['volunteer', { id: '1', from: 'tomorrow' }, 'from'],
      ['volunteer', { id: '1', from: '2026-12-10T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' }, 'to'],
      ['volunteers', { kind: 'wizard' }, 'kind'],
    ];
    for (const [action, data, field] of cases) {
      const res = await server.call('catalog', action, data);
      expect(res.status, `${action} ${JSON.stringify(data)}`).toBe(400);
      expect(res.body.ok).toBe(false);
      if (!res.body.ok) {
        expect(res.body.error.code).toBe('VALIDATION');
        expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
      }
    }
  });

  it('answers NOT_FOUND for an unknown id of any string shape (SPEC: ids are strings)', async () => {
    for (const id of ['abc', '0', '-1', '1e3', '99999999999999999999999', ' 1', '１']) {
      const res = await server.call('catalog', 'topic', { id });
      expect(res.status, `topic ${JSON.stringify(id)}`).toBe(404);
      expect(res.body.ok ? 'OK' : res.body.error.code).toBe('NOT_FOUND');
    }
  });
});
