import { sql, type Kysely, type Transaction } from 'kysely';
import { CATEGORIES } from '../../contract/catalog';
import type { DB } from '../schema';
import { seedHistory } from './history';
import type { SeedData, SeedWeekly } from './types';

/** "09:00-12:00" → minutes since midnight. */
export function parseWindow(text: string): { start: number; end: number } {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad window "${text}"`);
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (end <= start) throw new Error(`empty window "${text}"`);
  return { start, end };
}

function windowsOf(weekly: SeedWeekly) {
  return Object.entries(weekly).flatMap(([day, list]) =>
    (list ?? []).map((w) => ({ weekday: Number(day), ...parseWindow(w) })),
  );
}

/** The categories are reference data: every database has them, seeded or not. */
async function ensureCategories(trx: Transaction<DB>) {
  await trx
    .insertInto('categories')
    .values(CATEGORIES.map((c, i) => ({ id: c.id, name: c.name, sort: i + 1 })))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Loads the demo dataset into an empty database, in one transaction (all or nothing).
 * Idempotent: a database that already has organisations is left alone. Returns whether it seeded.
 * With the reference data come a few months of order history (see history.ts), unless `history` is false.
 */
export async function seedIfEmpty(db: Kysely<DB>, data: SeedData, opts: { now?: Date; history?: boolean } = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Serialise concurrent starters on one server database.
    await sql`SELECT pg_advisory_xact_lock(7261002)`.execute(trx);
    await ensureCategories(trx);
    const existing = await trx.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await insertAll(trx, data);
    if (opts.history !== false) await seedHistory(trx, opts.now ?? new Date());
    return true;
  });
}

async function insertAll(trx: Transaction<DB>, data: SeedData) {
  const orgIds = new Map<string, string>();
  for (const org of data.orgs) {
    const row = await trx
      .insertInto('orgs')
      .values({
        name: org.name,
        level: org.level,
        region: org.region,
        parent_id: org.parentKey ? must(orgIds, org.parentKey, 'org') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds.set(org.key, row.id);
  }

  for (const u of data.users) {
    await trx
      .insertInto('users')
      .values({
        name: u.name,
        roles: u.roles,
        org_id: u.orgKey ? must(orgIds, u.orgKey, 'org') : null,
        company: u.company ?? null,
        phone: u.phone ?? null,
        openid: null,
        label: u.label,
      })
      .execute();
  }

  const teamIds = new Map<string, string>();
  for (const t of data.teams) {
    const row = await trx
      .insertInto('teams')
      .values({ name: t.name, kind: t.kind, org_id: must(orgIds, t.orgKey, 'org'), region: t.region, intro: t.intro })
      .returning('id')
      .executeTakeFirstOrThrow();
    teamIds.set(t.key, row.id);
  }

  const volunteerIds = new Map<string, string>();
  for (const v of data.volunteers) {
    const orgId = must(orgIds, v.orgKey, 'org');
    const user = await trx
      .insertInto('users')
      .values({
        name: v.name,
        roles: ['volunteer'],
        org_id: orgId,
        phone: v.phone,
        company: null,
        openid: null,
        label: `${v.title || '志愿者'} · ${v.kinds.map((k) => (k === 'speaker' ? '宣讲' : '技术')).join('/')}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('volunteers')
      .values({
        user_id: user.id,
        org_id: orgId,
        kinds: v.kinds,
        title: v.title,
        honours: v.honours,
        skills: v.skills,
        regions: v.regions,
        bio: v.bio,
        team_id: v.teamKey ? must(teamIds, v.teamKey, 'team') : null,
        team_role: v.teamKey ? (v.teamRole ?? 'member') : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    volunteerIds.set(v.key, row.id);
    const windows = windowsOf(v.weekly);
    if (windows.length) {
      await trx
        .insertInto('volunteer_windows')
        .values(windows.map((w) => ({ volunteer_id: row.id, weekday: w.weekday, start_minute: w.start, end_minute: w.end })))
        .execute();
    }
  }

  for (const t of data.topics) {
    const row = await trx
      .insertInto('topics')
      .values({
        title: t.title,
        summary: t.summary,
        category_id: t.category,
        durations: t.durations,
        audience: t.audience,
        venue_types: t.venueTypes,
        org_id: must(orgIds, t.orgKey, 'org'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (t.speakerKeys.length) {
      await trx
        .insertInto('topic_volunteers')
        .values(t.speakerKeys.map((k) => ({ topic_id: row.id, volunteer_id: must(volunteerIds, k, 'volunteer') })))
        .execute();
    }
  }

  for (const s of data.services) {
    const row = await trx
      .insertInto('services')
      .values({
        title: s.title,
        summary: s.summary,
        field: s.field,
        kind: s.kind,
        mode: s.mode,
        team_id: s.teamKey ? must(teamIds, s.teamKey, 'team') : null,
        org_id: must(orgIds, s.orgKey, 'org'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (s.technicianKeys.length) {
      await trx
        .insertInto('service_volunteers')
        .values(s.technicianKeys.map((k) => ({ service_id: row.id, volunteer_id: must(volunteerIds, k, 'volunteer') })))
        .execute();
    }
  }
}

function must(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`seed: unknown ${what} key "${key}"`);
  return id;
}
