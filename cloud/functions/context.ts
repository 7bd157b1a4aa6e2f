import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { UserRow } from '../db/repositories/users';
import type { Clock } from '../domain/clock';
import type { TokenSigner } from '../domain/auth/tokens';
import type { NotifyConfig } from '../domain/notify/templates';
import type { AccountSettings, WeChatApi } from '../domain/accounts/settings';
import { ExportGate, RateLimiter, type Limits } from './limits';

/** What keeps one caller from hurting the others: rate limits, the deadline, caps. */
export interface Guards {
  limits: Limits;
  limiter: RateLimiter;
  exports: ExportGate;
}

export function createGuards(limits: Limits): Guards {
  return { limits, limiter: new RateLimiter(limits), exports: new ExportGate(limits.exportsPerAdmin) };
}

/** What every handler may use; built once per process by the server or the CloudBase entry. */
export interface Services {
  db: Kysely<DB>;
  clock: Clock;
  tokens: TokenSigner;
  devMode: boolean;
  /** Set by every transport; absent only for trusted in-process callers (benchmarks). */
  guards?: Guards;
  /** Subscribe-message templates (SUBSCRIBE_TEMPLATES); none configured when absent. */
  notify?: NotifyConfig;
  /** WeChat's open APIs: only on CloudBase. */
  wechat?: WeChatApi;
  /** Where the public pages live (the certificate's QR points there): PUBLIC_BASE_URL, else the local server. */
  publicBaseUrl?: string;
  /** Invitation lifetime and the like; defaults when absent. */
  accounts?: AccountSettings;
}

export interface IdentifyOptions {
  /** The action checks the caller in its own write: a row remembered from an earlier read will do. */
  remembered?: boolean;
}

/** Who is calling: resolved from a session token (HTTP) or the WeChat OPENID (CloudBase). */
export interface Caller {
  userId: string;
  /** The user's row as read when the caller was identified, so the action need not read it again. */
  user?: UserRow;
  /**
   * Set when `user` came from this process's memory rather than a read of this request (actions
   * marked `remembersCaller`): the action's write checks it is still current, and `refresh`
   * identifies the caller afresh when it is not.
   */
  remembered?: boolean;
  refresh?: () => Promise<Caller | null>;
}

export interface ActionContext extends Services {
  caller: Caller | null;
  /** What the transport knows of the client (the desktop login shows the browser on the phone). */
  request?: { ip: string | null; userAgent: string | null };
}

/** A context whose caller is known (the router checks before the handler runs). */
export interface AuthedContext extends ActionContext {
  caller: Caller;
}
