import path from 'node:path';
import { limitsFromEnv, type Limits } from '../functions/limits';
import type { LogLevel } from '../runtime/logger';
import { notifyConfigFromEnv, type NotifyConfig } from '../domain/notify/templates';

/** Photos one user may upload per Shanghai day (counted from the uploads table). */
export interface UploadQuota {
  perDay: number;
  bytesPerDay: number;
}

/** Defaults: generous for a day of needs and service records, small enough to stop a flood. */
export const UPLOAD_QUOTA_DEFAULTS: UploadQuota = { perDay: 50, bytesPerDay: 100 * 1024 * 1024 };

const positiveInt = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return raw && Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Settings read once from the environment. Only this module reads process.env. */
export interface AppConfig {
  port: number;
  host: string;
  /** PGlite data directory (used when databaseUrl is empty). */
  dataDir: string;
  /** A real PostgreSQL server; when set, PGlite is not used. */
  databaseUrl: string | null;
  /**
   * DATABASE_PREPARED_STATEMENTS: `on` or `off` (cloud/db/prepared.ts); null when unset, and then
   * the server prepares and the CloudBase functions, which the README puts behind PgBouncer, do not.
   */
  preparedStatements: boolean | null;
  /** Dev mode: quick login for demo users and the clock offset. Off when NODE_ENV=production. */
  devMode: boolean;
  /** Dev only: shift the server clock, so a demo or test can run "tomorrow" on the same data. */
  clockOffsetMinutes: number;
  /** HMAC secret for session tokens; when absent one is generated and kept in the data dir. */
  sessionSecret: string | null;
  /** Where the H5 build lives. */
  h5Dir: string;
  /** UPLOADS_PER_DAY, UPLOAD_MB_PER_DAY. */
  uploads: UploadQuota;
  /** Rate limits, the request deadline and caps (see functions/limits.ts for the variables). */
  limits: Limits;
  /** LOG_LEVEL: pino's levels, default info. */
  logLevel: LogLevel;
  /** SUBSCRIBE_TEMPLATES, SUBSCRIBE_STATE: the WeChat subscribe-message templates (README "Notifications"). */
  notify: NotifyConfig;
  /** INVITE_TTL_HOURS: how long an admin invitation stays valid, default 72. */
  inviteTtlHours: number;
  /** PUBLIC_BASE_URL: the address people reach the public pages at (the certificate's QR), e.g. https://laomo.example.cn. */
  publicBaseUrl: string | null;
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const devMode = env.NODE_ENV !== 'production';
  const offset = Number(env.CLOCK_OFFSET_MINUTES ?? 0);
  return {
    port: Number(env.PORT ?? 10086),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    databaseUrl: env.DATABASE_URL || null,
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS ? env.DATABASE_PREPARED_STATEMENTS !== 'off' : null,
    devMode,
    clockOffsetMinutes: devMode && Number.isFinite(offset) ? offset : 0,
    sessionSecret: env.SESSION_SECRET || null,
    h5Dir: path.resolve(env.H5_DIR ?? 'dist/h5'),
    limits: limitsFromEnv(env),
    logLevel: LOG_LEVELS.find((l) => l === env.LOG_LEVEL) ?? 'info',
    notify: notifyConfigFromEnv(env),
    inviteTtlHours: positiveInt(env.INVITE_TTL_HOURS, 72),
    publicBaseUrl: env.PUBLIC_BASE_URL?.trim().replace(/\/+$/, '') || null,
    uploads: {
      perDay: positiveInt(env.UPLOADS_PER_DAY, UPLOAD_QUOTA_DEFAULTS.perDay),
      bytesPerDay: positiveInt(env.UPLOAD_MB_PER_DAY, UPLOAD_QUOTA_DEFAULTS.bytesPerDay / 1024 / 1024) * 1024 * 1024,
    },
  };
}
