import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Application, ExportFile, Order, OrgNode, Page, Stats, Team } from '../../cloud/contract';
import { actions as adminActions } from '../../cloud/functions/admin';
import { createWorkers, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { insertFixtureOrders, type FixtureOrder } from '../helpers/fixtures';
import { adminOf, createTeam, createVolunteer, orgsByName, type VolunteerSession } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * Every admin action, three ways: an admin whose org covers the thing acts; one whose org does not
 * is refused (FORBIDDEN, or NOT_FOUND for an order, which outsiders may not even know exists); and
 * a user who is no admin at all is refused. The scopes: 金华 (city) covers 义乌 and 浦江 (counties);
 * 义乌 and 浦江 cover only themselves; 杭州 covers none of them.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];
type Res = { body: { ok: boolean; error?: { code: string; fields?: Record<string, string> } } };
const code = (res: Res) => (res.body.ok ? 'OK' : res.body.error!.code);
const fields = (res: Res) => res.body.error?.fields ?? {};
const PERIOD = { from: '2031-05-01T00:00:00+08:00', to: '2031-06-01T00:00:00+08:00' };

describe.each(ENGINES)('admin scope on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let org: Record<string, string>;
  let jinhua: Session, yiwu: Session, pujiang: Session, hangzhou: Session;
  let worker: Session;
  let vYiwu: VolunteerSession, vPujiang: VolunteerSession, vHangzhou: VolunteerSession, vPujiangInYiwuTeam: VolunteerSession;
  let yiwuTeam: string, pujiangTeam: string;
  /** Every action this file has proved; the last test checks none is missing. */
  const covered = new Set<string>();
  let seq = 0;

  /** Non-admins get FORBIDDEN for exactly the input an admin may send (validation passes). */
  async function refusedToNonAdmins(action: string, data: unknown) {
    covered.add(action);
    for (const s of [worker, vYiwu]) expect(code(await s.call('admin', action, data)), `${action} as non-admin`).toBe('FORBIDDEN');
  }

  /** A fixture order of `orgId`, by default a lecture escalated to the admins, in May 2031. */
  async function order(orgId: string, over: Partial<FixtureOrder> = {}): Promise<string> {
    const tag = `${engine}-scope-${seq++}`;
    const day = String(1 + (seq % 28)).padStart(2, '0');
    await insertFixtureOrders(database, [{ kind: 'lecture', status: 'expired', orgId, start: `2031-05-${day}T${String(8 + (seq % 10)).padStart(2, '0')}:00:00+08:00`, requesterId: worker.userId, ...over }], tag);
    const row = await database.db.selectFrom('orders').select('id').where('request_id', '=', `fx-${tag}-0`).executeTakeFirstOrThrow();
    return row.id;
  }
  const volunteerOf = async (id: string) => (await database.db.selectFrom('orders').select('volunteer_id').where('id', '=', id).executeTakeFirstOrThrow()).volunteer_id;
  const messagesAbout = async (userId: string, orderId: string) =>
    database.db.selectFrom('inbox_messages').select('title').where('user_id', '=', userId).where('order_id', '=', orderId).execute();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    org = await orgsByName(server);
    [jinhua, yiwu, pujiang, hangzhou] = await Promise.all(['金华市总工会', '义乌市总工会', '浦江县总工会', '杭州市总工会'].map((n) => adminOf(server, org[n])));
    [worker] = await createWorkers(server, 1, `范围${engine}`);
    yiwuTeam = await createTeam(server, org['义乌市总工会'], '义乌测试服务队');
    pujiangTeam = await createTeam(server, org['浦江县总工会'], '浦江测试服务队');
    vYiwu = await createVolunteer(server, { orgId: org['义乌市总工会'], name: '义乌志愿者' });
    vPujiang = await createVolunteer(server, { orgId: org['浦江县总工会'], name: '浦江志愿者' });
    vHangzhou = await createVolunteer(server, { orgId: org['杭州市总工会'], name: '杭州志愿者' });
    vPujiangInYiwuTeam = await createVolunteer(server, { orgId: org['浦江县总工会'], name: '浦江队员', teamId: yiwuTeam });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('dispatch: only a volunteer and an order both in the admin\'s scope', async () => {
    const open = await order(org['义乌市总工会']);
    // A volunteer of another county (or city) is refused by field, and nothing changes.
    for (const v of [vPujiang, vHangzhou]) {
      const res = await yiwu.call('admin', 'dispatch', { id: open, volunteerId: v.volunteerId });
      expect(code(res)).toBe('FORBIDDEN');
      expect(Object.keys(fields(res))).toEqual(['volunteerId']);
      expect(await volunteerOf(open)).toBeNull();
      expect(await messagesAbout(v.userId, open)).toEqual([]);
    }
    // An admin who does not cover the order learns nothing of it, whoever they name.
    expect(code(await pujiang.call('admin', 'dispatch', { id: open, volunteerId: vPujiang.volunteerId }))).toBe('NOT_FOUND');
    expect(code(await hangzhou.call('admin', 'dispatch', { id: open, volunteerId: vHangzhou.volunteerId }))).toBe('NOT_FOUND');
    expect(await volunteerOf(open)).toBeNull();

    const sent = okData(await yiwu.call<Order>('admin', 'dispatch', { id: open, volunteerId: vYiwu.volunteerId }));
    expect(sent).toMatchObject({ status: 'pending', named: true, volunteerId: vYiwu.volunteerId });
    expect((await messagesAbout(vYiwu.userId, open)).map((m) => m.title)).toEqual(['工会派单']);
    // Another county's volunteer in one of 义乌's teams serves 义乌: in scope through the team.
    expect(okData(await yiwu.call<Order>('admin', 'dispatch', { id: open, volunteerId: vPujiangInYiwuTeam.volunteerId })).volunteerId).toBe(vPujiangInYiwuTeam.volunteerId);
    // The city admin covers both counties.
    const other = await order(org['义乌市总工会']);
    expect(okData(await jinhua.call<Order>('admin', 'dispatch', { id: other, volunteerId: vPujiang.volunteerId })).volunteerId).toBe(vPujiang.volunteerId);
    const res = await jinhua.call('admin', 'dispatch', { id: other, volunteerId: vHangzhou.volunteerId });
    expect([code(res), Object.keys(fields(res))]).toEqual(['FORBIDDEN', ['volunteerId']]);
    expect(await volunteerOf(other)).toBe(vPujiang.volunteerId);

    await refusedToNonAdmins('dispatch', { id: await order(org['义乌市总工会']), volunteerId: vYiwu.volunteerId });
  });

  it('candidates: only an order in scope; volunteers out of scope are marked so, not described', async () => {
    const id = await order(org['义乌市总工会']);
    const res = okData(await yiwu.call<Page<{ volunteerId: string; fit: string; clash: unknown }>>('admin', 'candidates', { id, volunteerIds: [vYiwu.volunteerId, vHangzhou.volunteerId] }));
    expect(res.items.map((i) => [i.volunteerId, i.fit === 'outOfScope'])).toEqual([[vYiwu.volunteerId, false], [vHangzhou.volunteerId, true]]);
    expect(code(await pujiang.call('admin', 'candidates', { id, volunteerIds: [vPujiang.volunteerId] }))).toBe('NOT_FOUND');
    expect(code(await hangzhou.call('admin', 'candidates', { id, volunteerIds: [vHangzhou.volunteerId] }))).toBe('NOT_FOUND');
    await refusedToNonAdmins('candidates', { id, volunteerIds: [vYiwu.volunteerId] });
  });

  it('transfer: only an order in scope; the target org is told and takes it over', async () => {
    const id = await order(org['义乌市总工会']);
    expect(code(await pujiang.call('admin', 'transfer', { id, orgId: org['浦江县总工会'] }))).toBe('NOT_FOUND');
    expect(code(await hangzhou.call('admin', 'transfer', { id, orgId: org['杭州市总工会'] }))).toBe('NOT_FOUND');
    await refusedToNonAdmins('transfer', { id, orgId: org['浦江县总工会'] });
    expect(okData(await yiwu.call<Order>('admin', 'transfer', { id, orgId: org['浦江县总工会'] })).orgId).toBe(org['浦江县总工会']);
    // Now 浦江's: 义乌 no longer reaches it, 浦江 does.
    expect(code(await yiwu.call('admin', 'transfer', { id, orgId: org['义乌市总工会'] }))).toBe('NOT_FOUND');
    expect(okData(await pujiang.call<Order>('admin', 'transfer', { id, orgId: org['义乌市总工会'] })).orgId).toBe(org['义乌市总工会']);
  });

  it('overdue and orders: list only orders in scope; an org filter outside it is FORBIDDEN', async () => {
    const late = await order(org['义乌市总工会']);
    const far = await order(org['杭州市总工会']);
    const ids = async (s: Session, action: string, data: object = {}) => okData(await s.call<Page<Order>>('admin', action, { pageSize: 100, ...data })).items.map((o) => o.id);
    for (const action of ['overdue', 'orders']) {
      expect(await ids(yiwu, action)).toContain(late);
      expect(await ids(jinhua, action)).toContain(late);
      expect(await ids(pujiang, action)).not.toContain(late);
      expect(await ids(hangzhou, action)).not.toContain(late);
      expect(await ids(hangzhou, action)).toContain(far);
      for (const s of [yiwu, jinhua]) expect(await ids(s, action)).not.toContain(far);
      await refusedToNonAdmins(action, {});
    }
    expect(await ids(jinhua, 'orders', { orgId: org['义乌市总工会'] })).toContain(late);
    expect(code(await yiwu.call('admin', 'orders', { orgId: org['浦江县总工会'] }))).toBe('FORBIDDEN');
    expect(code(await jinhua.call('admin', 'orders', { orgId: org['杭州市总工会'] }))).toBe('FORBIDDEN');
  });

  it('outbox: the WeChat messages of orders in scope only', async () => {
    const near = await order(org['义乌市总工会']);
    const far = await order(org['杭州市总工会']);
    const now = new Date();
    for (const id of [near, far]) {
      await database.db.insertInto('outbox').values({ order_id: id, event: 'scope-test', user_id: worker.userId, kind: 'orderResult', payload: '{}', next_attempt_at: now, created_at: now }).execute();
    }
    const ids = async (s: Session) => okData(await s.call<Page<{ orderId: string }>>('admin', 'outbox', { pageSize: 100 })).items.map((i) => i.orderId);
    expect(await ids(yiwu)).toContain(near);
    expect(await ids(jinhua)).toContain(near);
    expect(await ids(pujiang)).not.toContain(near);
    expect(await ids(hangzhou)).not.toContain(near);
    expect(await ids(hangzhou)).toContain(far);
    for (const s of [yiwu, jinhua]) expect(await ids(s)).not.toContain(far);
    await refusedToNonAdmins('outbox', {});
  });

  it('orgs: marks exactly the admin\'s org and those below it', async () => {
    const inScope = async (s: Session) => okData(await s.call<Page<OrgNode & { inScope: boolean }>>('admin', 'orgs', {})).items.filter((o) => o.inScope).map((o) => o.id).sort();
    expect(await inScope(yiwu)).toEqual([org['义乌市总工会']]);
    const jinhuaScope = await inScope(jinhua);
    for (const n of ['金华市总工会', '义乌市总工会', '浦江县总工会']) expect(jinhuaScope).toContain(org[n]);
    expect(jinhuaScope).not.toContain(org['杭州市总工会']);
    expect(jinhuaScope).not.toContain(org['浙江省总工会']);
    await refusedToNonAdmins('orgs', {});
  });

  it('applications and reviewVolunteer: an application to 义乌 is 义乌\'s (and 金华\'s) to see and review', async () => {
    const [applicant] = await createWorkers(server, 1, `申报${engine}`);
    const app = okData(await applicant.call<Application>('task', 'apply', {
      kinds: ['speaker'], title: '义乌工匠', honours: [], skills: ['宣讲'], regions: ['义乌'], bio: '长期在一线从事宣讲工作，愿意为职工服务。', orgId: org['义乌市总工会'],
    }));
    const listed = async (s: Session) => okData(await s.call<Page<Application>>('admin', 'applications', { pageSize: 100 })).items.map((a) => a.id);
    expect(await listed(yiwu)).toContain(app.id);
    expect(await listed(jinhua)).toContain(app.id);
    expect(await listed(pujiang)).not.toContain(app.id);
    expect(await listed(hangzhou)).not.toContain(app.id);
    await refusedToNonAdmins('applications', {});

    await refusedToNonAdmins('reviewVolunteer', { id: app.id, approve: true });
    expect(code(await pujiang.call('admin', 'reviewVolunteer', { id: app.id, approve: true }))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'reviewVolunteer', { id: app.id, approve: true }))).toBe('FORBIDDEN');
    expect(okData(await yiwu.call<Application>('admin', 'reviewVolunteer', { id: app.id, approve: true })).status).toBe('approved');
  });

  it('saveTopic: the topic and every speaker on it must be in scope', async () => {
    const topic = (volunteerIds: string[]) => ({ title: '范围测试宣讲主题', summary: '', category: 'laomo', durations: [60], audience: '职工', venueTypes: [], volunteerIds });
    const created = okData(await yiwu.call<{ id: string; orgId: string }>('admin', 'saveTopic', topic([vYiwu.volunteerId])));
    expect(created.orgId).toBe(org['义乌市总工会']);
    const out = await yiwu.call('admin', 'saveTopic', topic([vYiwu.volunteerId, vPujiang.volunteerId]));
    expect([code(out), Object.keys(fields(out))]).toEqual(['FORBIDDEN', ['volunteerIds.1']]);
    expect(code(await pujiang.call('admin', 'saveTopic', { ...topic([]), id: created.id }))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'saveTopic', { ...topic([]), id: created.id }))).toBe('FORBIDDEN');
    expect(okData(await jinhua.call<{ id: string }>('admin', 'saveTopic', { ...topic([vPujiang.volunteerId]), id: created.id })).id).toBe(created.id);
    await refusedToNonAdmins('saveTopic', topic([vYiwu.volunteerId]));
  });

  it('saveService: the service, its team and its technicians must be in scope', async () => {
    const service = (over: object = {}) => ({ title: '范围测试技术服务', summary: '', field: '焊接', kind: 'help', mode: 'onsite', volunteerIds: [vYiwu.volunteerId], ...over });
    const created = okData(await yiwu.call<{ id: string; teamId: string | null }>('admin', 'saveService', service({ teamId: yiwuTeam })));
    expect(created.teamId).toBe(yiwuTeam);
    expect(code(await yiwu.call('admin', 'saveService', service({ teamId: pujiangTeam })))).toBe('FORBIDDEN');
    const out = await yiwu.call('admin', 'saveService', service({ volunteerIds: [vHangzhou.volunteerId] }));
    expect([code(out), Object.keys(fields(out))]).toEqual(['FORBIDDEN', ['volunteerIds.0']]);
    expect(code(await pujiang.call('admin', 'saveService', service({ id: created.id, volunteerIds: [] })))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'saveService', service({ id: created.id, volunteerIds: [] })))).toBe('FORBIDDEN');
    await refusedToNonAdmins('saveService', service());
  });

  it('saveTeam: a team of an org in scope, and only the admin\'s teams can be edited', async () => {
    const team = (over: object = {}) => ({ name: '范围测试服务队', kind: 'service', region: '义乌', intro: '', ...over });
    const created = okData(await yiwu.call<Team>('admin', 'saveTeam', team()));
    expect(created.orgId).toBe(org['义乌市总工会']);
    expect(code(await yiwu.call('admin', 'saveTeam', team({ orgId: org['浦江县总工会'] })))).toBe('FORBIDDEN');
    expect(code(await pujiang.call('admin', 'saveTeam', team({ id: created.id })))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'saveTeam', team({ id: created.id })))).toBe('FORBIDDEN');
    expect(okData(await jinhua.call<Team>('admin', 'saveTeam', team({ name: '金华派往浦江服务队', orgId: org['浦江县总工会'] }))).orgId).toBe(org['浦江县总工会']);
    await refusedToNonAdmins('saveTeam', team({ name: '无权新建的服务队' }));
  });

  it('setMember: both the team and the volunteer must be in scope', async () => {
    const member = (teamId: string, v: VolunteerSession) => ({ teamId, volunteerId: v.volunteerId, role: 'member' });
    expect(okData(await yiwu.call<Team>('admin', 'setMember', member(yiwuTeam, vYiwu))).memberIds).toContain(vYiwu.volunteerId);
    expect(code(await yiwu.call('admin', 'setMember', member(yiwuTeam, vHangzhou)))).toBe('FORBIDDEN');
    expect(code(await yiwu.call('admin', 'setMember', member(pujiangTeam, vYiwu)))).toBe('FORBIDDEN');
    expect(code(await pujiang.call('admin', 'setMember', member(yiwuTeam, vPujiang)))).toBe('FORBIDDEN');
    const teamOf = async (v: VolunteerSession) => (await database.db.selectFrom('volunteers').select('team_id').where('id', '=', v.volunteerId).executeTakeFirstOrThrow()).team_id;
    expect(await teamOf(vHangzhou)).toBeNull();
    expect(await teamOf(vPujiang)).toBeNull();
    await refusedToNonAdmins('setMember', member(yiwuTeam, vYiwu));
  });

  it('showcase: only a completed order in scope; others answer as if it did not exist', async () => {
    const done = await order(org['义乌市总工会'], { status: 'completed', peopleServed: 20 });
    expect(code(await pujiang.call('admin', 'showcase', { id: done, on: true }))).toBe('NOT_FOUND');
    expect(code(await hangzhou.call('admin', 'showcase', { id: done, on: true }))).toBe('NOT_FOUND');
    await refusedToNonAdmins('showcase', { id: done, on: true });
    const flag = async () => (await database.db.selectFrom('orders').select('showcase').where('id', '=', done).executeTakeFirstOrThrow()).showcase;
    expect(await flag()).toBe(false);
    expect(okData(await yiwu.call('admin', 'showcase', { id: done, on: true }))).toEqual({ id: done, showcase: true });
    expect(await flag()).toBe(true);
  });

  it('stats: the admin\'s own orgs, or one of them, never another', async () => {
    await order(org['义乌市总工会'], { status: 'completed', peopleServed: 7 });
    expect(okData(await yiwu.call<Stats>('admin', 'stats', PERIOD)).orgId).toBe(org['义乌市总工会']);
    expect(okData(await jinhua.call<Stats>('admin', 'stats', { ...PERIOD, orgId: org['义乌市总工会'] })).ordersTotal).toBeGreaterThan(0);
    expect(code(await yiwu.call('admin', 'stats', { ...PERIOD, orgId: org['浦江县总工会'] }))).toBe('FORBIDDEN');
    expect(code(await yiwu.call('admin', 'stats', { ...PERIOD, orgId: org['金华市总工会'] }))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'stats', { ...PERIOD, orgId: org['义乌市总工会'] }))).toBe('FORBIDDEN');
    await refusedToNonAdmins('stats', PERIOD);
  });

  it('export: rows of the admin\'s orgs only; another org is FORBIDDEN', async () => {
    const mine = await order(org['义乌市总工会'], { status: 'completed', peopleServed: 3 });
    const theirs = await order(org['杭州市总工会'], { status: 'completed', peopleServed: 3 });
    const exportedIds = async (s: Session, data: object = {}) => {
      const file = okData(await s.call<ExportFile>('admin', 'export', { ...PERIOD, format: 'csv', ...data }));
      return Buffer.from(file.base64, 'base64').toString('utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    };
    expect(await exportedIds(yiwu)).toContain(mine);
    expect(await exportedIds(yiwu)).not.toContain(theirs);
    expect(await exportedIds(jinhua, { orgId: org['义乌市总工会'] })).toContain(mine);
    expect(await exportedIds(hangzhou)).toContain(theirs);
    expect(await exportedIds(hangzhou)).not.toContain(mine);
    expect(code(await yiwu.call('admin', 'export', { ...PERIOD, format: 'csv', orgId: org['杭州市总工会'] }))).toBe('FORBIDDEN');
    expect(code(await hangzhou.call('admin', 'export', { ...PERIOD, format: 'xlsx', what: 'stats', orgId: org['义乌市总工会'] }))).toBe('FORBIDDEN');
    await refusedToNonAdmins('export', { ...PERIOD, format: 'csv' });
  });

  it('accounts: enterprise review, invitations, users, revocations and their record stay within scope', async () => {
    // An enterprise application to 义乌 (the applicant completes the profile first).
    okData(await worker.call('auth', 'updateProfile', { name: '范围企业', phone: '13900009999', orgId: org['义乌市总工会'] }));
    const appl = okData(await worker.call<{ id: string }>('auth', 'applyEnterprise', { company: '范围测试有限公司', creditCode: '91110108551385082Q', orgId: org['义乌市总工会'] }));
    const listed = async (s: Session) => okData(await s.call<Page<{ id: string }>>('admin', 'enterprises', {})).items.map((a) => a.id);
    expect(await listed(jinhua)).toContain(appl.id);
    expect(await listed(pujiang)).not.toContain(appl.id);
    expect(await listed(hangzhou)).not.toContain(appl.id);
    await refusedToNonAdmins('enterprises', {});
    for (const s of [pujiang, hangzhou]) expect(code(await s.call('admin', 'reviewEnterprise', { id: appl.id, approve: true }))).toBe('FORBIDDEN');
    await refusedToNonAdmins('reviewEnterprise', { id: appl.id, approve: true });
    okData(await yiwu.call('admin', 'reviewEnterprise', { id: appl.id, approve: true }));

    // Invitations: own org or below.
    okData(await jinhua.call('admin', 'invite', { orgId: org['浦江县总工会'] }));
    for (const [s, orgName] of [[yiwu, '金华市总工会'], [yiwu, '浦江县总工会'], [hangzhou, '义乌市总工会']] as const) {
      expect(code(await s.call('admin', 'invite', { orgId: org[orgName] })), orgName).toBe('FORBIDDEN');
    }
    await refusedToNonAdmins('invite', { orgId: org['义乌市总工会'] });

    // Users in scope, and taking a role back only from them.
    const seen = async (s: Session) => okData(await s.call<Page<{ id: string }>>('admin', 'users', { role: 'enterprise', pageSize: 100 })).items.map((u) => u.id);
    expect(await seen(yiwu)).toContain(worker.userId);
    expect(await seen(jinhua)).toContain(worker.userId);
    expect(await seen(pujiang)).not.toContain(worker.userId);
    await refusedToNonAdmins('users', {});
    for (const s of [pujiang, hangzhou]) expect(code(await s.call('admin', 'revokeRole', { userId: worker.userId, role: 'enterprise' }))).toBe('FORBIDDEN');
    expect(code(await yiwu.call('admin', 'revokeRole', { userId: jinhua.userId, role: 'admin' }))).toBe('FORBIDDEN');
    await refusedToNonAdmins('revokeRole', { userId: worker.userId, role: 'enterprise' });
    const record = async (s: Session) => okData(await s.call<Page<{ userId: string }>>('admin', 'roleGrants', { userId: worker.userId })).total;
    expect(await record(yiwu)).toBe(1);
    expect(await record(jinhua)).toBe(1);
    expect(await record(pujiang)).toBe(0);
    expect(await record(hangzhou)).toBe(0);
    await refusedToNonAdmins('roleGrants', {});
  });

  it('covers every action of the admin function (a new one needs its scope case here)', () => {
    expect([...covered].sort()).toEqual(Object.keys(adminActions).sort());
  });
});
