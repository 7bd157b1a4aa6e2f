import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Envelope, Me, Page, TopicSummary } from '../../cloud/contract';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/db';

const root = path.resolve(__dirname, '../..');
type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * The CloudBase face: `npm run build:cloud` output, loaded as CloudBase would load it, with the
 * real wx-server-sdk reading the caller's OPENID from the function environment.
 */
describe('CloudBase bundles', () => {
  let database: TestDatabase;
  let catalogMain: Main;
  let authMain: Main;
  const saved = { ...process.env };

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'cloud/build/bundle.ts'], { cwd: root, stdio: 'pipe' });
    database = await createTestDatabase('postgres', { poolSize: 2 });
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema},public`);
    process.env.DATABASE_URL = url.toString();
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'oTEST-openid-0001';
    process.env.WX_APPID = 'wx-test-app';
    catalogMain = require(path.join(root, 'dist/cloudfunctions/catalog/index.js')).main;
    authMain = require(path.join(root, 'dist/cloudfunctions/auth/index.js')).main;
  });
  afterAll(async () => {
    process.env = saved;
    await database?.close();
  });

  it('each function folder has index.js, package.json and config.json', () => {
    for (const fn of ['auth', 'catalog']) {
      const dir = path.join(root, 'dist/cloudfunctions', fn);
      const pkg = require(path.join(dir, 'package.json'));
      expect(pkg.main).toBe('index.js');
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
      expect(require(path.join(dir, 'config.json'))).toHaveProperty('permissions');
    }
  });

  it('answers a catalog call with the same envelope as the HTTP server', async () => {
    const res = (await catalogMain({ action: 'topics', data: { pageSize: 5 } }, {})) as Envelope<Page<TopicSummary>>;
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.data.items).toHaveLength(5);
    const bad = await catalogMain({ action: 'topics', data: { pageSize: 'x' } }, {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { pageSize: expect.any(String) } } });
  });

  it('maps the OPENID to a user, the same one on every call', async () => {
    const first = (await authMain({ action: 'me' }, {})) as Envelope<Me>;
    const second = (await authMain({ action: 'me' }, {})) as Envelope<Me>;
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(first.data.id).toBe(second.data.id);
      expect(first.data.roles).toEqual(['worker']);
    }
    const row = await database.db.selectFrom('users').select(['id', 'openid']).where('openid', '=', 'oTEST-openid-0001').execute();
    expect(row).toHaveLength(1);
  });

  it('the OPENID user completes the profile; the WeChat open APIs are wired (unreachable here: clear errors, a plain QR)', async () => {
    const org = await database.db.selectFrom('orgs').select('id').where('name', '=', '义乌市总工会').executeTakeFirstOrThrow();
    const first = (await authMain({ action: 'me' }, {})) as Envelope<Me>;
    expect(first.ok && first.data.profileComplete).toBe(false);
    const saved = (await authMain({ action: 'updateProfile', data: { name: '云端用户', phone: '13900007777', orgId: org.id } }, {})) as Envelope<Me>;
    expect(saved).toMatchObject({ ok: true, data: { name: '云端用户', phone: '13900007777', profileComplete: true } });
    // phonenumber.getPhoneNumber cannot reach WeChat from this machine: the user is told to type.
    const phone = await authMain({ action: 'bindPhone', data: { code: 'a-code' } }, {});
    expect(phone).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: expect.stringContaining('手动填写') } } });
    const ticket = await authMain({ action: 'loginTicket', data: {} }, {});
    expect(ticket).toMatchObject({ ok: true, data: { qrImage: expect.stringMatching(/^data:image\/png;base64,/) } });
  });

  it('has no dev login in the cloud', async () => {
    expect(await authMain({ action: 'devUsers' }, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
