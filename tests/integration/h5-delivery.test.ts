import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../cloud/functions/context';
import { buildServer } from '../../cloud/server/app';
import { cacheControlOf, precompressH5 } from '../../cloud/server/h5-static';

/**
 * How the server hands out an H5 build: brotli or gzip as the browser accepts (decoding to the
 * very bytes of the file), plain otherwise; hashed files cached for a year, the rest revalidated.
 * A build of known files in a temp directory, so the test does not depend on Taro's output.
 */
const YEAR = 'public, max-age=31536000, immutable';
const script = 'console.log("劳模工匠点单");\n'.repeat(400);
const style = '.topic-card { color: #c8161d; padding: 12px; }\n'.repeat(200);
const html = `<!doctype html><html><head><title>劳模工匠点单</title><script defer src="/js/app.0123abcd.js"></script><link href="/css/app.89abcdef.css" rel="stylesheet"></head><body><div id="app"></div>${' '.repeat(300)}</body></html>`;

describe('H5 delivery', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-h5-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'js'));
    fs.mkdirSync(path.join(dir, 'css'));
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    fs.writeFileSync(path.join(dir, 'js/app.0123abcd.js'), script);
    fs.writeFileSync(path.join(dir, 'js/app.0123abcd.js.LICENSE.txt'), 'MIT'.repeat(100));
    fs.writeFileSync(path.join(dir, 'css/app.89abcdef.css'), style);
    fs.writeFileSync(path.join(dir, 'js/tiny.deadbeef.js'), '1');
    // No function is called here: the static routes do not touch the services.
    app = await buildServer({ services: {} as Services, h5Dir: dir });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('precompressed copies exist beside each text file, and a second pass writes none', async () => {
    expect(fs.existsSync(path.join(dir, 'js/app.0123abcd.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'css/app.89abcdef.css.gz'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'js/tiny.deadbeef.js.br'))).toBe(false); // too small to gain
    expect(await precompressH5(dir)).toEqual({ written: 0 });
    // A rebuilt file (newer than its copies) is compressed again.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'index.html'), later, later);
    expect(await precompressH5(dir)).toEqual({ written: 2 });
  });

  it.each([
    ['br', 'gzip, deflate, br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', 'gzip, deflate', (b: Buffer) => zlib.gunzipSync(b)],
  ])('hashed script and style in %s, cached for a year', async (encoding, accept, decode) => {
    for (const [url, body, type] of [['/js/app.0123abcd.js', script, 'javascript'], ['/css/app.89abcdef.css', style, 'text/css']]) {
      const res = await get(url, accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toContain(type);
      expect(res.headers['cache-control']).toBe(YEAR);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(body) / 5);
      expect(decode(res.rawPayload).toString('utf8')).toBe(body);
    }
  });

  it('plain to a client that accepts no encoding', async () => {
    const res = await get('/js/app.0123abcd.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
    expect(res.headers['cache-control']).toBe(YEAR);
  });

  it('index.html, at / and by name, compressed and revalidated on every load', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await get(url, 'br');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(html);
    }
  });

  it('files without a content hash are revalidated; the security headers stay', async () => {
    const res = await get('/js/app.0123abcd.js.LICENSE.txt', 'br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await get('/js/nope.0123abcd.js', 'br')).statusCode).toBe(404);
  });

  it('cache rule by path', () => {
    expect(cacheControlOf('/js/867.f79d7bb2.js')).toBe(YEAR);
    expect(cacheControlOf('/css/app.bd67449b.css')).toBe(YEAR);
    expect(cacheControlOf('/static/images/logo.1a2b3c4d.png')).toBe(YEAR);
    expect(cacheControlOf('/index.html')).toBe('no-cache');
    expect(cacheControlOf('/js/app.js')).toBe('no-cache');
    expect(cacheControlOf('/uploads/x.12345678.jpg')).toBe('no-cache');
  });
});
