import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../domain/clock';
import type { TokenSigner } from '../domain/auth/tokens';

/** What every handler may use; built once per process by the server or the CloudBase entry. */
export interface Services {
  db: Kysely<DB>;
  clock: Clock;
  tokens: TokenSigner;
  devMode: boolean;
}

/** Who is calling: resolved from a session token (HTTP) or the WeChat OPENID (CloudBase). */
export interface Caller {
  userId: string;
}

export interface ActionContext extends Services {
  caller: Caller | null;
}

/** A context whose caller is known (the router checks before the handler runs). */
export interface AuthedContext extends ActionContext {
  caller: Caller;
}
