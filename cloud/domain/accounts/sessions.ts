import { sql, type Kysely } from 'kysely';
import { unauthenticated, type LoginResult } from '../../contract';
import type { DB } from '../../db/schema';
import { me } from '../auth/service';
import type { TokenSigner } from '../auth/tokens';

/** A session token for the user at their current token version, and the user. */
export async function issueSession(db: Kysely<DB>, tokens: TokenSigner, now: Date, userId: string): Promise<LoginResult> {
  const row = await db.selectFrom('users').select('token_version').where('id', '=', userId).executeTakeFirst();
  if (!row) throw unauthenticated();
  return { token: tokens.sign(userId, now, row.token_version), user: await me(db, userId) };
}

/**
 * Logging out forgets the token on the client; `everywhere` also ends every session of the user
 * on every device (their token version moves on, so all tokens issued before are refused).
 */
export async function logout(db: Kysely<DB>, userId: string, everywhere: boolean): Promise<{ loggedOut: true }> {
  if (everywhere) await db.updateTable('users').set({ token_version: sql`token_version + 1` }).where('id', '=', userId).execute();
  return { loggedOut: true };
}
