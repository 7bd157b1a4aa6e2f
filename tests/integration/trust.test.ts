import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import type { CheckInCodeAnswer, InboxPage, Order, OrderDetail, Page, Stats, VolunteerStats } from '../../cloud/contract';
import { CHECK_IN_CODE, checkInPayload, codeAt } from '../../cloud/contract/check-in-code';
import { CODE_MESSAGES } from '../../cloud/domain/trust/check-in-code';
import { dayjs, ZONE } from '../../cloud/domain/time';
import { createWorkers, newRequestId, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { postNeed, createTechnicians } from '../helpers/needs';
import { adminOf, createTeam, createVolunteer, orgsByName, type VolunteerSession } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * Verified check-in (the requester's rotating code) and handing an accepted order back, over the
 * real HTTP stack, on both engines.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];
const PHONE = '13912340000';
const ADDRESS = '义乌市稠城街道工人北路 9 号职工之家';

describe.each(ENGINES)('trust on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let org: Record<string, string>;
  let R: Session, Stranger: Session, A: Session;
  let N: VolunteerSession, O: VolunteerSession;
  let topicId: string, soloTopic: string;
  let k = 0;
  const day = dayjs().tz(ZONE).add(3, 'day').startOf('day');

  const err = (res: { body: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string>; retryAfter?: number } } }) => res.body.error!;
  const step = async (s: Session, fn: string, action: string, data: object) => okData(await s.call<Order>(fn, action, data));

  /** R books a speaker (N unless told) for the topic at the next free slot; they accept unless told not to. */
  async function booked(opts: { accept?: boolean; topic?: string; by?: VolunteerSession } = {}): Promise<string> {
    const v = opts.by ?? N;
    const start = day.add(7 * 60 + (k++ % 12) * 70, 'minute').add(Math.floor(k / 12), 'day').toISOString();
    const o = okData(await R.call<Order>('order', 'create', {
      kind: 'lecture', topicId: opts.topic ?? topicId, volunteerId: v.volunteerId, start, durationMin: 60,
      venue: { type: 'enterprise', address: ADDRESS }, contactPhone: PHONE, requestId: newRequestId(),
    }));
    if (opts.accept !== false) await step(v, 'task', 'accept', { id: o.id });
    return o.id;
  }
  /**
   * Moves one of N's orders to "today, check-in open": each to its own hour, counting back from
   * just under 2 h ahead, so that N's held orders never overlap (the exclusion constraint).
   */
  let near = 0;
  const today = (id: string) => startsIn(id, 100 - 65 * near++);
  /** Moves the order so that it starts `minutes` from now (check-in opens 2 h before). */
  const startsIn = (id: string, minutes: number) =>
    sql`UPDATE orders SET during = tstzrange(now() + make_interval(mins => ${minutes}), now() + make_interval(mins => ${minutes + 60})) WHERE id = ${id}`.execute(database.db);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    org = await orgsByName(server);
    A = await adminOf(server, org['义乌市总工会']);
    [R, Stranger] = await createWorkers(server, 2, `核验${engine}`);
    await database.db.updateTable('users').set({ org_id: org['义乌市总工会'] }).where('id', '=', R.userId).execute();
    [N, O] = await Promise.all(['核验宣讲人', '同题宣讲人'].map((name) => createVolunteer(server, { orgId: org['义乌市总工会'], name, kinds: ['speaker'] })));
    await database.db.insertInto('volunteer_windows')
      .values([N, O].flatMap((v) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ volunteer_id: v.volunteerId, weekday, start_minute: 360, end_minute: 1380 }))))
      .execute();
    const topic = async (title: string, speakers: VolunteerSession[]) =>
      okData(await A.call<{ id: string }>('admin', 'saveTopic', {
        title, summary: '', category: 'laomo', durations: [60], audience: '职工', venueTypes: [], volunteerIds: speakers.map((v) => v.volunteerId),
      })).id;
    topicId = await topic(`核验测试主题${engine}`, [N, O]);
    soloTopic = await topic(`核验测试独讲${engine}`, [N]);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  describe('the check-in code', () => {
    it('reaches only the requester, only on the day, never in an order answer', async () => {
      const id = await booked();
      // Three days ahead: not yet.
      expect(err(await R.call('order', 'checkInCode', { id }))).toMatchObject({ code: 'CONFLICT', message: '签到码在服务当天开放' });
      expect(okData(await R.call<OrderDetail>('order', 'get', { id })).actions).not.toContain('checkInCode');
      await today(id);
      const got = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id }));
      expect(got).toMatchObject({ orderId: id, periodSeconds: 30, digits: 6 });
      expect(got.secret).toMatch(/^[0-9a-f]{40}$/);
      expect(Math.abs(Date.parse(got.serverTime) - Date.now())).toBeLessThan(5000);
      // The same secret on every call (made once), so a reload shows the same code.
      expect(okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id })).secret).toBe(got.secret);
      expect(okData(await R.call<OrderDetail>('order', 'get', { id })).actions).toContain('checkInCode');
      // The volunteer (who would verify themselves), an admin and a stranger get nothing.
      expect(err(await N.call('order', 'checkInCode', { id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(err(await A.call('order', 'checkInCode', { id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(err(await Stranger.call('order', 'checkInCode', { id }))).toMatchObject({ code: 'NOT_FOUND' });
      for (const s of [N, A, R]) {
        const seen = JSON.stringify([await s.call('order', 'get', { id }), await s.call('task', 'inbox', { pageSize: 100 }), await s.call('order', 'mine', { pageSize: 100 })]);
        expect(seen).not.toContain(got.secret);
      }
    });

    it('scanned now: 已核验 on the order, the timeline, the volunteer totals and the team statistics', async () => {
      const id = await booked();
      await today(id);
      const { secret } = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id }));
      const before = okData(await N.call<VolunteerStats>('task', 'stats', {}));
      const done = await step(N, 'task', 'checkIn', { id, code: checkInPayload(id, codeAt(secret, Date.now())) });
      expect(done).toMatchObject({ status: 'in_progress', checkInVerified: true });
      const detail = okData(await R.call<OrderDetail>('order', 'get', { id }));
      expect(detail.timeline.at(-1)).toMatchObject({ to: 'in_progress', note: '已签到（已核验）' });
      expect(detail.actions).not.toContain('checkInCode');
      const after = okData(await N.call<VolunteerStats>('task', 'stats', {}));
      expect([after.checkIns! - before.checkIns!, after.verifiedCheckIns! - before.verifiedCheckIns!]).toEqual([1, 1]);
      // Once checked in, the code is not shown any more.
      expect(err(await R.call('order', 'checkInCode', { id }))).toMatchObject({ code: 'CONFLICT', message: '志愿者已签到' });
    });

    it('the code of the step before passes; two steps back is expired; another order’s code is refused', async () => {
      const id = await booked();
      const other = await booked();
      await today(id);
      const mine = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id })).secret;
      // The other order's code, scanned (its QR names it) and typed (6 digits that are not ours).
      await today(other);
      const theirs = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id: other })).secret;
      const now = Date.now();
      expect(err(await N.call('task', 'checkIn', { id, code: checkInPayload(other, codeAt(theirs, now)) }))).toMatchObject({
        code: 'VALIDATION', message: CODE_MESSAGES.other_order, fields: { code: CODE_MESSAGES.other_order },
      });
      const typedTheirs = codeAt(theirs, now);
      if (![0, 1, 2].some((b) => codeAt(mine, now - b * 30_000) === typedTheirs)) {
        expect(err(await N.call('task', 'checkIn', { id, code: typedTheirs }))).toMatchObject({ code: 'VALIDATION', fields: { code: CODE_MESSAGES.wrong } });
      }
      // A code shown a minute and a half ago (a screenshot, or replayed): expired.
      expect(err(await N.call('task', 'checkIn', { id, code: codeAt(mine, Date.now() - 90_000) }))).toMatchObject({ code: 'VALIDATION', fields: { code: CODE_MESSAGES.expired } });
      expect(err(await N.call('task', 'checkIn', { id, code: '12345' }))).toMatchObject({ code: 'VALIDATION', fields: { code: CODE_MESSAGES.malformed } });
      expect(okData(await R.call<OrderDetail>('order', 'get', { id })).status).toBe('accepted');
      // The code read just before it turned (the previous step).
      expect(await step(N, 'task', 'checkIn', { id, code: codeAt(mine, Date.now() - 30_000) })).toMatchObject({ status: 'in_progress', checkInVerified: true });
      // The other order's volunteer is the same speaker: O is a stranger to it and learns nothing.
      expect(err(await O.call('task', 'checkIn', { id: other, code: codeAt(theirs, Date.now()) }))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it(`${CHECK_IN_CODE.wrongTries} wrong codes lock the code for ${CHECK_IN_CODE.wrongTriesMinutes} minutes, even the right one; check-in without a code still works, 未核验`, async () => {
      const id = await booked();
      await today(id);
      const { secret } = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id }));
      const right = () => codeAt(secret, Date.now());
      const wrong = () => (right() === '000000' ? '000001' : '000000');
      for (let i = 0; i < CHECK_IN_CODE.wrongTries; i++) {
        expect(err(await N.call('task', 'checkIn', { id, code: wrong() }))).toMatchObject({ code: 'VALIDATION' });
      }
      const locked = await N.call('task', 'checkIn', { id, code: right() });
      expect(locked.status).toBe(429);
      expect(err(locked)).toMatchObject({ code: 'RATE_LIMITED', message: CODE_MESSAGES.locked(10) });
      expect(err(locked).retryAfter).toBeGreaterThan(500);
      expect(await database.db.selectFrom('check_in_attempts').select('verdict').where('order_id', '=', id).execute()).toHaveLength(CHECK_IN_CODE.wrongTries);
      // The tries age out: ten minutes later the right code passes again.
      await sql`UPDATE check_in_attempts SET at = at - interval '10 minutes' WHERE order_id = ${id}`.execute(database.db);
      expect(okData(await N.call<Order>('task', 'checkIn', { id, code: right() }))).toMatchObject({ checkInVerified: true });

      // Without a code: checked in, marked 未核验 on the order and its timeline.
      const plain = await booked();
      await today(plain);
      expect(await step(N, 'task', 'checkIn', { id: plain })).toMatchObject({ status: 'in_progress', checkInVerified: false });
      expect(okData(await R.call<OrderDetail>('order', 'get', { id: plain })).timeline.at(-1)!.note).toBe('已签到（未核验）');
    });

    it('admins see the share of verified visits per team in admin.stats', async () => {
      const res = okData(await A.call<Stats>('admin', 'stats', { from: dayjs().tz(ZONE).subtract(1, 'day').startOf('day').toISOString(), to: dayjs().tz(ZONE).add(2, 'day').startOf('day').toISOString() }));
      const count = await database.db
        .selectFrom('orders')
        .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.count<string>('id').filterWhere('check_in_verified', '=', true).as('v')])
        .where('volunteer_id', 'in', [N.volunteerId, O.volunteerId])
        .where('checked_in_at', 'is not', null)
        .executeTakeFirstOrThrow();
      // These speakers are in no team: the visits count in the totals (and under no team).
      expect(Number(count.v)).toBeGreaterThanOrEqual(3);
      expect(res.verifiedCheckIns).toBeGreaterThanOrEqual(Number(count.v));
      expect(res.checkIns).toBeGreaterThanOrEqual(Number(count.n));
      expect(res.checkIns! - res.verifiedCheckIns!).toBeGreaterThanOrEqual(Number(count.n) - Number(count.v));
    });
  });

  describe('handing an accepted order back', () => {
    it('in each state and role: only the volunteer holding it, before the start', async () => {
      const pending = await booked({ accept: false });
      expect(err(await N.call('task', 'handBack', { id: pending, reason: '临时出差' }))).toMatchObject({ code: 'CONFLICT' });
      const id = await booked();
      expect(okData(await N.call<OrderDetail>('order', 'get', { id })).actions).toContain('handBack');
      expect(err(await R.call('task', 'handBack', { id, reason: '临时出差' }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(err(await A.call('task', 'handBack', { id, reason: '临时出差' }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(err(await O.call('task', 'handBack', { id, reason: '临时出差' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(err(await N.call('task', 'handBack', { id, reason: '走' }))).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.any(String) } });
      await today(id);
      await step(N, 'task', 'checkIn', { id });
      expect(err(await N.call('task', 'handBack', { id, reason: '临时出差' }))).toMatchObject({ code: 'CONFLICT' });
      const late = await booked({ by: O });
      await startsIn(late, -5);
      expect(err(await O.call('task', 'handBack', { id: late, reason: '临时出差' }))).toMatchObject({ code: 'CONFLICT', message: '订单开始时间已过，不能交还订单' });
    });

    it('days ahead: back to the topic’s other speakers; the requester is told; the hand-backer loses phone and address; counted', async () => {
      const id = await booked();
      const before = okData(await N.call<VolunteerStats>('task', 'stats', {}));
      expect(okData(await N.call<OrderDetail>('order', 'get', { id })).contactPhone).toBe(PHONE);
      const answer = await step(N, 'task', 'handBack', { id, reason: '单位临时安排出差' });
      expect([answer.contactPhone, answer.venue.address, answer.status]).toEqual([null, null, 'pending']);
      expect(err(await N.call('order', 'get', { id }))).toMatchObject({ code: 'NOT_FOUND' });
      const inboxOfN = okData(await N.call<Page<Order>>('task', 'inbox', { pageSize: 100 })).items.map((o) => o.id);
      expect(inboxOfN).not.toContain(id);
      const detail = okData(await R.call<OrderDetail>('order', 'get', { id }));
      expect(detail).toMatchObject({ status: 'pending', volunteerId: null });
      expect(detail.timeline.slice(-2).map((e) => [e.from, e.to, e.note])).toEqual([
        ['accepted', 'declined', '交还订单：单位临时安排出差'],
        ['declined', 'pending', '转入抢单池'],
      ]);
      const told = okData(await R.call<InboxPage>('inbox', 'list', {})).items.find((m) => m.orderId === id)!;
      expect(told).toMatchObject({ title: '志愿者交还了订单' });
      expect(told.body).toContain('已转入抢单池');
      const pool = okData(await O.call<Page<Order>>('task', 'pool', { pageSize: 100 })).items.find((o) => o.id === id);
      expect(pool).toMatchObject({ contactPhone: null, actions: ['grab'] });
      const after = okData(await N.call<VolunteerStats>('task', 'stats', {}));
      expect(after.handBacks! - before.handBacks!).toBe(1);
      const row = await database.db.selectFrom('hand_backs').selectAll().where('order_id', '=', id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ volunteer_id: N.volunteerId, went_to: 'pool', reason: '单位临时安排出差' });
      // O takes it from the pool and sees everything; N still nothing.
      expect((await step(O, 'task', 'grab', { id })).contactPhone).toBe(PHONE);
      expect(err(await N.call('order', 'get', { id }))).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('within 2 h of the start, or with nobody else: to the admins, in their overdue queue', async () => {
      const id = await booked({ by: O });
      await startsIn(id, 90);
      const o = await step(O, 'task', 'handBack', { id, reason: '家里突发急事' });
      expect(o.status).toBe('declined');
      const detail = okData(await A.call<OrderDetail>('order', 'get', { id }));
      expect(detail).toMatchObject({ volunteerId: null, actions: expect.arrayContaining(['dispatch']) });
      expect(detail.timeline.at(-1)!.note).toBe('交还订单：家里突发急事（距开始不足 2 小时，转交工会管理员）');
      const overdue = okData(await A.call<Page<Order>>('admin', 'overdue', { pageSize: 100 })).items.map((x) => x.id);
      expect(overdue).toContain(id);
      expect(okData(await A.call<InboxPage>('inbox', 'list', {})).items.some((m) => m.orderId === id && m.body.includes('交还了订单'))).toBe(true);
      expect(okData(await R.call<InboxPage>('inbox', 'list', {})).items.find((m) => m.orderId === id)!.body).toContain('已转交工会管理员安排');
      expect(err(await O.call('order', 'get', { id }))).toMatchObject({ code: 'NOT_FOUND' });

      const solo = await booked({ topic: soloTopic });
      expect((await step(N, 'task', 'handBack', { id: solo, reason: '单位临时安排出差' })).status).toBe('declined');
      expect(okData(await A.call<OrderDetail>('order', 'get', { id: solo })).timeline.at(-1)!.note).toContain('无其他人可接');
    });

    it('a team’s service goes back to the team; a grabbed need back to the pool', async () => {
      const teamId = await createTeam(server, org['义乌市总工会'], `交还测试服务队${engine}`);
      const [T1, T2] = await Promise.all(['队员甲', '队员乙'].map((name) => createVolunteer(server, { orgId: org['义乌市总工会'], name, kinds: ['technician'], teamId })));
      const service = okData(await A.call<{ id: string }>('admin', 'saveService', {
        title: `交还测试技术服务${engine}`, summary: '', field: '数控', kind: 'help', mode: 'onsite', teamId, volunteerIds: [T1.volunteerId, T2.volunteerId],
      }));
      const created = okData(await R.call<Order>('order', 'create', {
        kind: 'service', serviceId: service.id, teamId, start: day.add(2, 'day').add(9, 'hour').toISOString(), durationMin: 90,
        venue: { type: 'workshop', address: ADDRESS }, contactPhone: PHONE, requestId: newRequestId(),
      }));
      await step(T1, 'task', 'grab', { id: created.id });
      await step(T1, 'task', 'handBack', { id: created.id, reason: '设备调试冲突' });
      const d = okData(await R.call<OrderDetail>('order', 'get', { id: created.id }));
      expect([d.status, d.teamId, d.timeline.at(-1)!.note]).toEqual(['pending', teamId, '交回服务队，队员可接单']);
      expect(okData(await T2.call<Page<Order>>('task', 'pool', { pageSize: 100 })).items.map((o) => o.id)).toContain(created.id);
      // T2 takes it, comes on the day and scans: the team's visits in admin.stats, verified.
      await step(T2, 'task', 'grab', { id: created.id });
      await startsIn(created.id, 30);
      const { secret } = okData(await R.call<CheckInCodeAnswer>('order', 'checkInCode', { id: created.id }));
      await step(T2, 'task', 'checkIn', { id: created.id, code: codeAt(secret, Date.now()) });
      // The visit counts on the day it starts, 30 minutes from now: tomorrow when run late at night.
      const period = { from: dayjs().tz(ZONE).startOf('day').toISOString(), to: dayjs().tz(ZONE).add(2, 'day').startOf('day').toISOString() };
      const team = okData(await A.call<Stats>('admin', 'stats', period)).byTeam.find((t) => t.key === teamId);
      expect(team).toMatchObject({ checkIns: 1, verifiedCheckIns: 1 });

      const [tech] = await createTechnicians(server, 1, '焊接', `交还${engine}`);
      const need = await postNeed(R);
      await step(tech, 'task', 'grab', { id: need.id });
      expect((await step(tech, 'task', 'handBack', { id: need.id, reason: '缺少合适的焊机' })).status).toBe('pending');
      expect(okData(await R.call<OrderDetail>('order', 'get', { id: need.id })).timeline.at(-1)!.note).toBe('转入抢单池');
    });
  });
});
