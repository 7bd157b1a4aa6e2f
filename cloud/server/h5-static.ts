import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The H5 build as a phone should get it: every text asset precompressed once (brotli and gzip,
 * written beside the file) and served in the encoding the browser accepts; files whose name
 * carries a content hash (`/js/app.6850548e.js`, `/css/…`, `/static/…`) cached for a year as
 * `immutable` — a new build gives them new names — and everything else, index.html first,
 * revalidated on every load so a new build is picked up at once.
 */

const ONE_YEAR = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** What webpack's `[contenthash:8]` (config/index.ts) and Taro's asset names look like. */
const HASHED = /^\/(js|css|static)\/(.+\/)?[^/]*\.[0-9a-f]{8}\.[a-z0-9]+$/i;
/** Worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|ico)$/i;
/** Below this a compressed copy saves less than its header costs. */
const MIN_BYTES = 256;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The Cache-Control of a URL path of the build. */
export function cacheControlOf(urlPath: string): string {
  return HASHED.test(urlPath) ? ONE_YEAR : REVALIDATE;
}

function* textFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* textFiles(p);
    else if (COMPRESSIBLE.test(entry.name)) yield p;
  }
}

/** True when `copy` exists and is at least as new as `source`. */
function fresh(copy: string, source: fs.Stats): boolean {
  try {
    return fs.statSync(copy).mtimeMs >= source.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * Writes `x.br` and `x.gz` beside each text file of the build that lacks a fresh copy. Runs once
 * per build (later starts only stat the files). Each copy is written to a temporary name and
 * renamed, so a request (or a second server starting on the same build) never reads half a file.
 * Brotli at its best quality: the copies are made once and downloaded by every phone.
 */
export async function precompressH5(h5Dir: string): Promise<{ written: number }> {
  let written = 0;
  for (const file of textFiles(h5Dir)) {
    const st = fs.statSync(file);
    if (st.size < MIN_BYTES) continue;
    const wants = [
      { ext: '.br', make: (b: Buffer) => brotli(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) },
      { ext: '.gz', make: (b: Buffer) => gzip(b, { level: 9 }) },
    ].filter((w) => !fresh(file + w.ext, st));
    if (!wants.length) continue;
    const body = await fs.promises.readFile(file);
    for (const w of wants) {
      const tmp = `${file}${w.ext}.${process.pid}.${Date.now()}.tmp`;
      await fs.promises.writeFile(tmp, await w.make(body));
      await fs.promises.rename(tmp, file + w.ext);
      written++;
    }
  }
  return { written };
}

/** Serves the build at `/` with the encodings and cache headers above. */
export async function registerH5Static(app: FastifyInstance, h5Dir: string, opts: { onError?: (err: unknown) => void } = {}) {
  // Before the first request is answered; a build directory that cannot be written to is served
  // uncompressed rather than not at all.
  await precompressH5(h5Dir).catch((err: unknown) => opts.onError?.(err));
  const root = path.resolve(h5Dir);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // An array: @fastify/static finds the precompressed index.html for `/` only from a list.
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, filePath) {
      const served = filePath.replace(/\.(br|gz)$/, '');
      const urlPath = '/' + path.relative(root, served).split(path.sep).join('/');
      res.setHeader('cache-control', cacheControlOf(urlPath === '/' ? '/index.html' : urlPath));
      // Caches in between must keep the brotli, gzip and plain answers apart.
      if (COMPRESSIBLE.test(served)) res.setHeader('vary', 'accept-encoding');
    },
  });
}
