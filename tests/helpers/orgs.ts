import { sql } from 'kysely';
import { sessionFor, type Session } from './actors';
import type { TestServer } from './server';

/** The demo union orgs by name (浙江 → 杭州/金华/湖州 → 义乌, 浦江, …). */
export async function orgsByName(server: TestServer): Promise<Record<string, string>> {
  const rows = await server.services.db.selectFrom('orgs').select(['id', 'name']).execute();
  return Object.fromEntries(rows.map((o) => [o.name, o.id]));
}

/** The demo admin of one org (the seed has one per org). */
export async function adminOf(server: TestServer, orgId: string): Promise<Session> {
  const u = await server.services.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<boolean>`'admin' = ANY(roles)`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return sessionFor(server, u.id);
}

export type VolunteerSession = Session & { volunteerId: string };

/** An approved volunteer of `orgId` (optionally in a team), as a session. */
export async function createVolunteer(
  server: TestServer,
  opts: { orgId: string; name: string; kinds?: string[]; skills?: string[]; teamId?: string | null },
): Promise<VolunteerSession> {
  const db = server.services.db;
  const user = await db
    .insertInto('users')
    .values({ name: opts.name, roles: ['volunteer'], org_id: opts.orgId, company: null, phone: null, openid: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const v = await db
    .insertInto('volunteers')
    .values({
      user_id: user.id, org_id: opts.orgId, kinds: opts.kinds ?? ['speaker', 'technician'], skills: opts.skills ?? [], regions: [],
      team_id: opts.teamId ?? null, team_role: opts.teamId ? 'member' : null, status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...sessionFor(server, user.id), volunteerId: v.id };
}

/** A team row of `orgId`, straight into the database. */
export async function createTeam(server: TestServer, orgId: string, name: string): Promise<string> {
  const row = await server.services.db
    .insertInto('teams')
    .values({ name, kind: 'service', org_id: orgId, region: '测试', intro: '' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
