import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Replaces a volunteer's weekly windows and future blocked days (one transaction, by the caller). */
export async function replaceAvailability(
  trx: Transaction<DB>,
  volunteerId: string,
  windows: { weekday: number; start: number; end: number }[],
  blocked: string[],
  today: string,
) {
  await trx.deleteFrom('volunteer_windows').where('volunteer_id', '=', volunteerId).execute();
  if (windows.length) {
    await trx
      .insertInto('volunteer_windows')
      .values(windows.map((w) => ({ volunteer_id: volunteerId, weekday: w.weekday, start_minute: w.start, end_minute: w.end })))
      .execute();
  }
  await trx.deleteFrom('volunteer_blocked_days').where('volunteer_id', '=', volunteerId).where(sql<boolean>`day >= ${today}::date`).execute();
  if (blocked.length) {
    await trx
      .insertInto('volunteer_blocked_days')
      .values(blocked.map((day) => ({ volunteer_id: volunteerId, day })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function futureBlockedDays(db: Db, volunteerId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('volunteer_blocked_days')
    .select(sql<string>`day::text`.as('day'))
    .where('volunteer_id', '=', volunteerId)
    .where(sql<boolean>`day >= ${today}::date`)
    .orderBy('day')
    .execute();
  return rows.map((r) => r.day);
}
