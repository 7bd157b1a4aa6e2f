import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ExportFile, InboxPage, Order, OrderDetail, Page, VolunteerProfile } from '../../cloud/contract';
import { escalateOverdue } from '../../cloud/domain/orders/sla';
import { dayjs, ZONE } from '../../cloud/domain/time';
import { createWorkers, newRequestId, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { adminOf, createVolunteer, orgsByName, type VolunteerSession } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The contact phone and the exact address, per state and per relation, on every answer that
 * carries an order (SPEC "Rules"). Each answer is read as one of:
 * - `full`: phone, address and district; `area`: the district only; `none`: nothing of the place;
 * - `leak`: the phone or the address turns up somewhere it must not (a note, the timeline, …);
 * - `hidden`: order.get answers NOT_FOUND; a list that does not carry the order is left out.
 * Exports read `row` (the order is in the file, without contacts); inbox messages read `pii` when
 * one about the order carries the phone or the address, and are left out otherwise.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];
const PHONE = '13912345678';
const ADDRESS = '义乌市稠城街道工人北路 1 号 3 楼报告厅';
const DISTRICT = '义乌市稠城街道';

type Sight = 'full' | 'area' | 'none' | 'leak' | 'hidden' | 'row' | 'pii';
type View = Record<string, Sight>;
const carriesPhone = (text: string) => text.replace(/[\s-]/g, '').includes(PHONE);
const carriesSecret = (text: string) => carriesPhone(text) || text.includes(ADDRESS);

function sight(o: Order | OrderDetail): Sight {
  if (o.contactPhone === PHONE && o.venue.address === ADDRESS && o.district === DISTRICT) return 'full';
  if (carriesSecret(JSON.stringify(o))) return 'leak';
  return o.district === DISTRICT ? 'area' : o.district == null ? 'none' : 'leak';
}

