import { sql } from 'kysely';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Application, Order, Page, TopicSummary } from '../../cloud/contract';
import { drainOutbox } from '../../cloud/domain/notify/sender';
import { sendReminders } from '../../cloud/domain/notify/reminders';
import { NO_TEMPLATES } from '../../cloud/domain/notify/templates';
import { localTransport } from '../../cloud/domain/notify/transport';
import { FUNCTIONS } from '../../cloud/functions/registry';
import { codeAt } from '../../cloud/contract/check-in-code';
import { dayjs, ZONE } from '../../cloud/domain/time';
import { bookableLecture, createWorkers, lectureInput, sessionFor, type Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTechnicians, needInput } from '../helpers/needs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * Every action of every function, on PGlite's single connection with a short acquire timeout.
 * A handler that reaches the database outside its open transaction would wait for a connection
 * the transaction holds: here that is an immediate refusal (the guarded pool) or, at worst, a
 * timeout after ACQUIRE_MS — either way an INTERNAL this test fails on. The walk drives each
 * action down its real path (booked, rescheduled, accepted, checked in, completed, rated…), then
 * every recorded call is repeated in every role, which must answer as quickly and as cleanly.
 */
const ACQUIRE_MS = 1_500;

interface Call {
  fn: string;
  action: string;
  data: unknown;
}

