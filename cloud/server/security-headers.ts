import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer of the local server (the H5 app, /api, /uploads, 404s) via
 * @fastify/helmet. The CSP is cut to what the Taro H5 build actually does:
 * - scripts: its own bundles from /js, plus the one inline script Taro puts in index.html (the
 *   rem font-size setter), allowed by its hash rather than by 'unsafe-inline';
 * - styles: its own CSS plus inline styles, which the Taro web components (Stencil) inject as
 *   <style> elements at run time;
 * - images: /uploads (same origin), data: URIs (icons, ECharts exports) and blob: (a photo just
 *   picked is previewed from a blob: URL before it is uploaded);
 * - connections: the API on the same origin, and blob: because the upload reads the picked
 *   photo back with fetch(blobUrl);
 * - ECharts draws on canvas, which needs nothing; no frames, plugins, workers or foreign hosts.
 * /uploads answers override the CSP with a stricter one of their own (see uploads.ts).
 */

/** `'sha256-…'` sources for each inline <script> of the built index.html (none without a build). */
export function inlineScriptHashes(h5Dir: string | undefined): string[] {
  const index = h5Dir ? path.join(h5Dir, 'index.html') : null;
  if (!index || !fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '') || !m[2]) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

export function h5CspDirectives(scriptHashes: string[]): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Registers helmet globally; call it before any route so its hook covers them all. The hashes
 * are read from the build once at start: the inline script is Taro's and does not change between
 * builds of the same Taro config (a changed one shows up as a CSP violation in the console).
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { h5Dir?: string }) {
  await app.register(helmet, {
    global: true,
    // useDefaults off: helmet's default CSP adds upgrade-insecure-requests, which would send the
    // plain-HTTP local server's own requests to https and break it.
    contentSecurityPolicy: { useDefaults: false, directives: h5CspDirectives(inlineScriptHashes(opts.h5Dir)) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Browsers ignore HSTS over plain HTTP; behind a TLS proxy it pins only this host, not the
    // union's other (possibly HTTP-only) subdomains.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
  });
}
