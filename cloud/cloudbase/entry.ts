import { loadConfig } from '../config';
import { openDatabase } from '../db/engine';
import { userIdForOpenid } from '../domain/auth/service';
import { createTokenSigner } from '../domain/auth/tokens';
import { createClock } from '../domain/clock';
import type { Services } from '../functions/context';
import type { ActionMap } from '../functions/router';
import { dispatch, toErrorBody } from '../functions/router';
import type { Envelope } from '../contract';
import { randomBytes } from 'node:crypto';

/** The part of wx-server-sdk we use; it is installed in the cloud, not bundled. */
interface WxServerSdk {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): { OPENID?: string };
}

let servicesPromise: Promise<Services> | null = null;

/**
 * One set of services per warm container. CloudBase functions run against a server database
 * (DATABASE_URL in the function's environment); they never use PGlite.
 */
export function services(): Promise<Services> {
  servicesPromise ??= (async () => {
    const config = loadConfig();
    if (!config.databaseUrl) throw new Error('DATABASE_URL is not set for this cloud function');
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
    return {
      db: database.db,
      clock: createClock(0),
      // Tokens are an HTTP concern; on CloudBase identity is the OPENID WeChat vouches for.
      tokens: createTokenSigner(config.sessionSecret ?? randomBytes(32).toString('hex')),
      devMode: false,
    };
  })().catch((err) => {
    servicesPromise = null; // let the next invocation retry a failed connection
    throw err;
  });
  return servicesPromise;
}

/** `exports.main` for one cloud function: `callFunction({name, data: {action, data}})`. */
export function createMain(actions: ActionMap) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- provided by CloudBase at run time
  const cloud = require('wx-server-sdk') as WxServerSdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return async function main(event: unknown): Promise<Envelope<unknown>> {
    try {
      const svc = await services();
      const openid = cloud.getWXContext().OPENID;
      const caller = openid ? { userId: await userIdForOpenid(svc.db, openid) } : null;
      const { action, data } = (event ?? {}) as { action?: unknown; data?: unknown };
      return await dispatch(actions, { action, data }, { ...svc, caller });
    } catch (err) {
      return { ok: false, error: toErrorBody(err, console.error) };
    }
  };
}
