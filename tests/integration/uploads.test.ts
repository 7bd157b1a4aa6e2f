import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTokenSigner } from '../../cloud/domain/auth/tokens';
import { createClock } from '../../cloud/domain/clock';
import { buildServer } from '../../cloud/server/app';
import { MAX_UPLOAD_BYTES } from '../../cloud/server/uploads';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function multipart(name: string, content: Buffer, type: string) {
  const boundary = '----lmgjtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('photo upload', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let token: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-up-'));

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const tokens = createTokenSigner('upload-test-secret-upload-test');
    const services = { db: database.db, clock: createClock(0), tokens, devMode: true };
    app = await buildServer({ services, uploadsDir: dir });
    const user = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    token = tokens.sign(user.id, new Date());
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (name: string, content: Buffer, type: string, auth = true) => {
    const m = multipart(name, content, type);
    return app.inject({ method: 'POST', url: '/api/upload', payload: m.payload, headers: { ...m.headers, ...(auth ? { authorization: `Bearer ${token}` } : {}) } });
  };

  it('stores an image and serves it back', async () => {
    const res = await upload('a.png', PNG, 'image/png');
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data.url).toMatch(/^\/uploads\/[a-f0-9]{64}\.png$/);
    const back = await app.inject({ method: 'GET', url: data.url });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(back.rawPayload, PNG)).toBe(0);
  });

  it('rejects a non-image with VALIDATION, whatever it claims to be', async () => {
    const res = await upload('evil.png', Buffer.from('<?php system($_GET[1]); ?>'), 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { file: expect.any(String) } } });
  });

  it('rejects an oversize file with VALIDATION', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES + 10)]);
    const res = await upload('big.png', big, 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('needs a login', async () => {
    expect((await upload('a.png', PNG, 'image/png', false)).statusCode).toBe(401);
  });

  it('refuses path tricks when serving', async () => {
    expect((await app.inject({ method: 'GET', url: '/uploads/..%2F..%2Fetc%2Fpasswd' })).statusCode).toBe(404);
  });
});
