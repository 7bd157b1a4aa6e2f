import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { Envelope, LoginTicket, Me, Page, TicketStatusAnswer, TicketView } from '../../cloud/contract';
import { DEFAULT_LIMITS } from '../../cloud/functions/limits';
import { parseArgs } from '../../cloud/server/admin-invite';
import { createTestDatabase, TEST_DATABASE_URL, type EngineName, type TestDatabase } from '../helpers/db';
import { adminOf, orgsByName } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/**
 * The desktop console's login by scanning (the browser asks a ticket, an admin's phone scans and
 * confirms, the browser collects its session once), production mode without the demo login, and
 * the command line that prints the first admin's invitation.
 */
const ENGINES: EngineName[] = ['pglite', 'postgres'];
const root = path.resolve(__dirname, '../..');
type Res = { status: number; body: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } } };
const code = (res: Res) => (res.body.ok ? 'OK' : res.body.error!.code);
const fields = (res: Res) => Object.keys(res.body.error?.fields ?? {});
const message = (res: Res) => res.body.error?.message ?? '';
/** The data of an ok envelope from a raw call. */
const ok = (res: { status: number; body: Envelope<unknown> }): unknown => okData(res);
const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe.each(ENGINES)('desktop login by scanning on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  /** The same database, its clock 3 minutes ahead: tickets of "now" have expired there. */
  let later: TestServer;
  let admin: string;
  let worker: string;
  let org: Record<string, string>;

  const call = (s: TestServer, action: string, data: unknown, token?: string, ua = DESKTOP_CHROME) =>
    s.raw('auth', JSON.stringify({ action, data }), { 'user-agent': ua, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  const tokenOf = async (userId: string) => {
    const u = await database.db.selectFrom('users').select('token_version').where('id', '=', userId).executeTakeFirstOrThrow();
    return server.services.tokens.sign(userId, server.services.clock.now(), u.token_version);
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database, { devMode: false });
    later = await createTestServer(database, { devMode: false, offsetMinutes: 3 });
    org = await orgsByName(server);
    admin = await tokenOf((await adminOf(server, org['义乌市总工会'])).userId);
    const w = await database.db.selectFrom('users').select('id').where(sql<boolean>`roles = '{worker}'`).where('org_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    worker = await tokenOf(w.id);
  });
  afterAll(async () => {
    await later?.close();
    await server?.close();
    await database?.close();
  });

  it('waiting → scanned (the phone sees the browser) → confirmed → the browser collects its session once', async () => {
    const t = ok(await call(server, 'loginTicket', {})) as LoginTicket;
    expect(t.ticket).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t.url).toBe(`/packages/account/login/index?scene=${t.ticket}`);
    expect(t.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(t.expiresAt) - server.services.clock.now().getTime()).toBeLessThanOrEqual(120_000);
    expect(ok(await call(server, 'ticketStatus', { ticket: t.ticket }))).toEqual({ status: 'waiting' });

    const view = ok(await call(server, 'scanTicket', { ticket: t.ticket }, admin, 'Mozilla/5.0 (iPhone) MicroMessenger/8.0')) as TicketView;
    expect(view).toMatchObject({ status: 'scanned', browser: 'Windows · Chrome' });
    expect(ok(await call(server, 'ticketStatus', { ticket: t.ticket }))).toEqual({ status: 'scanned' });

    expect((ok(await call(server, 'confirmTicket', { ticket: t.ticket }, admin)) as TicketView).status).toBe('confirmed');
    const done = ok(await call(server, 'ticketStatus', { ticket: t.ticket })) as TicketStatusAnswer;
    expect(done.status).toBe('confirmed');
    const me = okData(await server.call<Me>('auth', 'me', {}, done.token));
    expect(me.roles).toContain('admin');
    okData(await server.call<Page<unknown>>('admin', 'users', {}, done.token));

    // Used once: the browser cannot collect again, the phone cannot confirm again.
    const again = await call(server, 'ticketStatus', { ticket: t.ticket });
    expect([code(again), fields(again)]).toEqual(['CONFLICT', ['ticket']]);
    const reconfirm = await call(server, 'confirmTicket', { ticket: t.ticket }, admin);
    expect(code(reconfirm)).toBe('CONFLICT');
    expect(message(reconfirm)).toContain('已使用');
  });

  it('an expired ticket is refused clearly on the phone and reported expired to the browser', async () => {
    const t = ok(await call(server, 'loginTicket', {})) as LoginTicket;
    expect(ok(await call(later, 'ticketStatus', { ticket: t.ticket }))).toEqual({ status: 'expired' });
    for (const action of ['scanTicket', 'confirmTicket']) {
      const res = await call(later, action, { ticket: t.ticket }, admin);
      expect([code(res), fields(res)], action).toEqual(['CONFLICT', ['ticket']]);
      expect(message(res), action).toContain('过期');
    }
  });

  it('only an admin confirms; an unknown or malformed ticket names the field', async () => {
    const t = ok(await call(server, 'loginTicket', {})) as LoginTicket;
    expect(code(await call(server, 'scanTicket', { ticket: t.ticket }, worker))).toBe('FORBIDDEN');
    expect(code(await call(server, 'confirmTicket', { ticket: t.ticket }, worker))).toBe('FORBIDDEN');
    expect(code(await call(server, 'confirmTicket', { ticket: t.ticket }))).toBe('UNAUTHENTICATED');
    expect(ok(await call(server, 'ticketStatus', { ticket: t.ticket }))).toEqual({ status: 'waiting' });
    for (const action of ['ticketStatus', 'scanTicket', 'confirmTicket']) {
      const unknown = await call(server, action, { ticket: 'A'.repeat(22) }, admin);
      expect([code(unknown), fields(unknown)], action).toEqual(['NOT_FOUND', ['ticket']]);
      const bad = await call(server, action, { ticket: 42 }, admin);
      expect([code(bad), fields(bad)], action).toEqual(['VALIDATION', ['ticket']]);
    }
    const extra = await call(server, 'loginTicket', { userId: '1' });
    expect([code(extra), fields(extra)]).toEqual(['VALIDATION', ['userId']]);
  });

  it('an admin revoked between confirming and the browser collecting gets no session', async () => {
    const victim = await database.db.insertInto('users').values({ name: '临时管理员', roles: ['admin'], org_id: org['浦江县总工会'], phone: '13900001111', company: null, openid: null })
      .returning('id').executeTakeFirstOrThrow();
    const t = ok(await call(server, 'loginTicket', {})) as LoginTicket;
    ok(await call(server, 'confirmTicket', { ticket: t.ticket }, await tokenOf(victim.id)));
    okData(await server.call('admin', 'revokeRole', { userId: victim.id, role: 'admin' }, await tokenOf((await adminOf(server, org['金华市总工会'])).userId)));
    expect(ok(await call(server, 'ticketStatus', { ticket: t.ticket }))).toEqual({ status: 'expired' });
  });

  it('production: nothing of the demo login answers; the real ways in do', async () => {
    for (const action of ['devUsers', 'devLogin']) {
      const res = await call(server, action, action === 'devLogin' ? { userId: '1' } : {});
      expect([res.status, code(res)], action).toEqual([404, 'NOT_FOUND']);
    }
    okData(await server.call('auth', 'me', {}, admin));
    ok(await call(server, 'loginTicket', {}));
  });
});

