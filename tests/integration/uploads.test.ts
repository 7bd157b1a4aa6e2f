import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { createTokenSigner } from '../../cloud/domain/auth/tokens';
import { createClock } from '../../cloud/domain/clock';
import type { Services } from '../../cloud/functions/context';
import { buildServer } from '../../cloud/server/app';
import { MAX_SIDE_PX } from '../../cloud/server/image-check';
import { MAX_UPLOAD_BYTES, UPLOAD_RESPONSE_CSP } from '../../cloud/server/uploads';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

function multipart(name: string, content: Buffer, type: string) {
  const boundary = '----lmgjtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A solid-colour picture: each colour gives different bytes, so a different upload. */
const solid = (width: number, height: number, r: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g: 40, b: 90 } } });

/** Files and rows the uploads left behind: what "nothing was stored" is checked against. */
async function stored(database: TestDatabase, dir: string) {
  const rows = await database.db.selectFrom('uploads').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { files: fs.readdirSync(dir).sort(), rows: Number(rows.n) };
}

describe('photo upload', () => {
  let database: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let token: string;
  let userIds: string[];
  const secret = 'upload-test-secret-upload-test';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-up-'));
  const h5Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-h5-'));
  const INLINE = 'document.documentElement.style.fontSize="20px"';
  const servers: FastifyInstance[] = [];

  const tokenFor = (userId: string) => services.tokens.sign(userId, new Date());

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    services = { db: database.db, clock: createClock(0), tokens: createTokenSigner(secret), devMode: true };
    // A stand-in H5 build: one inline script like Taro's, so its hash must appear in the CSP.
    fs.writeFileSync(path.join(h5Dir, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script><script defer src="/js/app.js"></script></head><body></body></html>`);
    app = await buildServer({ services, uploadsDir: dir, h5Dir });
    servers.push(app);
    userIds = (await database.db.selectFrom('users').select('id').orderBy('id').limit(4).execute()).map((u) => u.id);
    token = tokenFor(userIds[0]);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(h5Dir, { recursive: true, force: true });
  });

  const uploadTo = (server: FastifyInstance, name: string, content: Buffer, type: string, bearer: string | null) => {
    const m = multipart(name, content, type);
    return server.inject({ method: 'POST', url: '/api/upload', payload: m.payload, headers: { ...m.headers, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) } });
  };
  const upload = (name: string, content: Buffer, type: string, auth = true) => uploadTo(app, name, content, type, auth ? token : null);

  it('stores a real PNG re-encoded and serves it with safe headers', async () => {
    const res = await upload('a.png', PNG, 'image/png');
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data.url).toMatch(/^\/uploads\/[a-f0-9]{64}\.png$/);
    const back = await app.inject({ method: 'GET', url: data.url });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(back.headers['content-security-policy']).toBe(UPLOAD_RESPONSE_CSP);
    expect(back.headers['content-security-policy']).toContain('sandbox');
    expect(back.headers['content-disposition']).toBe(`inline; filename="${data.id}"`);
    const meta = await sharp(back.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1, height: 1 });
    // Content-addressed by what is kept, not by what was sent.
    expect(data.id).toBe(`${createHash('sha256').update(back.rawPayload).digest('hex')}.png`);
  });

  it('a JPEG loses its EXIF (GPS, camera) and is turned upright', async () => {
    const jpeg = await solid(64, 32, 200)
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'SpyCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } })
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif?.includes('SpyCam')).toBe(true);
    const res = await upload('me.jpg', jpeg, 'image/jpeg');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.url).toMatch(/\.jpg$/);
    const back = await app.inject({ method: 'GET', url: res.json().data.url });
    expect(back.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(back.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 32, height: 64 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(back.rawPayload.includes('SpyCam')).toBe(false);
  });

  it('caps the long side of a large photo', async () => {
    const res = await upload('big.jpg', await solid(5000, 2500, 10).jpeg().toBuffer(), 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const back = await app.inject({ method: 'GET', url: res.json().data.url });
    expect(await sharp(back.rawPayload).metadata()).toMatchObject({ width: MAX_SIDE_PX, height: MAX_SIDE_PX / 2 });
  });

  it('refuses a PNG or GIF header followed by HTML, and stores nothing', async () => {
    const before = await stored(database, dir);
    for (const [name, body] of [
      ['x.png', Buffer.concat([PNG.subarray(0, 33), HTML])],
      ['x.gif', Buffer.concat([Buffer.from('GIF89a'), HTML])],
    ] as const) {
      const res = await upload(name, body, 'image/png');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { file: expect.any(String) } } });
    }
    expect(await stored(database, dir)).toEqual(before);
  });

  it('a whole image with HTML appended keeps only the pixels', async () => {
    const res = await upload('polyglot.png', Buffer.concat([await solid(4, 4, 77).png().toBuffer(), HTML]), 'image/png');
    expect(res.statusCode).toBe(200);
    const kept = fs.readFileSync(path.join(dir, res.json().data.id));
    expect(kept.includes('<script')).toBe(false);
    expect(await sharp(kept).metadata()).toMatchObject({ format: 'png', width: 4, height: 4 });
  });

  it('a GIF is kept as a PNG', async () => {
    const res = await upload('a.gif', await solid(6, 6, 120).gif().toBuffer(), 'image/gif');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.url).toMatch(/\.png$/);
  });

  it('refuses a decompression bomb with VALIDATION on the file', async () => {
    // 7500×7500 of one colour: a small file that would decode to 56 megapixels (169 MB).
    const bomb = await solid(7500, 7500, 0).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const res = await upload('bomb.png', bomb, 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { file: expect.stringContaining('像素') } } });
  });

  it('rejects a non-image with VALIDATION, whatever it claims to be', async () => {
    for (const body of [Buffer.from('<?php system($_GET[1]); ?>'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')]) {
      const res = await upload('evil.png', body, 'image/png');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { file: expect.any(String) } } });
    }
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

  it('a validly signed token of a user that does not exist is 401, and nothing is written', async () => {
    const before = await stored(database, dir);
    // Same secret, a subject no user has (e.g. the database was reset, the secret kept).
    const ghost = tokenFor('987654321');
    const image = await solid(8, 8, 33).png().toBuffer();
    const res = await uploadTo(app, 'ghost.png', image, 'image/png', ghost);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await stored(database, dir)).toEqual(before);
    // The same picture from a real user is stored: the refusal was about who, not what.
    expect((await upload('real.png', image, 'image/png')).statusCode).toBe(200);
  });

  it('refuses path tricks when serving', async () => {
    const res = await app.inject({ method: 'GET', url: '/uploads/..%2F..%2Fetc%2Fpasswd' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  describe('daily quota', () => {
    it('answers RATE_LIMITED with a retry hint after the count, and stores nothing', async () => {
      const limited = await buildServer({ services, uploadsDir: dir, uploadQuota: { perDay: 2, bytesPerDay: 50 * 1024 * 1024 } });
      servers.push(limited);
      const bearer = tokenFor(userIds[1]);
      for (const r of [1, 2]) {
        expect((await uploadTo(limited, `${r}.png`, await solid(5, 5, r).png().toBuffer(), 'image/png', bearer)).statusCode).toBe(200);
      }
      const before = await stored(database, dir);
      const res = await uploadTo(limited, '3.png', await solid(5, 5, 3).png().toBuffer(), 'image/png', bearer);
      expect(res.statusCode).toBe(429);
      const body = res.json();
      expect(body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('明天') } });
      expect(body.error.retryAfter).toBeGreaterThan(0);
      expect(body.error.retryAfter).toBeLessThanOrEqual(24 * 3600);
      expect(res.headers['retry-after']).toBe(String(body.error.retryAfter));
      expect(await stored(database, dir)).toEqual(before);

      // Counted from the table: a fresh server on the same database (a restart, another
      // process) still refuses; another user is not affected.
      const restarted = await buildServer({ services, uploadsDir: dir, uploadQuota: { perDay: 2, bytesPerDay: 50 * 1024 * 1024 } });
      servers.push(restarted);
      expect((await uploadTo(restarted, '4.png', await solid(5, 5, 4).png().toBuffer(), 'image/png', bearer)).statusCode).toBe(429);
      expect((await uploadTo(restarted, '5.png', await solid(5, 5, 5).png().toBuffer(), 'image/png', tokenFor(userIds[2]))).statusCode).toBe(200);
    });

    it('counts bytes too: a file that would pass the day\'s bytes is refused', async () => {
      const first = await solid(40, 40, 9).png().toBuffer();
      const limited = await buildServer({ services, uploadsDir: dir, uploadQuota: { perDay: 50, bytesPerDay: 2000 } });
      servers.push(limited);
      const bearer = tokenFor(userIds[3]);
      expect((await uploadTo(limited, 'a.png', first, 'image/png', bearer)).statusCode).toBe(200);
      const before = await stored(database, dir);
      // Noise does not compress: its re-encoding alone is larger than what is left today.
      const noise = await sharp(randomBytes(40 * 40 * 3), { raw: { width: 40, height: 40, channels: 3 } }).png().toBuffer();
      const res = await uploadTo(limited, 'b.png', noise, 'image/png', bearer);
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      expect(await stored(database, dir)).toEqual(before);
    });
  });

  describe('security headers', () => {
    const expectCommon = (headers: Record<string, unknown>) => {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("object-src 'none'");
    };

    it('the H5 page gets a CSP that allows its own inline script by hash only', async () => {
      const res = await app.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expectCommon(res.headers);
      const csp = String(res.headers['content-security-policy']);
      const hash = createHash('sha256').update(INLINE).digest('base64');
      expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(csp).toMatch(/img-src 'self' data: blob:/);
    });

    it('API answers carry them too, also errors and 404s', async () => {
      expectCommon((await app.inject({ method: 'GET', url: '/api/health' })).headers);
      const call = await app.inject({ method: 'POST', url: '/api/auth', payload: JSON.stringify({ action: 'me' }), headers: { 'content-type': 'application/json' } });
      expect(call.statusCode).toBe(401);
      expectCommon(call.headers);
      expectCommon((await app.inject({ method: 'POST', url: '/api/nope', payload: '{}' })).headers);
      expectCommon((await upload('a.png', PNG, 'image/png', false)).headers);
    });
  });
});
