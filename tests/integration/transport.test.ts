import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { expect } from '../helpers/expect';
import type { DevUser, LoginResult, Me, Page } from '../../cloud/contract';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestServer, okData, type TestServer } from '../helpers/server';

describe('HTTP transport and auth (PGlite)', () => {
  let database: TestDatabase;
  let dev: TestServer;
  let prod: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    dev = await createTestServer(database, { devMode: true });
    prod = await createTestServer(database, { devMode: false });
  });
  afterAll(async () => {
    await dev?.close();
    await prod?.close();
    await database?.close();
  });

  it('malformed JSON is VALIDATION 400, not 500', async () => {
    const res = await dev.raw('catalog', '{"action": "topics",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a body that is not an object, or has no action, is VALIDATION', async () => {
    for (const payload of ['[]', '"x"', '{}', '{"action": 5}', '']) {
      const res = await dev.raw('catalog', payload);
      expect(res.status, payload).toBe(400);
      expect(res.body.ok ? null : res.body.error.code).toBe('VALIDATION');
    }
  });

  it('unknown function or action is NOT_FOUND 404', async () => {
    expect((await dev.call('nope', 'x')).status).toBe(404);
    const res = await dev.call('catalog', 'dropTables');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await dev.call('catalog', 'constructor')).status).toBe(404);
  });

  it('a protected action without a token is UNAUTHENTICATED 401; a forged token too', async () => {
    const res = await dev.call('auth', 'me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await dev.call('auth', 'me', {}, 'forged.token')).status).toBe(401);
  });

  it('dev quick login gives a token that identifies the user', async () => {
    const users = okData(await dev.call<Page<DevUser>>('auth', 'devUsers'));
    expect(users.items.some((u) => u.roles.includes('admin'))).toBe(true);
    expect(users.items.some((u) => u.roles.includes('volunteer'))).toBe(true);
    const volunteer = users.items.find((u) => u.roles.includes('volunteer'))!;
    const login = okData(await dev.call<LoginResult>('auth', 'devLogin', { userId: volunteer.id }));
    const me = okData(await dev.call<Me>('auth', 'me', {}, login.token));
    expect(me).toMatchObject({ id: volunteer.id, name: volunteer.name });
    expect(me.volunteerId).toMatch(/^\d+$/);
  });

  it('dev login does not exist in production mode', async () => {
    for (const action of ['devUsers', 'devLogin']) {
      const res = await prod.call('auth', action, { userId: '1' });
      expect(res.status).toBe(404);
    }
  });

  it('an oversized body is a 4xx envelope', async () => {
    const res = await dev.raw('catalog', JSON.stringify({ action: 'topics', data: { q: 'x'.repeat(2_000_000) } }));
    expect(res.status).toBe(400);
    expect(res.body.ok).toBe(false);
  });
});