describe('ticket rate limit', () => {
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await createTestServer(database, { devMode: false, limits: DEFAULT_LIMITS });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('one address asking for tickets in a loop is RATE_LIMITED and stores no more', async () => {
    const answers = [];
    for (let i = 0; i < 32; i++) answers.push(code(await server.call('auth', 'loginTicket', {})));
    expect(answers.filter((c) => c === 'OK')).toHaveLength(30);
    expect(answers.slice(30)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    const stored = await database.db.selectFrom('login_tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(30);
  });
});

describe('npm run admin:invite', () => {
  let database: TestDatabase;
  let server: TestServer;
  const run = (args: string[]) => {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema},public`);
    return promisify(execFile)('npx', ['tsx', 'cloud/server/admin-invite.ts', ...args], {
      cwd: root, env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'production' }, timeout: 60_000,
    });
  };
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    server = await createTestServer(database, { devMode: false });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('prints a code for any org by name or id, which makes its acceptor the first admin there', async () => {
    const { stdout } = await run(['--org', '安吉县总工会']);
    const invite = /管理员邀请码: ([A-Z2-9-]+)/.exec(stdout)?.[1];
    expect(invite).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(stdout).toContain('packages/account/invite/index?code=');
    const user = await database.db.insertInto('users').values({ name: '首位管理员', roles: ['worker'], org_id: null, phone: null, company: null, openid: 'o-first-admin' })
      .returning('id').executeTakeFirstOrThrow();
    const token = server.services.tokens.sign(user.id, server.services.clock.now());
    const me = okData(await server.call<Me>('auth', 'acceptInvite', { code: invite }, token));
    expect(me.roles).toContain('admin');
    expect(me.orgName).toBe('安吉县总工会');
    const grant = await database.db.selectFrom('role_grants').select(['by_user_id', 'via']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(grant).toEqual({ by_user_id: null, via: 'invite' });

    const anji = await database.db.selectFrom('orgs').select('id').where('name', '=', '安吉县总工会').executeTakeFirstOrThrow();
    expect((await run(['--org', anji.id, '--hours', '1'])).stdout).toContain('安吉县总工会');
  }, 120_000);

  it('an unknown org fails with the list of orgs; bad arguments fail with a message', async () => {
    const failure = await run(['--org', '火星总工会']).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('没有这个工会组织');
    expect(failure?.stderr).toContain('义乌市总工会');
    expect(() => parseArgs([])).toThrow('--org');
    expect(() => parseArgs(['--org', 'x', '--hours', '0'])).toThrow('--hours');
    expect(() => parseArgs(['--orgg', 'x'])).toThrow('未知的参数');
    expect(parseArgs(['--org=义乌市总工会', '--hours=48'])).toEqual({ org: '义乌市总工会', hours: 48 });
  }, 120_000);
});