describe.each(ENGINES)('who sees the phone and address, on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let org: Record<string, string>;
  let R: Session; // the requester
  let N: VolunteerSession, O: VolunteerSession, D: VolunteerSession; // named, other, dispatched-to
  let A: Session, X: Session; // admins of 义乌 (the topics' org) and of 杭州
  let multiTopic: string, soloTopic: string;
  const day = dayjs().tz(ZONE).add(2, 'day').startOf('day');
  const slot = (k: number) => day.add(8 * 60 + k * 100, 'minute').toISOString();

  /** Every page of a list until the order turns up. */
  async function find(s: Session, fn: string, action: string, id: string, data: object = {}): Promise<Order | undefined> {
    for (let page = 1; ; page++) {
      const res = okData(await s.call<Page<Order>>(fn, action, { ...data, page, pageSize: 100 }));
      const hit = res.items.find((o) => o.id === id);
      if (hit || page * 100 >= res.total) return hit;
    }
  }

  async function look(id: string): Promise<Record<string, View>> {
    const view = async (s: Session, channels: [string, () => Promise<Order | undefined>][]) => {
      const got = await s.call<OrderDetail>('order', 'get', { id });
      if (!got.body.ok && got.body.error.code !== 'NOT_FOUND') throw new Error(JSON.stringify(got.body.error));
      const v: View = { get: got.body.ok ? sight(got.body.data) : 'hidden' };
      for (const [name, read] of channels) {
        const o = await read();
        if (o) v[name] = sight(o);
      }
      const msgs = okData(await s.call<InboxPage>('inbox', 'list', { pageSize: 100 })).items.filter((m) => m.orderId === id);
      if (msgs.some((m) => carriesSecret(m.title + m.body))) v.msgs = 'pii';
      return v;
    };
    const volunteer = (s: Session) => view(s, [['inbox', () => find(s, 'task', 'inbox', id)], ['pool', () => find(s, 'task', 'pool', id)]]);
    const admin = async (s: Session) => {
      const v = await view(s, [['orders', () => find(s, 'admin', 'orders', id)], ['overdue', () => find(s, 'admin', 'overdue', id)]]);
      const file = okData(await s.call<ExportFile>('admin', 'export', { from: day.toISOString(), to: day.add(1, 'day').toISOString(), format: 'csv' }));
      const csv = Buffer.from(file.base64, 'base64').toString('utf8');
      if (carriesSecret(csv)) v.export = 'leak';
      else if (csv.split('\n').some((line) => line.startsWith(`${id},`))) v.export = 'row';
      return v;
    };
    return {
      R: await view(R, [['mine', () => find(R, 'order', 'mine', id)]]),
      N: await volunteer(N), O: await volunteer(O), D: await volunteer(D),
      A: await admin(A), X: await admin(X),
    };
  }

  /** R books `topicId` (naming a speaker or not) at slot k; the note carries the phone, spaced. */
  async function book(topicId: string, volunteerId: string | undefined, k: number): Promise<string> {
    const o = okData(await R.call<Order>('order', 'create', {
      kind: 'lecture', topicId, ...(volunteerId ? { volunteerId } : {}), start: slot(k), durationMin: 60,
      venue: { type: 'enterprise', address: ADDRESS }, headcount: 40, contactPhone: PHONE, note: '到了请打 139 1234 5678', requestId: newRequestId(),
    }));
    return o.id;
  }
  const step = async (s: Session, fn: string, action: string, data: object) => okData(await s.call<Order>(fn, action, data));
  const lastMessage = async (s: Session, id: string) => okData(await s.call<InboxPage>('inbox', 'list', {})).items.find((m) => m.orderId === id)!;

  const hidden: View = { get: 'hidden' };
  const requester: View = { get: 'full', mine: 'full' };
  const adminFull: View = { get: 'full', orders: 'full', export: 'row' };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    org = await orgsByName(server);
    A = await adminOf(server, org['义乌市总工会']);
    X = await adminOf(server, org['杭州市总工会']);
    [R] = await createWorkers(server, 1, `隐私${engine}`);
    [N, O, D] = await Promise.all(['点名宣讲人', '同题宣讲人', '派单宣讲人'].map((name) => createVolunteer(server, { orgId: org['义乌市总工会'], name, kinds: ['speaker'] })));
    // Every day 06:00–22:00, so each slot of the day after tomorrow is bookable.
    await database.db.insertInto('volunteer_windows')
      .values([N, O, D].flatMap((v) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ volunteer_id: v.volunteerId, weekday, start_minute: 360, end_minute: 1320 }))))
      .execute();
    const topic = async (title: string, speakers: VolunteerSession[]) =>
      okData(await A.call<{ id: string }>('admin', 'saveTopic', {
        title, summary: '', category: 'laomo', durations: [60], audience: '职工', venueTypes: [], volunteerIds: speakers.map((v) => v.volunteerId),
      })).id;
    multiTopic = await topic(`隐私测试三人主题${engine}`, [N, O, D]);
    soloTopic = await topic(`隐私测试独讲主题${engine}`, [N]);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('named: the district until the speaker accepts, then everything while they hold it', async () => {
    const id = await book(multiTopic, N.volunteerId, 0);
    const before = { R: requester, N: { get: 'area', inbox: 'area' }, O: hidden, D: hidden, A: adminFull, X: hidden };
    expect(await look(id)).toEqual(before);
    // The form's promise 「仅接单的志愿者和工会管理员可见」: not even in the note, the timeline or the message.
    const asked = okData(await N.call<OrderDetail>('order', 'get', { id }));
    expect([asked.contactPhone, asked.venue.address, asked.note]).toEqual([null, null, '到了请打 （电话已隐藏）']);
    expect(asked.actions).toContain('accept');

    const holding = { ...before, N: { get: 'full', inbox: 'full' } };
    await step(N, 'task', 'accept', { id });
    expect(await look(id)).toEqual(holding);
    expect(okData(await N.call<OrderDetail>('order', 'get', { id })).note).toBe('到了请打 139 1234 5678');

    // An hour before the start (a second server over the same data, its clock ahead).
    const later = await createTestServer(database, { offsetMinutes: Math.round((new Date(slot(0)).getTime() - Date.now()) / 60_000) - 60 });
    try {
      const at = (s: Session) => sessionFor(later, s.userId);
      await step(at(N), 'task', 'checkIn', { id });
      expect(await look(id)).toEqual(holding);
      await step(at(N), 'task', 'complete', { id, record: { peopleServed: 40, summary: `在${ADDRESS}宣讲，职工反响热烈。` } });
      expect(await look(id)).toEqual(holding);
      await step(at(R), 'order', 'rate', { id, score: 5 });
      expect(await look(id)).toEqual(holding);
    } finally {
      await later.close();
    }
    // 优秀案例 are public: the speaker's page shows the summary without the address in it.
    okData(await A.call('admin', 'showcase', { id, on: true }));
    const profile = okData(await server.call<VolunteerProfile>('catalog', 'volunteer', { id: N.volunteerId }));
    expect(profile.cases.map((c) => [c.orderId, c.summary])).toEqual([[id, '在（地址已隐藏）宣讲，职工反响热烈。']]);
  });

  it('declined to the pool: the decliner loses it, the other speakers see the district, the one who grabs sees all', async () => {
    const id = await book(multiTopic, N.volunteerId, 1);
    await step(N, 'task', 'decline', { id, reason: `太远了，${ADDRESS}不方便前往` });
    const pool = { get: 'hidden', pool: 'area' };
    // The requester reads the reason, address and all, in the message: it is theirs.
    expect(await look(id)).toEqual({ R: { ...requester, msgs: 'pii' }, N: pool, O: pool, D: pool, A: adminFull, X: hidden });

    await step(O, 'task', 'grab', { id });
    expect(await look(id)).toEqual({ R: { ...requester, msgs: 'pii' }, N: hidden, O: { get: 'full', inbox: 'full' }, D: hidden, A: adminFull, X: hidden });
  });

  it('declined with nobody else, dispatched, replaced, transferred: each sees what their place allows', async () => {
    const id = await book(soloTopic, N.volunteerId, 2);
    await step(N, 'task', 'decline', { id, reason: '当天外出参加培训' });
    const declined = { get: 'none', inbox: 'none' };
    expect(await look(id)).toEqual({ R: requester, N: declined, O: hidden, D: hidden, A: { ...adminFull, overdue: 'full' }, X: hidden });

    // The admin's note carries the phone; the dispatched speaker, not yet accepted, reads it blanked.
    await step(A, 'admin', 'dispatch', { id, volunteerId: D.volunteerId, note: '请尽快联系 139-1234-5678' });
    const asked = { get: 'area', inbox: 'area' };
    expect(await look(id)).toEqual({ R: requester, N: hidden, O: hidden, D: asked, A: adminFull, X: hidden });
    expect((await lastMessage(D, id)).body).toContain('请尽快联系 （电话已隐藏）');
    const timeline = okData(await D.call<OrderDetail>('order', 'get', { id })).timeline.map((e) => e.note).join('\n');
    expect(timeline).toContain('（电话已隐藏）');

    await step(A, 'admin', 'dispatch', { id, volunteerId: O.volunteerId });
    expect(await look(id)).toEqual({ R: requester, N: hidden, O: asked, D: hidden, A: adminFull, X: hidden });

    // 转办 to 杭州: 杭州's admins now hold it, 义乌's no longer see it.
    await step(A, 'admin', 'transfer', { id, orgId: org['杭州市总工会'] });
    expect(await look(id)).toEqual({ R: requester, N: hidden, O: asked, D: hidden, A: hidden, X: adminFull });

    await step(O, 'task', 'accept', { id });
    expect(await look(id)).toEqual({ R: requester, N: hidden, O: { get: 'full', inbox: 'full' }, D: hidden, A: hidden, X: adminFull });
  });

  it('cancelled: the speaker who held it keeps the order but nothing private, even in the reason', async () => {
    const id = await book(multiTopic, N.volunteerId, 3);
    await step(N, 'task', 'accept', { id });
    await step(R, 'order', 'cancel', { id, reason: `改期再约，有事打 ${PHONE}` });
    expect(await look(id)).toEqual({ R: requester, N: { get: 'none', inbox: 'none' }, O: hidden, D: hidden, A: adminFull, X: hidden });
    expect((await lastMessage(N, id)).body).toContain('有事打 （电话已隐藏）');
  });

  it('expired: the named speaker may still say yes and sees the district; the admins see all in the overdue queue', async () => {
    const id = await book(multiTopic, N.volunteerId, 4);
    await database.db.updateTable('orders').set({ pending_since: new Date(Date.now() - 25 * 3600_000) }).where('id', '=', id).execute();
    expect(await escalateOverdue(database.db, new Date())).toContain(id);
    expect(await look(id)).toEqual({ R: requester, N: { get: 'area', inbox: 'area' }, O: hidden, D: hidden, A: { ...adminFull, overdue: 'full' }, X: hidden });
    expect(okData(await N.call<OrderDetail>('order', 'get', { id })).actions).toEqual(['accept', 'decline']);
  });

  it('an open order in the pool: candidates see the district, nobody else anything until one grabs it', async () => {
    const id = await book(multiTopic, undefined, 5);
    const pool = { get: 'hidden', pool: 'area' };
    expect(await look(id)).toEqual({ R: requester, N: pool, O: pool, D: pool, A: adminFull, X: hidden });
    const pooled = (await find(O, 'task', 'pool', id))!;
    expect([pooled.contactPhone, pooled.venue.address, pooled.district, pooled.note]).toEqual([null, null, DISTRICT, '到了请打 （电话已隐藏）']);
    await step(D, 'task', 'grab', { id });
    expect(await look(id)).toEqual({ R: requester, N: hidden, O: hidden, D: { get: 'full', inbox: 'full' }, A: adminFull, X: hidden });
  });
});
