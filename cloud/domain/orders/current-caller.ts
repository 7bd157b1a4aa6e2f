import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AppError, unauthenticated } from '../../contract';
import { callerIsCurrent, getUser, rememberedUser, type UserRow } from '../../db/repositories/users';
import type { DB } from '../../db/schema';
import type { Caller } from '../../functions/context';
import { actorFromUser, type FullActor } from './transition';

/**
 * The caller from memory for the hot writes (issue 14: booking and grabbing had a read of the
 * caller before the one statement that writes). The row this process last read is used as is,
 * and the write checks in its own statement that the row is still exactly that (`callerGuard`: a
 * digest of every column, token version included). So a role taken back, a logout everywhere or a
 * renamed org, by any process, is honoured as if the row had been read first:
 *
 * - a write made with the remembered row was made while that row was current;
 * - any refusal (an AppError) is judged again after reading the caller afresh, if it changed,
 *   unless the statement it came from found the caller current (`judgedOnCurrentCaller`);
 * - an answer that writes nothing checks the row first (`assertCallerCurrent`).
 */
export type CallerCheck = Pick<UserRow, 'id' | 'fingerprint'>;

export type CheckedActor = FullActor & { remembered?: CallerCheck };

/** The statement's condition that the remembered caller is still current (true when read afresh). */
export const callerGuard = (db: Kysely<DB>, actor: CheckedActor): RawBuilder<boolean> =>
  actor.remembered ? callerIsCurrent(db, actor.remembered) : sql<boolean>`true`;

/** Refusals judged in a statement that also found the remembered caller current: they stand. */
const judgedCurrent = new WeakSet<object>();

export function judgedOnCurrentCaller<E>(err: E): E {
  if (typeof err === 'object' && err !== null) judgedCurrent.add(err);
  return err;
}

const callerChanged = () => new AppError('CONFLICT', '账号信息刚刚有变动，请重试');

/** For an answer that writes nothing: the remembered caller must still be current. */
export async function assertCallerCurrent(db: Kysely<DB>, actor: CheckedActor) {
  if (!actor.remembered) return;
  const r = await sql<{ current: boolean }>`SELECT ${callerIsCurrent(db, actor.remembered)} AS current`.execute(db);
  if (!r.rows[0]?.current) throw callerChanged();
}

/** A grab's read says whether the remembered caller is current; this refuses when not. */
export function refuseStaleCaller(current: boolean | undefined) {
  if (current === false) throw callerChanged();
}

export async function withCurrentCaller<T>(db: Kysely<DB>, caller: Caller, work: (actor: CheckedActor) => Promise<T>): Promise<T> {
  const known = caller.user ? (caller.remembered ? caller.user : undefined) : rememberedUser(db, caller.userId);
  if (!known) {
    const row = caller.user ?? (await getUser(db, caller.userId));
    if (!row) throw unauthenticated();
    return work(actorFromUser(row));
  }
  try {
    return await work({ ...actorFromUser(known), remembered: known });
  } catch (err) {
    if (!(err instanceof AppError) || judgedCurrent.has(err)) throw err;
    const again = caller.refresh ? await caller.refresh() : { userId: caller.userId };
    const row = again && (again.user ?? (await getUser(db, again.userId)));
    if (!row) throw unauthenticated();
    // Unchanged: the refusal was judged on current data and stands.
    if (row.fingerprint === known.fingerprint) throw err;
    return work(actorFromUser(row));
  }
}
