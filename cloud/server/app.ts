import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { HTTP_STATUS, type Envelope } from '../contract';
import type { Caller, Services } from '../functions/context';
import { FUNCTIONS } from '../functions/registry';
import { dispatch, toErrorBody } from '../functions/router';
import type { UploadQuota } from '../config';
import { registerSecurityHeaders } from './security-headers';
import { registerUploads } from './uploads';

export interface ServerOptions {
  services: Services;
  /** Directory of the H5 build to serve at `/`; skipped when it does not exist. */
  h5Dir?: string;
  /** Where uploaded photos are kept (the local server keeps them in DATA_DIR/uploads). */
  uploadsDir?: string;
  /** Per-user daily upload quota (config.uploads); the defaults when absent. */
  uploadQuota?: UploadQuota;
  logger?: boolean;
}

/** 1 MB: JSON bodies only (photos are uploaded separately). */
const BODY_LIMIT = 1024 * 1024;

const statusOf = (env: Envelope<unknown>) => (env.ok ? 200 : HTTP_STATUS[env.error.code]);

function userIdFromHeader(header: string | undefined, services: Services): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  return services.tokens.verify(header.slice(7).trim(), services.clock.now());
}

function callerOf(req: FastifyRequest, services: Services): Caller | null {
  const userId = userIdFromHeader(req.headers.authorization, services);
  return userId ? { userId } : null;
}

/**
 * The local transport of the cloud functions: `POST /api/<function>` with `{action, data}`,
 * answered with the envelope and the status code of its error code; the H5 build at `/`.
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT });
  await registerSecurityHeaders(app, { h5Dir: opts.h5Dir });

  // Parse JSON ourselves so malformed input is a VALIDATION envelope, never a framework 500.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  if (opts.uploadsDir) await registerUploads(app, opts.services, { dir: opts.uploadsDir, quota: opts.uploadQuota });

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const actions = Object.hasOwn(FUNCTIONS, req.params.fn) ? FUNCTIONS[req.params.fn] : undefined;
    let env: Envelope<unknown>;
    if (!actions) {
      env = { ok: false, error: { code: 'NOT_FOUND', message: `未知的云函数: ${req.params.fn}` } };
    } else {
      const body = parseJson(req.body);
      env = body.ok
        ? await dispatch(actions, body.value, { ...opts.services, caller: callerOf(req, opts.services) }, (e) => req.log.error(e))
        : { ok: false, error: { code: 'VALIDATION', message: '请求体不是合法的 JSON', fields: { body: '不是合法的 JSON' } } };
    }
    return reply.code(statusOf(env)).header('cache-control', 'no-store').send(env);
  });

  app.get('/api/health', async () => ({ ok: true, data: { now: opts.services.clock.now().toISOString() } }));

  app.setErrorHandler((err, req, reply) => {
    // Framework-level failures (body too large, bad content) are the caller's mistake: 4xx.
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const env: Envelope<never> =
      status >= 400 && status < 500
        ? { ok: false, error: { code: 'VALIDATION', message: status === 413 ? '请求体过大' : '请求格式不正确' } }
        : { ok: false, error: toErrorBody(err, (e) => req.log.error(e)) };
    return reply.code(statusOf(env)).send(env);
  });

  const h5Dir = opts.h5Dir && fs.existsSync(path.join(opts.h5Dir, 'index.html')) ? opts.h5Dir : null;
  if (h5Dir) {
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/', index: 'index.html', maxAge: 0 });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>H5 尚未构建：请运行 <code>npm run build:h5</code> 后重启。</p>'),
    );
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '未知的接口' } });
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('页面不存在');
  });

  return app;
}

function parseJson(body: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== 'string' || body.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    return { ok: false };
  }
}
