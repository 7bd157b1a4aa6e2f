import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Envelope } from '../../cloud/contract';
import { createTokenSigner } from '../../cloud/domain/auth/tokens';
import { createClock } from '../../cloud/domain/clock';
import { createGuards, type Services } from '../../cloud/functions/context';
import type { Limits } from '../../cloud/functions/limits';
import { buildServer } from '../../cloud/server/app';
import type { TestDatabase } from './db';

export interface TestServer {
  app: FastifyInstance;
  services: Services;
  /** POST /api/<fn> through the real HTTP stack (Fastify inject: same routing, parsing, status). */
  call<T = unknown>(fn: string, action: string, data?: unknown, token?: string): Promise<{ status: number; body: Envelope<T> }>;
  raw(fn: string, payload: string, headers?: Record<string, string>): Promise<{ status: number; body: Envelope<unknown> }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  devMode?: boolean;
  offsetMinutes?: number;
  /** Rate limits, deadline and caps as the real server applies them; none when absent. */
  limits?: Limits;
  /** Where the server logs (e.g. a pino logger writing into an array); silent when absent. */
  logger?: FastifyBaseLogger;
}

export async function createTestServer(database: TestDatabase, opts: TestServerOptions = {}): Promise<TestServer> {
  const services: Services = {
    db: database.db,
    clock: createClock(opts.offsetMinutes ?? 0),
    tokens: createTokenSigner('test-secret-test-secret-test-secret'),
    devMode: opts.devMode ?? true,
    ...(opts.limits ? { guards: createGuards(opts.limits) } : {}),
  };
  const app = await buildServer({ services, logger: opts.logger });
  const raw = async (fn: string, payload: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'POST', url: `/api/${fn}`, payload, headers: { 'content-type': 'application/json', ...headers } });
    return { status: res.statusCode, body: res.json() as Envelope<unknown> };
  };
  return {
    app,
    services,
    raw,
    async call<T>(fn: string, action: string, data?: unknown, token?: string) {
      const res = await raw(fn, JSON.stringify({ action, data }), token ? { authorization: `Bearer ${token}` } : {});
      return res as { status: number; body: Envelope<T> };
    },
    close: () => app.close(),
  };
}

/** Unwraps an ok envelope or fails the test with the error it carried. */
export function okData<T>(res: { status: number; body: Envelope<T> }): T {
  if (!res.body.ok) throw new Error(`expected ok, got ${res.status} ${JSON.stringify(res.body.error)}`);
  return res.body.data;
}
