import { loadConfig } from '../config';
import { openDatabase } from '../db/engine';
import { callerForOpenid } from '../domain/auth/service';
import { createTokenSigner } from '../domain/auth/tokens';
import { createClock } from '../domain/clock';
import type { Services } from '../functions/context';
import type { ActionMap } from '../functions/router';
import { dispatch, toErrorBody } from '../functions/router';
import type { Envelope } from '../contract';
import { randomBytes } from 'node:crypto';
import { createGuards } from '../functions/context';
import { createLogger, newRequestId } from '../runtime/logger';
import type { WeChatApi } from '../domain/accounts/settings';

/** The part of wx-server-sdk we use; it is installed in the cloud, not bundled. */
interface WxServerSdk {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): { OPENID?: string };
  openapi: {
    phonenumber: { getPhoneNumber(opts: { code: string }): Promise<{ phoneInfo?: { purePhoneNumber?: string; phoneNumber?: string } }> };
    wxacode: { getUnlimited(opts: { scene: string; page: string; checkPath: boolean }): Promise<{ buffer: Buffer }> };
  };
}

/** WeChat's open APIs through wx-server-sdk (the functions' config.json grants them). */
function wechatApi(cloud: WxServerSdk): WeChatApi {
  return {
    async phoneNumber(code) {
      const res = await cloud.openapi.phonenumber.getPhoneNumber({ code });
      const phone = res.phoneInfo?.purePhoneNumber ?? res.phoneInfo?.phoneNumber;
      if (!phone) throw new Error('getPhoneNumber answered no number');
      return phone;
    },
    async miniProgramCode(scene, page) {
      // checkPath false: the page exists in the released version, not necessarily in a trial one.
      return (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false })).buffer;
    },
  };
}

let servicesPromise: Promise<Services> | null = null;

/**
 * One set of services per warm container. CloudBase functions run against a server database
 * (DATABASE_URL in the function's environment); they never use PGlite.
 */
export function services(wechat?: WeChatApi): Promise<Services> {
  servicesPromise ??= (async () => {
    const config = loadConfig();
    if (!config.databaseUrl) throw new Error('DATABASE_URL is not set for this cloud function');
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2, preparedStatements: config.preparedStatements ?? false });
    return {
      db: database.db,
      clock: createClock(0),
      // Tokens are an HTTP concern; on CloudBase identity is the OPENID WeChat vouches for.
      tokens: createTokenSigner(config.sessionSecret ?? randomBytes(32).toString('hex')),
      devMode: false,
      // Per container: CloudBase runs several, so the effective limit is a multiple (README).
      guards: createGuards(config.limits),
      notify: config.notify,
      accounts: { inviteTtlHours: config.inviteTtlHours },
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
      ...(wechat ? { wechat } : {}),
    };
  })().catch((err) => {
    servicesPromise = null; // let the next invocation retry a failed connection
    throw err;
  });
  return servicesPromise;
}

/** `exports.main` for one cloud function: `callFunction({name, data: {action, data}})`. */
export function createMain(fn: string, actions: ActionMap) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- provided by CloudBase at run time
  const cloud = require('wx-server-sdk') as WxServerSdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  // CloudBase keeps what a function writes to stdout as its log.
  const log = createLogger('info');
  return async function main(event: unknown, context?: { request_id?: unknown }): Promise<Envelope<unknown>> {
    const requestId = typeof context?.request_id === 'string' ? context.request_id : newRequestId();
    try {
      const svc = await services(wechatApi(cloud));
      const { action, data } = (event ?? {}) as { action?: unknown; data?: unknown };
      return await dispatch(actions, { action, data }, svc, {
        fn,
        requestId,
        ip: null,
        log,
        // WeChat vouches for the OPENID; a first-time user is created as a worker.
        identify: async () => {
          const openid = cloud.getWXContext().OPENID;
          return openid ? callerForOpenid(svc.db, openid) : null;
        },
      });
    } catch (err) {
      const body = toErrorBody(err, { internal: (e) => log.error({ requestId, fn, err: e }, 'internal error') });
      return { ok: false, error: { ...body, requestId } };
    }
  };
}
