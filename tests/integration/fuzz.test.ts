import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ERROR_CODES, HTTP_STATUS, hasLoneSurrogate, type ErrorCode, type InboxPage, type LoginResult, type OrgNode, type Page,
  type Application, type Service, type Team,
} from '../../cloud/contract';
import { FUNCTIONS } from '../../cloud/functions/registry';
import { bookableLecture, createWorkers, lectureInput, userIdOfVolunteer } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import {
  CATEGORIES, OMIT, ROLES, actionCases, baseInput, createRng, describeSchema, freshRequestId, functionCases, seedFor, serverCases,
  type CaseTemplate, type Category, type Field, type FuzzCase, type Hint, type Role,
} from '../helpers/fuzz-cases';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * Every action of every function in the registry, with bad input of every category, as every
 * role and anonymously, through the real HTTP stack. Every answer must be a contract error
 * (never INTERNAL, never a 500) or, for the rare case that is valid after all, an ok; a
 * VALIDATION must name a field; a rejected request must store nothing; the server must answer
 * its health check within a second after each batch.
 *
 * PGlite runs the whole matrix for each action's main role (a public action: anonymous; the
 * requester's, volunteer's or admin's side: that role) and a seeded sample for the other roles;
 * PostgreSQL a smaller sample. FUZZ_SEED picks another seed; a failure names the seed, the case
 * number and what was sent.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260501);
const TEXT_COLUMNS_OK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

interface Plan {
  /** Cases per (action, category) for the action's main role; Infinity: all of them. */
  mainPerCategory: number;
  /** Cases per (action, category) for each other role; 0: `otherPerAction` instead. */
  otherPerCategory: number;
  /** Cases per action for each other role, any category (when otherPerCategory is 0). */
  otherPerAction: number;
  /** Raw HTTP cases per function for the main role (Infinity: all) and for each other role. */
  rawMain: number;
  rawOther: number;
}
const PLANS: Record<EngineName, Plan> = {
  pglite: { mainPerCategory: Infinity, otherPerCategory: 2, otherPerAction: 0, rawMain: Infinity, rawOther: 3 },
  postgres: { mainPerCategory: 2, otherPerCategory: 0, otherPerAction: 2, rawMain: 8, rawOther: 1 },
};

/** Whose side each function is on: its actions' full matrix runs as this role. */
const MAIN_ROLE: Record<string, Role> = { auth: 'worker', catalog: 'anonymous', order: 'worker', task: 'volunteer', inbox: 'worker', admin: 'admin' };
const mainRoleOf = (fn: string, action: string): Role =>
  FUNCTIONS[fn][action].access === 'user' ? MAIN_ROLE[fn] ?? 'worker' : 'anonymous';

/** Tables a rejected request must leave as they were, and what else shows a write. */
const SNAPSHOT = sql<Record<string, string | null>>`
  select
    (select count(*) from orders)::text as orders,
    (select max(updated_at) from orders)::text as orders_updated,
    (select count(*) from order_events)::text as order_events,
    (select count(*) from inbox_messages)::text as inbox_messages,
    (select count(*) from inbox_messages where read_at is not null)::text as inbox_read,
    (select count(*) from uploads)::text as uploads,
    (select count(*) from volunteers)::text as volunteers,
    (select count(*) from volunteers where status = 'applied')::text as applications,
    (select count(*) from volunteer_windows)::text as volunteer_windows,
    (select count(*) from volunteer_blocked_days)::text as volunteer_blocked_days,
    (select count(*) from topics)::text as topics,
    (select count(*) from topic_volunteers)::text as topic_volunteers,
    (select count(*) from services)::text as services,
    (select count(*) from service_volunteers)::text as service_volunteers,
    (select count(*) from teams)::text as teams,
    (select count(*) from users)::text as users`;