describe('every action on one connection (PGlite)', () => {
  let database: TestDatabase;
  let server: TestServer;
  let later: TestServer; // the same database with the clock an hour before the bookings start
  const logged: { level: number; msg: string }[] = [];
  const calls: Call[] = [];
  const answered = new Set<string>();
  let roles: Record<string, Session | null>;

  const logger = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }) as unknown as FastifyBaseLogger;

  /** One call: recorded for the role sweep, answered within the acquire timeout, never INTERNAL. */
  async function call<T>(s: Session | null, fn: string, action: string, data: unknown = {}, on: TestServer = server) {
    calls.push({ fn, action, data });
    const t0 = performance.now();
    const res = s ? await s.call<T>(fn, action, data) : await on.call<T>(fn, action, data);
    const ms = performance.now() - t0;
    const code = res.body.ok ? 'OK' : res.body.error.code;
    expect({ fn, action, code, slow: ms >= ACQUIRE_MS }).toEqual({ fn, action, code: expect.not.stringMatching(/^INTERNAL$/), slow: false });
    answered.add(`${fn}.${action}`);
    return res;
  }
  const ok = async <T>(s: Session | null, fn: string, action: string, data: unknown = {}, on: TestServer = server) =>
    okData(await call<T>(s, fn, action, data, on));

  beforeAll(async () => {
    database = await createTestDatabase('pglite', { acquireTimeoutMs: ACQUIRE_MS });
    server = await createTestServer(database, { logger });
    const db = database.db;
    const userWith = async (role: string, where?: 'province' | 'city' | 'county') => {
      let q = db.selectFrom('users as u').innerJoin('orgs as o', 'o.id', 'u.org_id').select('u.id').where(sql<boolean>`${role} = ANY(u.roles)`);
      if (where) q = q.where('o.level', '=', where);
      return sessionFor(server, (await q.orderBy('u.id').executeTakeFirstOrThrow()).id);
    };
    const [worker] = await createWorkers(server, 1, '单连接');
    roles = {
      anonymous: null,
      worker,
      enterprise: await userWith('enterprise'),
      admin: await userWith('admin', 'province'),
    };
  });
  afterAll(async () => {
    await later?.close();
    await server?.close();
    await database?.close();
  });

  it('walks every action down its real path without waiting on itself', async () => {
    const { worker, enterprise, admin } = roles as Record<string, Session>;
    // The menu, anonymously.
    const topics = await ok<Page<TopicSummary>>(null, 'catalog', 'topics', { q: '工匠', pageSize: 5 });
    await ok(null, 'catalog', 'categories');
    await ok(null, 'catalog', 'topic', { id: topics.items[0].id });
    const services = await ok<Page<{ id: string }>>(null, 'catalog', 'services', { pageSize: 5 });
    await ok(null, 'catalog', 'service', { id: services.items[0].id });
    const teams = await ok<Page<{ id: string }>>(null, 'catalog', 'teams', {});
    await ok(null, 'catalog', 'team', { id: teams.items[0].id });
    await ok(null, 'catalog', 'volunteers', { pageSize: 5 });

    // Accounts (dev mode).
    await ok(null, 'auth', 'devUsers', { pageSize: 5 });
    await ok(null, 'auth', 'devLogin', { userId: worker.userId });
    await ok(worker, 'auth', 'me');

    // A lecture: booked, accepted, checked in and completed an hour before its start, rated.
    const { topic, speaker, profile, duration } = await bookableLecture(server);
    await ok(null, 'catalog', 'volunteer', { id: speaker.id });
    const slots = profile.freeSlots.filter((s) => new Date(s.end).getTime() - new Date(s.start).getTime() >= duration * 60_000);
    expect(slots.length).toBeGreaterThanOrEqual(4);
    const speakerUser = await database.db.selectFrom('volunteers').select('user_id').where('id', '=', speaker.id).executeTakeFirstOrThrow();
    const speakerS = sessionFor(server, speakerUser.user_id);
    roles.volunteer = speakerS;
    const lecture = await ok<Order>(worker, 'order', 'create', lectureInput(topic.id, speaker.id, slots[0].start, duration));
    await ok(speakerS, 'task', 'inbox', {});
    await ok(speakerS, 'task', 'accept', { id: lecture.id });
    await ok(worker, 'order', 'get', { id: lecture.id });
    await ok(worker, 'order', 'mine', {});

    // Rescheduled (the named speaker's availability is read inside the transaction), then cancelled.
    const moved = await ok<Order>(worker, 'order', 'create', lectureInput(topic.id, speaker.id, slots[1].start, duration));
    await ok(worker, 'order', 'reschedule', { id: moved.id, start: slots[2].start });
    await ok(worker, 'order', 'cancel', { id: moved.id, reason: '单位临时有会' });
    const declined = await ok<Order>(worker, 'order', 'create', lectureInput(topic.id, speaker.id, slots[3].start, duration));
    await ok(speakerS, 'task', 'decline', { id: declined.id, reason: '当天外出培训' });

    // Needs: posted, grabbed, and (an hour before the start) checked in and finished.
    const [tech, tech2] = await createTechnicians(server, 2, '焊接', '单连接');
    roles.technician = tech;
    const startAt = new Date(slots[0].start).getTime();
    const needAt = (minutes: number) => new Date(startAt + minutes * 60_000).toISOString();
    const solved = await ok<Order>(enterprise, 'order', 'create', needInput({ start: needAt(0), durationMin: 30 }));
    const partly = await ok<Order>(enterprise, 'order', 'create', needInput({ start: needAt(45), durationMin: 30 }));
    await ok(tech, 'task', 'pool', {});
    await ok(tech, 'task', 'grab', { id: solved.id });
    await ok(tech, 'task', 'grab', { id: partly.id });

    later = await createTestServer(database, { logger, offsetMinutes: Math.round((startAt - Date.now()) / 60_000) - 60 });
    const on = (s: Session) => sessionFor(later, s.userId);
    // The requester shows the rotating code; the speaker checks in with it (已核验).
    const { secret } = await ok<{ secret: string }>(on(worker), 'order', 'checkInCode', { id: lecture.id }, later);
    const code = codeAt(secret, later.services.clock.now().getTime());
    await ok(on(speakerS), 'task', 'checkIn', { id: lecture.id, code, location: { latitude: 29.3, longitude: 120.07 } }, later);
    await ok(on(speakerS), 'task', 'complete', { id: lecture.id, record: { peopleServed: 40, summary: '讲述劳模故事，职工反响热烈' } }, later);
    await ok(on(worker), 'order', 'rate', { id: lecture.id, score: 5, comment: '讲得很好' }, later);
    for (const need of [solved, partly]) await ok(on(tech), 'task', 'checkIn', { id: need.id }, later);
    await ok(on(tech), 'task', 'complete', { id: solved.id, record: { peopleServed: 5, summary: '现场调整焊接参数', outcome: 'resolved' } }, later);
    await ok(on(tech), 'task', 'complete', { id: partly.id, record: { peopleServed: 3, summary: '部分改善，仍需跟进', outcome: 'partly', followUp: '下周复查' } }, later);
    await ok(on(enterprise), 'order', 'confirm', { id: solved.id }, later);
    await ok(on(enterprise), 'order', 'dispute', { id: partly.id, reason: '变形问题仍然存在' }, later);
    await ok(on(enterprise), 'order', 'reopen', { id: partly.id, to: 'pool' }, later);
    // A need grabbed and handed back; the speaker's hours certificate, verified by anyone.
    const handed = await ok<Order>(enterprise, 'order', 'create', needInput({ start: needAt(120), durationMin: 30 }));
    await ok(tech2, 'task', 'grab', { id: handed.id });
    await ok(tech2, 'task', 'handBack', { id: handed.id, reason: '设备临时故障' });
    const today = dayjs(later.services.clock.now()).tz(ZONE).format('YYYY-MM-DD');
    const certificate = await ok<{ figures: { code: string } }>(on(speakerS), 'task', 'certificate', { from: today, to: today }, later);
    await ok(null, 'catalog', 'verifyCertificate', { code: certificate.figures.code });

    // The volunteer's own pages.
    const availability = await ok<{ weekly: unknown[]; blocked: string[] }>(speakerS, 'task', 'availability');
    await ok(speakerS, 'task', 'setAvailability', { weekly: availability.weekly, blocked: availability.blocked });
    await ok(speakerS, 'task', 'stats');
    const application = await ok<Application>(worker, 'task', 'apply', {
      kinds: ['technician'], title: '单连接工匠', honours: [], skills: ['焊接'], regions: ['义乌'], bio: '从事焊接二十年，愿意为企业解决技术难题。', orgId: lecture.orgId,
    });
    await ok(worker, 'task', 'application');

    // The union console.
    const toDispatch = await ok<Order>(enterprise, 'order', 'create', needInput({ start: needAt(24 * 60), durationMin: 30 }));
    const toTransfer = await ok<Order>(enterprise, 'order', 'create', needInput({ start: needAt(26 * 60), durationMin: 30 }));
    const orgs = (await ok<Page<{ id: string; parentId: string | null }>>(admin, 'admin', 'orgs')).items;
    await ok(admin, 'admin', 'candidates', { id: toDispatch.id, volunteerIds: [tech2.volunteerId, tech.volunteerId] });
    await ok(admin, 'admin', 'dispatch', { id: toDispatch.id, volunteerId: tech2.volunteerId });
    await ok(admin, 'admin', 'transfer', { id: toTransfer.id, orgId: orgs.find((o) => o.parentId)!.id });
    await ok(admin, 'admin', 'overdue', {});
    await ok(admin, 'admin', 'orders', { q: '焊接' });
    await ok(admin, 'admin', 'applications', {});
    await ok(admin, 'admin', 'reviewVolunteer', { id: application.id, approve: true });
    const savedTopic = await ok<{ id: string }>(admin, 'admin', 'saveTopic', {
      title: '单连接主题测试', summary: '测试', category: topic.category, durations: [60], audience: '职工', venueTypes: ['enterprise'], volunteerIds: [speaker.id],
    });
    expect(savedTopic.id).toBeTruthy();
    await ok(admin, 'admin', 'saveService', {
      title: '单连接服务测试', summary: '测试', field: '焊接', kind: 'help', mode: 'onsite', teamId: null, volunteerIds: [tech.volunteerId],
    });
    const team = await ok<{ id: string }>(admin, 'admin', 'saveTeam', { name: '单连接测试服务队', kind: 'service', region: '义乌', intro: '测试' });
    await ok(admin, 'admin', 'setMember', { teamId: team.id, volunteerId: tech.volunteerId, role: 'member' });
    await ok(admin, 'admin', 'showcase', { id: lecture.id, on: true });
    const period = { from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date(startAt + 30 * 86_400_000).toISOString() };
    await ok(admin, 'admin', 'stats', period);
    await ok(admin, 'admin', 'export', { ...period, format: 'csv' });
    await ok(admin, 'admin', 'export', { ...period, format: 'xlsx', what: 'stats' });

    // Accounts: a newcomer's profile, an enterprise application reviewed, an invitation accepted
    // and the role taken back, the desktop login by scanning, sessions.
    const [newcomer] = await createWorkers(server, 1, '单连接新人');
    await ok(null, 'catalog', 'orgs', { pageSize: 100 });
    await ok(newcomer, 'auth', 'updateProfile', { name: '单连接新人', phone: '13900005555', orgId: lecture.orgId });
    await call(newcomer, 'auth', 'bindPhone', { code: 'no-wechat-here' }); // VALIDATION off CloudBase
    const ent = await ok<{ id: string }>(newcomer, 'auth', 'applyEnterprise', { company: '单连接测试有限公司', creditCode: '91110108551385082Q', orgId: lecture.orgId });
    await ok(newcomer, 'auth', 'enterpriseApplication');
    await ok(admin, 'admin', 'enterprises', {});
    await ok(admin, 'admin', 'reviewEnterprise', { id: ent.id, approve: true });
    const invite = await ok<{ code: string }>(admin, 'admin', 'invite', { orgId: lecture.orgId });
    await ok(newcomer, 'auth', 'acceptInvite', { code: invite.code });
    await ok(admin, 'admin', 'users', { q: '单连接' });
    await ok(admin, 'admin', 'revokeRole', { userId: newcomer.userId, role: 'admin' });
    await ok(admin, 'admin', 'roleGrants', {});
    const ticket = await ok<{ ticket: string }>(null, 'auth', 'loginTicket');
    await ok(admin, 'auth', 'scanTicket', { ticket: ticket.ticket });
    await ok(admin, 'auth', 'confirmTicket', { ticket: ticket.ticket });
    await ok(null, 'auth', 'ticketStatus', { ticket: ticket.ticket });
    await ok(worker, 'auth', 'refresh');
    await ok(worker, 'auth', 'logout', {});

    await ok(worker, 'inbox', 'list', {});
    await ok(worker, 'inbox', 'read', { all: true });
    await ok(worker, 'inbox', 'subscribe', { kinds: [{ kind: 'orderResult', accepted: true }, { kind: 'rateRequest', accepted: false }] });
    await ok(worker, 'inbox', 'subscriptions', {});
    // The timer's part on the same connection: reminders and the outbox sender.
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await sendReminders(database.db, soon);
    await drainOutbox(database.db, soon, { ...NO_TEMPLATES, transport: localTransport() });
    await ok(admin, 'admin', 'outbox', { status: 'skipped' });
  });

  it('answers every recorded call in every role, quickly and without INTERNAL', async () => {
    expect(calls.length).toBeGreaterThan(50);
    const sweep = calls.slice();
    for (const c of sweep) {
      for (const s of Object.values(roles)) await call(s, c.fn, c.action, c.data);
    }
  });

  it('left no action of any function out, and logged no internal error', () => {
    const all = Object.entries(FUNCTIONS).flatMap(([fn, actions]) => Object.keys(actions).map((a) => `${fn}.${a}`));
    expect(all.filter((name) => !answered.has(name))).toEqual([]);
    expect(logged.filter((l) => l.level >= 50)).toEqual([]);
  });
});
