import { getUser } from '../db/repositories/users';
import type { Caller, Services } from './context';

/** users.id is a bigint: anything else in a token's subject can never name a user. */
const USER_ID = /^[1-9][0-9]{0,18}$/;

/**
 * The caller of an HTTP request: a valid `Bearer` session token whose subject is a user that
 * EXISTS now. A correctly signed token can outlive its user (a database reset that kept the
 * secret, a deleted account), so the signature alone is not enough: such a caller is anonymous
 * (answered UNAUTHENTICATED), not a foreign-key failure later on.
 */
export async function resolveCaller(services: Pick<Services, 'db' | 'tokens' | 'clock'>, authorization: string | undefined): Promise<Caller | null> {
  if (!authorization?.startsWith('Bearer ')) return null;
  const userId = services.tokens.verify(authorization.slice(7).trim(), services.clock.now());
  if (!userId || !USER_ID.test(userId)) return null;
  const user = await getUser(services.db, userId);
  return user ? { userId: user.id } : null;
}