/** The next transaction id: unchanged means no transaction wrote anything (cheap to ask). */
const XMAX = sql<{ x: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as x`;

interface Fixtures {
  users: Record<Exclude<Role, 'anonymous'>, string>;
  /** An order the role holds, in a state where the action could go ahead (each action its own, where there are enough). */
  orderFor(action: string, role: Role): string;
  topicId: string;
  volunteerId: string;
  serviceId: string;
  teamId: string;
  orgId: string;
  applicationId: string;
  messageId: string;
  technicianId: string;
  lecture: { start: string; durationMin: number };
}

/** Realistic values: real ids of things the role can see, a bookable slot, plausible periods. */
function hintsFor(fx: Fixtures, fn: string, action: string, role: Role, now: Date): Hint {
  const key = `${fn}.${action}`;
  const day = (d: number) => new Date(now.getTime() + d * 86_400_000);
  const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().replace(/\.\d+Z$/, '+08:00');
  const ownId: Record<string, string> = {
    'catalog.topic': fx.topicId, 'admin.saveTopic': fx.topicId, 'catalog.service': fx.serviceId, 'admin.saveService': fx.serviceId,
    'catalog.volunteer': fx.volunteerId, 'catalog.team': fx.teamId, 'admin.saveTeam': fx.teamId,
    'admin.reviewVolunteer': fx.applicationId, 'inbox.read': fx.messageId,
  };
  const NEED_ONLY = ['serviceId', 'teamId', 'title', 'field', 'description', 'photos', 'urgency', 'region'];
  return (f: Field) => {
    const name = String(f.path[f.path.length - 1] ?? '');
    const parent = String(f.path[f.path.length - 2] ?? '');
    if (key === 'order.create' && f.path.length === 1 && NEED_ONLY.includes(name)) return OMIT;
    if (f.id) {
      if (f.path.length === 1 && name === 'id') return ownId[key] ?? fx.orderFor(key, role);
      const ref = /^\d+$/.test(name) ? parent.replace(/s$/, '') : name;
      const byName: Record<string, string> = {
        topicId: fx.topicId, serviceId: fx.serviceId, volunteerId: fx.volunteerId, teamId: fx.teamId, orgId: fx.orgId, userId: fx.users.worker,
      };
      if (key === 'admin.saveService' && ref === 'volunteerId') return fx.technicianId;
      if (byName[ref]) return byName[ref];
    }
    if (name === 'requestId') return freshRequestId();
    if (name === 'contactPhone') return '13800001234';
    // Account fields whose schema checks more than the type: a base the schema takes.
    if (key === 'auth.updateProfile' && name === 'phone') return '13800001234';
    if (name === 'avatarUrl') return '/uploads/fuzz.jpg';
    if (name === 'creditCode') return '91110108551385082Q';
    if (name === 'venue') return { type: 'enterprise', address: '义乌市稠城街道工人北路 1 号 3 楼报告厅' };
    if (key === 'order.create' && name === 'durationMin') return fx.lecture.durationMin;
    if (f.dateTime) {
      if (name === 'start') return fx.lecture.start;
      const admin = fn === 'admin';
      if (name === 'from') return iso(admin ? day(-30) : day(1));
      if (name === 'to') return iso(admin ? day(0) : day(14));
    }
    if (f.day) return iso(day(40)).slice(0, 10);
    if (f.clock) return name === 'end' ? '17:00' : '09:00';
    if (name === 'weekday') return 3;
    if (name === 'approve') return true;
    if (name === 'page') return 1;
    if (name === 'pageSize') return 20;
    return undefined;
  };
}

const ENGINES: EngineName[] = ['pglite', 'postgres'];

describe.each(ENGINES)('fuzz on %s', (engine) => {
  const plan = PLANS[engine];
  let database: TestDatabase;
  let server: TestServer;
  let fx: Fixtures;
  const tokens: Partial<Record<Role, string>> = {};
  const logged = new Map<string, { level: number; msg: string; err?: { message?: string } }[]>();
  const logger = pino({ level: 'warn' }, {
    write: (line: string) => {
      const entry = JSON.parse(line) as { requestId?: string; level: number; msg: string; err?: { message?: string } };
      const id = entry.requestId ?? '-';
      logged.set(id, [...(logged.get(id) ?? []), entry]);
    },
  }) as unknown as FastifyBaseLogger;

  const counts = new Map<Category, number>();
  const byRole = new Map<Role, number>();
  /** Requests the server logged a warning or an error for (a database refusing what a schema let through, an overrun deadline). */
  const loggedInternals: string[] = [];
  const answers = new Map<string, number>();
  /** Cases after which some transaction had written (the tables were counted again). */
  let recounted = 0;
  /** The slowest answer, for the summary. */
  let slowest = { ms: 0, where: '' };
  let sent = 0;
  let started = 0;
  let baseline: string;
  let xmax: string;
  const badBases: string[] = [];

  beforeAll(async () => {
    started = performance.now();
    database = await createTestDatabase(engine);
    server = await createTestServer(database, { devMode: true, logger });
    const db = database.db;
    // The volunteer is a speaker with free slots: four of them are booked by the worker below (named
    // orders pending for the speaker's accept/decline and the worker's get/cancel/reschedule); the
    // next one is where order.create's base input books.
    const { topic, speaker, profile, duration } = await bookableLecture(server);
    const slots = profile.freeSlots.filter((s) => new Date(s.end).getTime() - new Date(s.start).getTime() >= duration * 60_000);
    const userWith = async (role: Role) => {
      const withRole = await db.selectFrom('users').select('id').where(sql<boolean>`${role} = ANY(roles)`).execute();
      return new Set(withRole.map((u) => u.id));
    };
    const history = await db.selectFrom('orders').select('requester_id').execute();
    // The requesters with the most orders, so each order action finds one in a state it acts on.
    const busiest = async (role: Role) => {
      const withRole = await userWith(role);
      const tally = new Map<string, number>();
      for (const o of history) if (withRole.has(o.requester_id)) tally.set(o.requester_id, (tally.get(o.requester_id) ?? 0) + 1);
      return [...tally].sort((x, y) => y[1] - x[1] || Number(x[0]) - Number(y[0]))[0]?.[0] ?? [...withRole][0];
    };
    const admin = (await db.selectFrom('users').select('id').where(sql<boolean>`'admin' = ANY(roles)`).orderBy('id').executeTakeFirstOrThrow()).id;
    const ids = { worker: await busiest('worker'), enterprise: await busiest('enterprise'), volunteer: await userIdOfVolunteer(server, speaker.id), admin };
    for (const [role, userId] of Object.entries(ids)) {
      tokens[role as Role] = okData(await server.call<LoginResult>('auth', 'devLogin', { userId })).token;
    }
    const as = <T>(role: Role, fn: string, action: string, data: unknown = {}) => server.call<T>(fn, action, data, tokens[role]).then(okData);
    for (const slot of slots.slice(0, 4)) await as('worker', 'order', 'create', lectureInput(topic.id, speaker.id, slot.start, duration));
    const orgs = (await as<Page<OrgNode>>('admin', 'admin', 'orgs')).items;
    // One application waiting for review, from a new user.
    const [applicant] = await createWorkers(server, 1, '申报人');
    await applicant.call('task', 'apply', {
      kinds: ['speaker'], title: '岗位能手', honours: [], skills: ['宣讲'], regions: ['杭州'], bio: '从事一线生产二十年，愿意分享经验。', orgId: orgs[0].id,
    }).then(okData);
    const applications = (await as<Page<Application>>('admin', 'admin', 'applications', { status: 'applied', pageSize: 1 })).items;
    const messages = (await as<InboxPage>('worker', 'inbox', 'list', { pageSize: 1 })).items;
    const technician = okData(await server.call<Page<{ id: string }>>('catalog', 'volunteers', { kind: 'technician', pageSize: 1 })).items[0];
    const orders = await db
      .selectFrom('orders as o')
      .leftJoin('volunteers as v', 'v.id', 'o.volunteer_id')
      .select(['o.id', 'o.kind', 'o.status', 'o.requester_id', 'o.volunteer_id', 'v.user_id as volunteer_user'])
      .orderBy('o.id', 'desc')
      .execute();
    const WANTS: Record<string, { statuses: string[]; kind?: string; pool?: boolean }> = {
      'order.get': { statuses: ['pending', 'accepted'] }, 'order.cancel': { statuses: ['pending', 'accepted'] },
      'order.reschedule': { statuses: ['pending', 'accepted'] }, 'order.rate': { statuses: ['completed'] },
      'order.confirm': { statuses: ['completed'], kind: 'need' }, 'order.dispute': { statuses: ['completed'], kind: 'need' },
      'order.reopen': { statuses: ['completed', 'expired', 'declined'], kind: 'need' },
      'task.accept': { statuses: ['pending'] }, 'task.decline': { statuses: ['pending'] }, 'task.checkIn': { statuses: ['accepted'] },
      'task.complete': { statuses: ['in_progress', 'accepted'] }, 'task.grab': { statuses: ['pending'], pool: true },
      'admin.dispatch': { statuses: ['expired', 'pending'] }, 'admin.transfer': { statuses: ['expired', 'pending'] },
      'admin.showcase': { statuses: ['completed', 'rated'] },
    };
    const used = new Set<string>();
    const orderFor = (action: string, role: Role): string => {
      const userId = role === 'anonymous' ? null : ids[role];
      const mineOnly = orders.filter((o) => role === 'admin' || role === 'anonymous' || o.requester_id === userId || o.volunteer_user === userId);
      const want = WANTS[action];
      const fits = (o: (typeof orders)[number]) =>
        !want || (want.statuses.includes(o.status) && (!want.kind || o.kind === want.kind) && (!want.pool || o.volunteer_id === null));
      const pool = want?.pool ? orders : mineOnly;
      const pick = pool.find((o) => fits(o) && !used.has(o.id)) ?? pool.find(fits) ?? mineOnly[0] ?? orders[0];
      used.add(pick.id);
      return pick.id;
    };
    const chosen = new Map<string, string>();
    fx = {
      users: ids,
      orderFor: (action, role) => {
        const k = `${action} ${role}`;
        if (!chosen.has(k)) chosen.set(k, orderFor(action, role));
        return chosen.get(k)!;
      },
      topicId: topic.id,
      volunteerId: speaker.id,
      serviceId: okData(await server.call<Page<Service>>('catalog', 'services', {})).items[0].id,
      teamId: okData(await server.call<Page<Team>>('catalog', 'teams', {})).items[0].id,
      orgId: orgs[orgs.length - 1].id,
      applicationId: applications[0]?.id ?? speaker.id,
      messageId: messages[0]?.id ?? '1',
      technicianId: technician?.id ?? speaker.id,
      lecture: { start: (slots[4] ?? slots[0]).start, durationMin: duration },
    };
    baseline = JSON.stringify((await SNAPSHOT.execute(database.db)).rows[0]);
    xmax = (await XMAX.execute(database.db)).rows[0].x;
  });

  afterAll(async () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const per = [...CATEGORIES].map((c) => `${c} ${counts.get(c) ?? 0}`).join(', ');
    const roles = [...ROLES].map((r) => `${r} ${byRole.get(r) ?? 0}`).join(', ');
    const codes = [...answers].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`fuzz on ${engine} (seed ${SEED}): ${sent} cases in ${seconds} s — ${per}; by role: ${roles}; answers: ${codes}; ${recounted} cases wrote; slowest ${slowest.ms.toFixed(0)} ms (${slowest.where})`);
    if (badBases.length) console.log(`fuzz on ${engine}: base inputs the schema refuses: ${badBases.join(', ')}`);
    if (loggedInternals.length) console.log(`fuzz on ${engine}: ${loggedInternals.length} requests logged a warning or an error:\n${loggedInternals.slice(0, 20).join('\n')}`);
    await server?.close();
    await database?.close();
  });

  /** Everything wrong with one answer, or null. */
  function judge(c: FuzzCase, status: number, payload: string): string | null {
    let body: { ok?: unknown; error?: { code?: unknown; message?: unknown; fields?: Record<string, unknown>; requestId?: unknown } };
    try {
      body = JSON.parse(payload) as typeof body;
    } catch {
      return `not JSON: ${status} ${payload.slice(0, 120)}`;
    }
    if (body?.ok === true) {
      if (status !== 200) return `ok with status ${status}`;
      return c.expect ? `expected ${c.expect.join('/')}, got ok` : null;
    }
    const e = body?.error;
    if (body?.ok !== false || typeof e !== 'object' || e === null) return `not an envelope: ${status} ${payload.slice(0, 120)}`;
    const code = e.code as ErrorCode;
    if (!ERROR_CODES.includes(code)) return `unknown code ${String(code)} (${status})`;
    if (code === 'INTERNAL' || status >= 500) return `${status} ${code}: ${String(e.message)}`;
    if (status !== HTTP_STATUS[code]) return `${code} with status ${status}`;
    if (c.expect && !c.expect.includes(code)) return `expected ${c.expect.join('/')}, got ${code} ${JSON.stringify(e.fields ?? {})}`;
    if (typeof e.message !== 'string' || !e.message) return `${code} without a message`;
    if (typeof e.requestId !== 'string' || !e.requestId) return `${code} without a requestId`;
    if (code === 'VALIDATION') {
      const names = Object.keys(e.fields ?? {});
      if (!names.length) return `VALIDATION naming no field: ${e.message}`;
      if (c.wholeBody && !names.some((n) => ['body', 'action', 'data'].includes(n))) return `whole-body VALIDATION naming ${names.join(', ')}`;
    }
    return null;
  }

  /** Sends the cases in order; health after each batch (same action and role); stored-nothing per case. */
  async function run(cases: FuzzCase[]): Promise<string[]> {
    const failures: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const n = sent++;
      counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
      byRole.set(c.role, (byRole.get(c.role) ?? 0) + 1);
      const where = `${engine} seed ${SEED} #${n} [${c.category}] ${c.fn || '-'}.${c.action || '-'} as ${c.role}: ${c.label}`;
      const headers: Record<string, string> = { ...(c.headers ?? {}) };
      if (c.contentType !== null) headers['content-type'] = c.contentType ?? 'application/json';
      const authorization = c.authorization !== undefined ? c.authorization : tokens[c.role] ? `Bearer ${tokens[c.role]}` : null;
      if (authorization !== null) headers.authorization = authorization;
      let status: number;
      let payload: string;
      try {
        const body = c.body();
        const t0 = performance.now();
        const res = await server.app.inject({ method: c.method ?? 'POST', url: c.url ?? `/api/${c.fn}`, payload: body, headers });
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { ms, where };
        status = res.statusCode;
        payload = res.payload;
      } catch (err) {
        failures.push(`${where} → inject threw ${(err as Error).message}`);
        continue;
      }
      const problem = judge(c, status, payload);
      if (problem) failures.push(`${where} → ${problem}`);
      const ok = status === 200;
      const answered = ok ? 'OK' : /"code":"([A-Z_]+)"/.exec(payload)?.[1] ?? String(status);
      answers.set(answered, (answers.get(answered) ?? 0) + 1);
      // auth.logout {everywhere} ends every session of the role's user, as it should: sign that user
      // in again, or every later case of the role would stop at UNAUTHENTICATED.
      if (ok && c.fn === 'auth' && c.action === 'logout' && c.role !== 'anonymous') {
        tokens[c.role] = okData(await server.call<LoginResult>('auth', 'devLogin', { userId: fx.users[c.role] })).token;
      }
      const requestId = /"requestId":"([0-9a-f]+)"/.exec(payload)?.[1];
      const lines = requestId ? logged.get(requestId) : undefined;
      if (lines?.some((l) => l.level >= 40)) loggedInternals.push(`${where} → ${status} ${lines.map((l) => l.err?.message ?? l.msg).join('; ')}`);

      const x = (await XMAX.execute(database.db)).rows[0].x;
      if (x !== xmax) {
        recounted++;
        const now = JSON.stringify((await SNAPSHOT.execute(database.db)).rows[0]);
        if (!ok && now !== baseline) failures.push(`${where} → rejected (${status}) but stored: ${diff(baseline, now)}`);
        baseline = now;
        xmax = (await XMAX.execute(database.db)).rows[0].x;
      }

      const next = cases[i + 1];
      if (!next || next.fn !== c.fn || next.action !== c.action || next.role !== c.role) {
        const t0 = performance.now();
        const res = await server.app.inject({ method: 'GET', url: '/api/health' });
        const ms = performance.now() - t0;
        if (res.statusCode !== 200 || !(JSON.parse(res.payload) as { ok?: boolean }).ok || ms > 1000) {
          failures.push(`${where} → health afterwards: ${res.statusCode} in ${ms.toFixed(0)} ms`);
        }
      }
    }
    if (failures.length) console.error(`fuzz on ${engine}: ${failures.length} failures\n${failures.slice(0, 300).join('\n')}`);
    return failures;
  }

  /** '' when nothing failed; else how many, and the first ones (each names seed, case number and input). */
  const report = (failures: string[], total: number) =>
    failures.length ? `${failures.length} of ${total} cases failed:\n${failures.slice(0, 25).join('\n')}` : '';

  const diff = (a: string, b: string) => {
    const x = JSON.parse(a) as Record<string, unknown>;
    const y = JSON.parse(b) as Record<string, unknown>;
    return Object.keys(y).filter((k) => x[k] !== y[k]).map((k) => `${k} ${String(x[k])} → ${String(y[k])}`).join(', ');
  };

  /** Anonymous callers of a user action are stopped before their input is read. */
  function asRole(t: CaseTemplate, role: Role): FuzzCase {
    const c: FuzzCase = { ...t, role };
    const def = t.action ? FUNCTIONS[t.fn]?.[t.action] : undefined;
    if (role === 'anonymous' && t.reachesAction && def?.access === 'user' && t.authorization === undefined) c.expect = ['UNAUTHENTICATED'];
    return c;
  }

  /** The main role's cases of an action and the other roles' sample, from the same templates. */
  function planAction(fn: string, action: string): FuzzCase[] {
    const main = mainRoleOf(fn, action);
    const def = FUNCTIONS[fn][action];
    const hint = hintsFor(fx, fn, action, main, server.services.clock.now());
    const base = baseInput(def.input, hint);
    const probe = JSON.parse(JSON.stringify(base).replace(/"\u2063REQ:\u2063"/g, '"fuzz-probe-0001"')) as unknown;
    if (!def.input.safeParse(probe).success) badBases.push(`${fn}.${action}`);
    const rng = createRng(seedFor(SEED, `${fn}.${action}`));
    const templates = actionCases({ fn, action, input: def.input, base, hint }, rng);
    const byCategory = new Map<Category, CaseTemplate[]>();
    for (const t of templates) byCategory.set(t.category, [...(byCategory.get(t.category) ?? []), t]);
    const out: FuzzCase[] = [];
    for (const list of byCategory.values()) out.push(...rng.sample(list, plan.mainPerCategory).map((t) => asRole(t, main)));
    for (const role of ROLES.filter((r) => r !== main)) {
      const picked = plan.otherPerCategory
        ? [...byCategory.values()].flatMap((list) => rng.sample(list, plan.otherPerCategory))
        : rng.sample(templates, plan.otherPerAction);
      out.push(...picked.map((t) => asRole(t, role)));
    }
    return out;
  }

  /** The action each function's transport and identity cases call: one that takes `{}`, if any. */
  function readAction(fn: string): string {
    const names = Object.keys(FUNCTIONS[fn]);
    return names.find((a) => FUNCTIONS[fn][a].access === 'user' && FUNCTIONS[fn][a].input.safeParse({}).success)
      ?? names.find((a) => FUNCTIONS[fn][a].input.safeParse({}).success)
      ?? names[0];
  }

  /** Tokens that must not make anyone a user, and two that still do. */
  function identityCases(fn: string, action: string): CaseTemplate[] {
    const now = server.services.clock.now();
    const sign = (sub: string, at = now) => server.services.tokens.sign(sub, at);
    const valid = tokens.worker!;
    const [payload, sig] = valid.split('.');
    const other = sign(fx.users.admin).split('.')[0];
    const body = () => JSON.stringify({ action, data: {} });
    const refused: [string, string | null][] = [
      ['no authorization', null], ['Bearer', 'Bearer'], ['Bearer and a space', 'Bearer '], ['Bearer garbage', 'Bearer garbage'],
      ['lowercase bearer', `bearer ${valid}`], ['Basic', 'Basic dXNlcjpwYXNz'], ['a token without scheme', valid],
      ['a token and x', `Bearer ${valid}x`], ['a token and .x', `Bearer ${valid}.x`], ['a forged signature', `Bearer ${payload}.${'A'.repeat(43)}`],
      ["another user's payload with this signature", `Bearer ${other}.${sig}`], ['an 8 KB token', `Bearer ${'a'.repeat(8192)}`],
      ['a user that does not exist', `Bearer ${sign('999999999')}`], ['subject abc', `Bearer ${sign('abc')}`], ['subject 0', `Bearer ${sign('0')}`],
      ['subject of 30 digits', `Bearer ${sign('1'.repeat(30))}`], ['empty subject', `Bearer ${sign('')}`], ['subject with NUL', `Bearer ${sign('1\u0000')}`],
      ['subject with a lone surrogate', `Bearer ${sign('\ud800')}`], ['expired', `Bearer ${sign(fx.users.worker, new Date(now.getTime() - 40 * 86_400_000))}`],
      ['two tokens', `Bearer ${valid} ${valid}`], ['latin-1 bytes', 'Bearer \u00ff\u00fe'],
    ];
    const user = FUNCTIONS[fn][action].access === 'user';
    const out: CaseTemplate[] = refused.map(([label, authorization]) => ({
      category: 'identity', fn, action, label, body, authorization, reachesAction: true, ...(user ? { expect: ['UNAUTHENTICATED'] as ErrorCode[] } : {}),
    }));
    out.push({ category: 'identity', fn, action, label: 'a token with trailing spaces', body, authorization: `Bearer ${valid}   `, reachesAction: true });
    out.push({ category: 'identity', fn, action, label: 'issued a year ahead', body, authorization: `Bearer ${sign(fx.users.worker, new Date(now.getTime() + 365 * 86_400_000))}`, reachesAction: true });
    return out;
  }

  for (const fn of Object.keys(FUNCTIONS)) {
    it(`${fn}: every action, every category of bad input, every role`, async () => {
      const cases = Object.keys(FUNCTIONS[fn]).flatMap((action) => planAction(fn, action));
      // Every action meets every category that applies to all inputs (the field kinds add number, date, id).
      const uncovered = Object.keys(FUNCTIONS[fn]).flatMap((action) => {
        const mine = new Set(cases.filter((c) => c.action === action).map((c) => c.category));
        return (['control', 'type', 'missing', 'extra', 'string', 'nesting', 'huge'] as const).filter((cat) => !mine.has(cat)).map((cat) => `${fn}.${action} ${cat}`);
      });
      expect(uncovered).toEqual([]);
      const failures = await run(cases);
      expect(report(failures, cases.length)).toBe('');
    });
  }

  it('raw HTTP: malformed bodies, odd actions, content types, unknown functions, forged identities', async () => {
    const cases: FuzzCase[] = [];
    for (const fn of Object.keys(FUNCTIONS)) {
      const action = readAction(fn);
      const main = mainRoleOf(fn, action);
      const rng = createRng(seedFor(SEED, `raw:${fn}`));
      const hint = hintsFor(fx, fn, action, main, server.services.clock.now());
      const raw = functionCases(fn, action, baseInput(FUNCTIONS[fn][action].input, hint));
      cases.push(...rng.sample(raw, plan.rawMain).map((t) => asRole(t, main)));
      for (const role of ROLES.filter((r) => r !== main)) cases.push(...rng.sample(raw, plan.rawOther).map((t) => asRole(t, role)));
      const identity = identityCases(fn, action);
      cases.push(...rng.sample(identity, plan.rawMain).map((t) => asRole(t, 'anonymous')));
      // Every user action meets a few identities that are nobody.
      for (const other of Object.keys(FUNCTIONS[fn]).filter((a) => FUNCTIONS[fn][a].access === 'user' && a !== action)) {
        cases.push(...rng.sample(identityCases(fn, other).filter((t) => t.expect), engine === 'pglite' ? 2 : 1).map((t) => asRole(t, 'anonymous')));
      }
    }
    const [someFn] = Object.keys(FUNCTIONS);
    cases.push(...serverCases(someFn, readAction(someFn)).map((t) => asRole(t, 'anonymous')));
    const failures = await run(cases);
    expect(report(failures, cases.length)).toBe('');
  });

  it('nothing stored holds a NUL, a lone surrogate or a control character', async () => {
    const bad: string[] = [];
    const check = (table: string, id: unknown, value: unknown, path: string): void => {
      if (typeof value === 'string') {
        if (value.includes('\u0000') || hasLoneSurrogate(value) || TEXT_COLUMNS_OK.test(value)) bad.push(`${table} ${String(id)} ${path}: ${JSON.stringify(value.slice(0, 60))}`);
      } else if (Array.isArray(value)) value.forEach((v, i) => check(table, id, v, `${path}.${i}`));
      else if (value && typeof value === 'object' && !(value instanceof Date)) Object.entries(value).forEach(([k, v]) => check(table, id, v, `${path}.${k}`));
    };
    for (const table of ['orders', 'order_events', 'inbox_messages', 'volunteers', 'topics', 'services', 'teams', 'users'] as const) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(database.db)).rows;
      for (const row of rows) check(table, row.id, row, '');
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThan(0);
  });
});

// The schema reader must keep up with zod: the shape of a known input is read as expected.
describe('fuzz schema reader', () => {
  it('reads order.create: ids, a date-time, a nested object, arrays, enums', () => {
    const root = describeSchema(FUNCTIONS.order.create.input);
    expect(root.kind).toBe('object');
    expect(root.shape!.topicId).toMatchObject({ kind: 'string', id: true, optional: true });
    expect(root.shape!.start).toMatchObject({ kind: 'string', dateTime: true });
    expect(root.shape!.venue.shape!.type).toMatchObject({ kind: 'enum' });
    expect(root.shape!.photos.element).toMatchObject({ kind: 'string' });
    expect(root.shape!.durationMin).toMatchObject({ kind: 'number', min: 15, max: 480 });
  });
});
