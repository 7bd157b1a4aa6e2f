import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { HTTP_STATUS, type ApiErrorBody, type Envelope } from '../contract';
import { resolveCaller } from '../functions/caller';
import type { Services } from '../functions/context';
import { createLogger, newRequestId } from '../runtime/logger';
import { FUNCTIONS } from '../functions/registry';
import { dispatch, toErrorBody } from '../functions/router';
import type { UploadQuota } from '../config';
import { registerH5Static } from './h5-static';
import { registerSecurityHeaders } from './security-headers';
import { registerUploads } from './uploads';
import { registerVerifyPage } from './verify-page';

export interface ServerOptions {
  services: Services;
  /** Directory of the H5 build to serve at `/`; skipped when it does not exist. */
  h5Dir?: string;
  /** Where uploaded photos are kept (the local server keeps them in DATA_DIR/uploads). */
  uploadsDir?: string;
  /** Keep uploaded photos in PostgreSQL rather than uploadsDir, so every server process serves them. */
  uploadsInDatabase?: boolean;
  /** Per-user daily upload quota (config.uploads); the defaults when absent. */
  uploadQuota?: UploadQuota;
  /** Where logs go (pino); silent when absent, as in tests. */
  logger?: FastifyBaseLogger;
}

/** 1 MB: JSON bodies only (photos are uploaded separately). */
const BODY_LIMIT = 1024 * 1024;

const statusOf = (env: Envelope<unknown>) => (env.ok ? 200 : HTTP_STATUS[env.error.code]);

/** Sends an envelope with the status of its code (and `Retry-After` when it says when). */
function send(reply: FastifyReply, env: Envelope<unknown>) {
  if (!env.ok && env.error.retryAfter !== undefined) reply.header('retry-after', String(env.error.retryAfter));
  return reply.code(statusOf(env)).header('cache-control', 'no-store').send(env);
}

const failWith = (req: FastifyRequest, error: ApiErrorBody): Envelope<never> => ({ ok: false, error: { ...error, requestId: req.id } });

/**
 * The local transport of the cloud functions: `POST /api/<function>` with `{action, data}`,
 * answered with the envelope and the status code of its error code; the H5 build at `/`.
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.logger ?? (createLogger('silent') as FastifyBaseLogger),
    // Request ids a user can read off a screenshot and an operator can grep for.
    genReqId: newRequestId,
    requestIdLogLabel: 'requestId',
    // One line per failure, not two per request: the access log belongs to the proxy in front.
    disableRequestLogging: true,
    bodyLimit: BODY_LIMIT,
    // A path that does not decode (`/api/%zz`) is answered with the envelope too, not Fastify's own JSON.
    frameworkErrors: (_err, req, reply) => send(reply, failWith(req, { code: 'VALIDATION', message: '请求地址不正确', fields: { url: '请求地址不正确' } })),
  });
  await registerSecurityHeaders(app, { h5Dir: opts.h5Dir });

  // Parse JSON ourselves so malformed input is a VALIDATION envelope, never a framework 500.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  if (opts.uploadsDir) await registerUploads(app, opts.services, { dir: opts.uploadsDir, inDatabase: opts.uploadsInDatabase, quota: opts.uploadQuota });

  app.post<{ Params: { fn: string } }>('/api/:fn', async (req, reply) => {
    const actions = Object.hasOwn(FUNCTIONS, req.params.fn) ? FUNCTIONS[req.params.fn] : undefined;
    if (!actions) return send(reply, failWith(req, { code: 'NOT_FOUND', message: `未知的云函数: ${req.params.fn.slice(0, 50)}` }));
    const body = parseJson(req.body);
    if (!body.ok) return send(reply, failWith(req, { code: 'VALIDATION', message: '请求体不是合法的 JSON', fields: { body: '不是合法的 JSON' } }));
    const env = await dispatch(actions, body.value, opts.services, {
      fn: req.params.fn,
      requestId: req.id,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
      log: req.log,
      identify: (o) => resolveCaller(opts.services, req.headers.authorization, o),
    });
    return send(reply, env);
  });

  app.get('/api/health', async () => ({ ok: true, data: { now: opts.services.clock.now().toISOString() } }));
  // Where the hours certificate's QR points (public).
  await registerVerifyPage(app, opts.services);

  app.setErrorHandler((err, req, reply) => {
    // Framework-level failures (body too large, bad content) are the caller's mistake: 4xx.
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const message = status === 413 ? '请求体过大' : '请求格式不正确';
    const env =
      status >= 400 && status < 500
        ? failWith(req, { code: 'VALIDATION', message, fields: { body: message } })
        : failWith(req, toErrorBody(err, { internal: (e) => req.log.error({ requestId: req.id, url: req.url, err: e }, 'internal error') }));
    return send(reply, env);
  });

  const h5Dir = opts.h5Dir && fs.existsSync(path.join(opts.h5Dir, 'index.html')) ? opts.h5Dir : null;
  if (h5Dir) {
    await registerH5Static(app, h5Dir, { onError: (err) => app.log.warn({ err }, 'H5 precompression skipped') });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>H5 尚未构建：请运行 <code>npm run build:h5</code> 后重启。</p>'),
    );
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return send(reply, failWith(req, { code: 'NOT_FOUND', message: '未知的接口' }));
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
