import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Application, ExportFile, Order, Page, Stats } from '../../cloud/contract';
import { foldStatsDeltas } from '../../cloud/db/repositories/stats';
import { escalateOverdue } from '../../cloud/domain/orders/sla';
import { bookableLecture, createWorkers, lectureInput, newRequestId, sessionFor, userIdOfVolunteer, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { insertFixtureOrders, type FixtureOrder } from '../helpers/fixtures';
import { createTestServer, okData, type TestServer } from '../helpers/server';

const code = (res: { body: { ok: boolean; error?: { code: string } } }) => (res.body.ok ? 'OK' : res.body.error!.code);

describe('the union console (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let jinhua: Session; // city admin: 金华 and its counties
  let yiwu: Session; // county admin under 金华
  let hangzhou: Session; // another city
  let worker: Session;
  const org: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database);
    for (const o of await database.db.selectFrom('orgs').select(['id', 'name']).execute()) org[o.name] = o.id;
    const adminOf = async (name: string) => {
      const u = await database.db.selectFrom('users').select('id').where('org_id', '=', org[name]).where(sql<boolean>`'admin' = ANY(roles)`).executeTakeFirstOrThrow();
      return sessionFor(server, u.id);
    };
    jinhua = await adminOf('金华市总工会');
    yiwu = await adminOf('义乌市总工会');
    hangzhou = await adminOf('杭州市总工会');
    [worker] = await createWorkers(server, 1, '后台');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('counts statistics exactly as the fixtures say, within the admin\'s scope', async () => {
    const [requester, enterprise2] = await createWorkers(server, 2, '统计');
    const base: Omit<FixtureOrder, 'kind' | 'status' | 'orgId' | 'start'> = { requesterId: requester.userId };
    const fixtures: FixtureOrder[] = [
      // 义乌 (in 金华's scope), March 2030
      { ...base, kind: 'lecture', status: 'rated', orgId: org['义乌市总工会'], start: '2030-03-05T09:00:00+08:00', peopleServed: 50, creditedMinutes: 60, rating: 5, responseMinutes: 10 },
      { ...base, kind: 'lecture', status: 'completed', orgId: org['义乌市总工会'], start: '2030-03-06T09:00:00+08:00', peopleServed: 30, creditedMinutes: 90, responseMinutes: 30 },
      { ...base, kind: 'lecture', status: 'cancelled', orgId: org['义乌市总工会'], start: '2030-03-07T09:00:00+08:00' },
      { ...base, kind: 'service', status: 'rated', orgId: org['义乌市总工会'], start: '2030-03-08T09:00:00+08:00', peopleServed: 8, creditedMinutes: 120, rating: 3, responseMinutes: 60 },
      // 浦江 (in scope), April 2030: needs
      { requesterId: enterprise2.userId, kind: 'need', status: 'completed', orgId: org['浦江县总工会'], start: '2030-04-02T09:00:00+08:00', peopleServed: 5, creditedMinutes: 45, outcome: 'resolved' },
      { requesterId: enterprise2.userId, kind: 'need', status: 'completed', orgId: org['浦江县总工会'], start: '2030-04-03T09:00:00+08:00', peopleServed: 4, creditedMinutes: 30, outcome: 'partly' },
      { requesterId: enterprise2.userId, kind: 'need', status: 'pending', orgId: org['浦江县总工会'], start: '2030-04-04T09:00:00+08:00' },
      { requesterId: enterprise2.userId, kind: 'need', status: 'cancelled', orgId: org['浦江县总工会'], start: '2030-04-05T09:00:00+08:00' },
      // 杭州 (out of 金华's scope)
      { ...base, kind: 'lecture', status: 'rated', orgId: org['杭州市总工会'], start: '2030-03-05T09:00:00+08:00', peopleServed: 999, rating: 1 },
      // 义乌, outside the period
      { ...base, kind: 'lecture', status: 'rated', orgId: org['义乌市总工会'], start: '2030-06-01T09:00:00+08:00', peopleServed: 777 },
    ];
    await insertFixtureOrders(database, fixtures, 'stats');
    const period = { from: '2030-03-01T00:00:00+08:00', to: '2030-05-01T00:00:00+08:00' };
    const s = okData(await jinhua.call<Stats>('admin', 'stats', period));
    expect(s).toMatchObject({
      lectures: 2, services: 3, peopleServed: 97, enterprisesServed: 2, needsCollected: 3, needsResolved: 1,
      volunteerHours: 5.8, avgRating: 4, medianResponseMinutes: 30, ordersTotal: 8,
    });
    expect(s.byMonth.map((m) => [m.key, m.lectures, m.services, m.needsCollected])).toEqual([['2030-03', 2, 1, 0], ['2030-04', 0, 2, 3]]);
    expect(s.byOrg.find((o) => o.label === '浦江县总工会')).toMatchObject({ needsCollected: 3, needsResolved: 1, peopleServed: 9 });
    expect(s.ratingDistribution).toEqual([{ score: 1, count: 0 }, { score: 2, count: 0 }, { score: 3, count: 1 }, { score: 4, count: 0 }, { score: 5, count: 1 }]);

    // Folding the delta stream into the rollup changes nothing; a later change is counted at once.
    expect(await foldStatsDeltas(database.db)).toBeGreaterThan(0);
    expect(okData(await jinhua.call<Stats>('admin', 'stats', period))).toEqual(s);
    await database.db.updateTable('orders').set({ status: 'cancelled' }).where('request_id', '=', 'fx-stats-1').execute();
    expect(okData(await jinhua.call<Stats>('admin', 'stats', period))).toMatchObject({ lectures: 1, peopleServed: 67, ordersTotal: 8 });
    await database.db.updateTable('orders').set({ status: 'completed' }).where('request_id', '=', 'fx-stats-1').execute();

    // A county admin sees only their county; an org outside the scope is FORBIDDEN.
    const y = okData(await yiwu.call<Stats>('admin', 'stats', period));
    expect(y).toMatchObject({ lectures: 2, services: 1, needsCollected: 0, peopleServed: 88 });
    expect(code(await yiwu.call('admin', 'stats', { ...period, orgId: org['浦江县总工会'] }))).toBe('FORBIDDEN');
    expect(code(await jinhua.call('admin', 'stats', { ...period, orgId: org['杭州市总工会'] }))).toBe('FORBIDDEN');
    expect(okData(await hangzhou.call<Stats>('admin', 'stats', period))).toMatchObject({ lectures: 1, peopleServed: 999 });
  });

  it('refuses every admin action to a non-admin', async () => {
    const calls: [string, unknown][] = [
      ['dispatch', { id: '1', volunteerId: '1' }], ['transfer', { id: '1', orgId: '1' }], ['overdue', {}], ['orders', {}], ['orgs', {}],
      ['applications', {}], ['reviewVolunteer', { id: '1', approve: true }], ['showcase', { id: '1', on: true }],
      ['stats', { from: '2030-01-01T00:00:00+08:00', to: '2030-02-01T00:00:00+08:00' }],
      ['export', { from: '2030-01-01T00:00:00+08:00', to: '2030-02-01T00:00:00+08:00', format: 'csv' }],
      ['saveTeam', { name: '测试服务队伍', kind: 'service', region: '义乌', intro: '' }],
      ['setMember', { teamId: '1', volunteerId: '1', role: 'member' }],
      ['saveTopic', { title: '测试主题标题', summary: '', category: 'laomo', durations: [60], audience: '', venueTypes: [], volunteerIds: [] }],
      ['saveService', { title: '测试服务标题', summary: '', field: '焊接', kind: 'help', mode: 'onsite', volunteerIds: [] }],
    ];
    for (const [action, data] of calls) expect(code(await worker.call('admin', action, data)), action).toBe('FORBIDDEN');
    for (const [action, data] of calls) expect(code(await server.call('admin', action, data)), action).toBe('UNAUTHENTICATED');
  });

  it('lists, dispatches and transfers only within scope; dispatch to a busy volunteer is CONFLICT', async () => {
    const { topic, speaker, slot, duration } = await bookableLecture(server);
    const [a, b] = await createWorkers(server, 2, '派单');
    // Speaker is booked at the slot by a; b's order (any speaker) is the one to dispatch.
    okData(await a.call<Order>('order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration)));
    const open = okData(await b.call<Order>('order', 'create', lectureInput(topic.id, undefined, slot.start, duration)));
    const owner = Object.entries(org).find(([, id]) => id === open.orgId)![0];
    // Find who may act: the admin whose org covers the topic's org.
    const candidates: [Session, boolean][] = [];
    for (const s of [jinhua, yiwu, hangzhou]) {
      const list = okData(await s.call<Page<Order>>('admin', 'orders', { pageSize: 100 }));
      candidates.push([s, list.items.some((o) => o.id === open.id)]);
    }
    const [admin] = candidates.find(([, sees]) => sees)!;
    const outsider = candidates.find(([, sees]) => !sees)![0];
    expect(owner).toBeTruthy();

    expect(code(await outsider.call('admin', 'dispatch', { id: open.id, volunteerId: speaker.id }))).toBe('NOT_FOUND');
    const busy = await admin.call('admin', 'dispatch', { id: open.id, volunteerId: speaker.id });
    expect(code(busy)).toBe('CONFLICT');
    expect((busy.body as { error: { message: string } }).error.message).toContain('已有其他订单');

    const free = topic.volunteers.find((v) => v.id !== speaker.id);
    if (free) {
      const sent = await admin.call<Order>('admin', 'dispatch', { id: open.id, volunteerId: free.id, note: '请支持' });
      if (sent.body.ok) {
        expect(sent.body.data).toMatchObject({ status: 'pending', volunteerId: free.id, named: true });
        const msgs = await database.db.selectFrom('inbox_messages').select('title').where('user_id', '=', await userIdOfVolunteer(server, free.id)).where('order_id', '=', open.id).execute();
        expect(msgs.map((m) => m.title)).toContain('工会派单');
      } else expect(sent.body.error.code).toBe('CONFLICT');
    }
    const target = org['湖州市总工会'];
    const moved = okData(await admin.call<Order>('admin', 'transfer', { id: open.id, orgId: target, note: '属地处理' }));
    expect(moved.orgId).toBe(target);
  });

  it('the overdue timer marks exactly the orders past their SLA, which then fill the overdue queue', async () => {
    const { topic, slot, duration } = await bookableLecture(server, { skip: 2 });
    const [w] = await createWorkers(server, 1, '超时');
    const o = okData(await w.call<Order>('order', 'create', lectureInput(topic.id, undefined, slot.start, duration)));
    const ent = await database.db.selectFrom('users').select('id').where(sql<boolean>`'enterprise' = ANY(roles)`).where('org_id', '=', org['义乌市总工会']).executeTakeFirstOrThrow();
    const need = okData(await sessionFor(server, ent.id).call<Order>('order', 'create', {
      kind: 'need', title: '超时测试需求', field: '焊接', description: '用于测试 48 小时超时规则的需求。', start: new Date(Date.now() + 4 * 86_400_000).toISOString(),
      durationMin: 60, venue: { type: 'workshop', address: '测试车间一号' }, contactPhone: '13800000001', requestId: newRequestId(),
    }));
    const at = (h: number) => new Date(Date.now() + h * 3600_000);
    const sla = { lecture: 24, service: 24, need: 48 } as const;
    // Exactly the pending orders whose wait passed their kind's SLA at that instant, no more, no less.
    const expectedAt = async (when: Date) =>
      (await database.db.selectFrom('orders').select(['id', 'kind', 'pending_since']).where('status', '=', 'pending').execute())
        .filter((r) => r.pending_since.getTime() < when.getTime() - sla[r.kind] * 3600_000)
        .map((r) => r.id)
        .sort();
    for (const h of [23.9, 24.1, 48.1]) {
      const expected = await expectedAt(at(h));
      const marked = (await escalateOverdue(database.db, at(h))).sort();
      expect(marked).toEqual(expected);
      if (h === 23.9) expect(marked).not.toContain(o.id);
      if (h === 24.1) expect(marked).toContain(o.id);
      if (h === 24.1) expect(marked).not.toContain(need.id); // needs wait 48 h
      if (h === 48.1) expect(marked).toContain(need.id);
    }
    const queues = await Promise.all([jinhua, yiwu, hangzhou].map((s) => s.call<Page<Order>>('admin', 'overdue', { pageSize: 100 })));
    expect(queues.some((q) => okData(q).items.some((x) => x.id === o.id && x.status === 'expired'))).toBe(true);
    // 义乌's admin sees the 义乌 need; 杭州's does not.
    expect(okData(queues[1]).items.map((x) => x.id)).toContain(need.id);
    expect(okData(queues[2]).items.map((x) => x.id)).not.toContain(need.id);
  });

  it('reviews applications in scope and makes the applicant a volunteer', async () => {
    const [applicant] = await createWorkers(server, 1, '申报');
    const app = okData(await applicant.call<Application>('task', 'apply', {
      kinds: ['technician'], title: '义乌工匠', honours: ['义乌工匠'], skills: ['数控'], regions: ['义乌'], bio: '从事数控加工二十年，愿意为企业解决技术难题。', orgId: org['义乌市总工会'],
    }));
    expect(app.status).toBe('applied');
    expect(code(await hangzhou.call('admin', 'reviewVolunteer', { id: app.id, approve: true }))).toBe('FORBIDDEN');
    expect(code(await yiwu.call('admin', 'reviewVolunteer', { id: app.id, approve: false }))).toBe('VALIDATION');
    expect(okData(await yiwu.call<Page<Application>>('admin', 'applications')).items.map((a) => a.id)).toContain(app.id);
    expect(okData(await jinhua.call<Application>('admin', 'reviewVolunteer', { id: app.id, approve: true })).status).toBe('approved');
    expect(code(await yiwu.call('admin', 'reviewVolunteer', { id: app.id, approve: true }))).toBe('CONFLICT');
    const me = okData(await applicant.call<{ roles: string[]; volunteerId?: string }>('auth', 'me'));
    expect(me.roles).toContain('volunteer');
    expect(me.volunteerId).toBe(app.id);
  });

  it('exports a valid XLSX with Chinese headers, and a CSV', async () => {
    const period = { from: '2030-03-01T00:00:00+08:00', to: '2030-05-01T00:00:00+08:00' };
    const file = okData(await jinhua.call<ExportFile>('admin', 'export', { ...period, format: 'xlsx' }));
    // The period is 1 March to 30 April inclusive (`to` is the next midnight): so is the name.
    expect(file.filename).toBe('订单明细-20300301-20300430.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = book.getWorksheet('订单')!;
    expect(ws.getRow(1).getCell(1).value).toBe('订单编号');
    expect(ws.rowCount - 1).toBe(file.rows);
    expect(file.rows).toBe(8); // the fixtures in 金华's scope in the period

    const report = okData(await jinhua.call<ExportFile>('admin', 'export', { ...period, format: 'xlsx', what: 'stats' }));
    const rb = new ExcelJS.Workbook();
    await rb.xlsx.load(Buffer.from(report.base64, 'base64') as unknown as ArrayBuffer);
    expect(rb.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '宣讲场次', 2]);

    const csv = okData(await jinhua.call<ExportFile>('admin', 'export', { ...period, format: 'csv' }));
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeff订单编号,类型,状态')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(9);
    expect(code(await yiwu.call('admin', 'export', { ...period, format: 'csv', orgId: org['杭州市总工会'] }))).toBe('FORBIDDEN');
  });
});
