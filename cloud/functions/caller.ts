import { getUser, rememberedUser } from '../db/repositories/users';
import type { Caller, IdentifyOptions, Services } from './context';

/** users.id is a bigint: anything else in a token's subject can never name a user. */
const USER_ID = /^[1-9][0-9]{0,18}$/;

/**
 * The caller of an HTTP request: a valid `Bearer` session token whose subject is a user that
 * EXISTS now. A correctly signed token can outlive its user (a database reset that kept the
 * secret, a deleted account), so the signature alone is not enough: such a caller is anonymous
 * (answered UNAUTHENTICATED), not a foreign-key failure later on. So is a token older than the
 * user's token version (a role taken back, a logout everywhere).
 */
export async function resolveCaller(
  services: Pick<Services, 'db' | 'tokens' | 'clock'>,
  authorization: string | undefined,
  opts: IdentifyOptions = {},
): Promise<Caller | null> {
  if (!authorization?.startsWith('Bearer ')) return null;
  const claims = services.tokens.read(authorization.slice(7).trim(), services.clock.now());
  if (!claims || !USER_ID.test(claims.userId)) return null;
  if (opts.remembered) {
    // The row from memory, if the token matches it; the action's write checks it is current.
    const known = rememberedUser(services.db, claims.userId);
    if (known && known.token_version === claims.version) {
      return { userId: known.id, user: known, remembered: true, refresh: () => resolveCaller(services, authorization) };
    }
  }
  const user = await getUser(services.db, claims.userId);
  // A revoked role or a logout everywhere bumped the version: sessions issued before are over.
  return user && user.token_version === claims.version ? { userId: user.id, user } : null;
}
