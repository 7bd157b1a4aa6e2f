import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** A team's members with their role and user id (captain and liaisons are told first). */
export function teamMembers(db: Db, teamId: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'team_role'])
    .where('team_id', '=', teamId)
    .where('status', '=', 'approved')
    .execute();
}

/** The profile fields the pool and grab rules need. */
export function volunteerForPool(db: Db, volunteerId: string) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'user_id', 'kinds', 'skills', 'regions', 'team_id'])
    .where('id', '=', volunteerId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

/** Technicians who should hear of a new need: its field among their skills, nearest first. */
export function techniciansForNeed(db: Db, field: string, region: string | null, limit: number) {
  let q = db
    .selectFrom('volunteers')
    .select(['id', 'user_id'])
    .where('status', '=', 'approved')
    .where((eb) => eb(eb.val('technician'), '=', eb.fn.any('kinds')))
    .where((eb) => eb(eb.val(field), '=', eb.fn.any('skills')));
  if (region) q = q.orderBy((eb) => eb.case().when(eb(eb.val(region), '=', eb.fn.any('regions'))).then(0).else(1).end());
  return q.orderBy('id').limit(limit).execute();
}
