import type { Kysely } from 'kysely';
import { AppError, invalid, notFound, type Service, type Team, type TopicSummary } from '../../contract';
import type { DB } from '../../db/schema';
import * as catalog from '../catalog/service';
import { getService } from '../../db/repositories/services';
import { getTopic } from '../../db/repositories/topics';
import { toService, toTopicSummary } from '../catalog/mappers';
import type { FullActor } from '../orders/transition';
import { checkInScope, requireAdmin, type AdminScope } from './scope';

/** Rows the admin edits must belong to an org in their scope. */
async function ownedBy(db: Kysely<DB>, scope: AdminScope, table: 'topics' | 'services' | 'teams', id: string) {
  const row = await db.selectFrom(table).select('org_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(table === 'topics' ? '宣讲主题' : table === 'services' ? '技术服务' : '服务队');
  checkInScope(scope, row.org_id);
}

async function checkVolunteers(db: Kysely<DB>, scope: AdminScope, ids: string[], kind: 'speaker' | 'technician') {
  if (!ids.length) return;
  const rows = await db.selectFrom('volunteers').select(['id', 'org_id', 'kinds', 'status']).where('id', 'in', ids).execute();
  ids.forEach((id, i) => {
    const v = rows.find((r) => r.id === id);
    if (!v || v.status !== 'approved') throw invalid(`volunteerIds.${i}`, '志愿者不存在或未通过审核');
    if (!v.kinds.includes(kind)) throw invalid(`volunteerIds.${i}`, kind === 'speaker' ? '该志愿者不是宣讲人' : '该志愿者不是技术人员');
    if (!scope.orgIds.includes(v.org_id)) {
      throw new AppError('FORBIDDEN', '志愿者不在您的管辖范围内', { [`volunteerIds.${i}`]: '不在您的管辖范围内' });
    }
  });
}

export async function saveTopic(
  db: Kysely<DB>, actor: FullActor,
  input: { id?: string; title: string; summary: string; category: string; durations: number[]; audience: string; venueTypes: string[]; volunteerIds: string[]; active?: boolean },
): Promise<TopicSummary & { active: boolean }> {
  const scope = await requireAdmin(db, actor);
  if (input.id) await ownedBy(db, scope, 'topics', input.id);
  await checkVolunteers(db, scope, input.volunteerIds, 'speaker');
  const values = {
    title: input.title, summary: input.summary, category_id: input.category, durations: [...new Set(input.durations)].sort((a, b) => a - b),
    audience: input.audience, venue_types: input.venueTypes, active: input.active ?? true,
  };
  const id = await db.transaction().execute(async (trx) => {
    const topicId = input.id
      ? (await trx.updateTable('topics').set(values).where('id', '=', input.id).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('topics').values({ ...values, org_id: scope.rootOrgId }).returning('id').executeTakeFirstOrThrow()).id;
    await trx.deleteFrom('topic_volunteers').where('topic_id', '=', topicId).execute();
    if (input.volunteerIds.length) {
      await trx.insertInto('topic_volunteers').values([...new Set(input.volunteerIds)].map((v) => ({ topic_id: topicId, volunteer_id: v }))).execute();
    }
    return topicId;
  });
  const row = await getTopic(db, id, true);
  return { ...toTopicSummary(row!), active: input.active ?? true };
}

export async function saveService(
  db: Kysely<DB>, actor: FullActor,
  input: { id?: string; title: string; summary: string; field: string; kind: string; mode: string; teamId?: string | null; volunteerIds: string[]; active?: boolean },
): Promise<Service & { active: boolean }> {
  const scope = await requireAdmin(db, actor);
  if (input.id) await ownedBy(db, scope, 'services', input.id);
  if (input.teamId) await ownedBy(db, scope, 'teams', input.teamId);
  await checkVolunteers(db, scope, input.volunteerIds, 'technician');
  const values = {
    title: input.title, summary: input.summary, field: input.field, kind: input.kind as Service['kind'], mode: input.mode as Service['mode'],
    team_id: input.teamId ?? null, active: input.active ?? true,
  };
  const id = await db.transaction().execute(async (trx) => {
    const serviceId = input.id
      ? (await trx.updateTable('services').set(values).where('id', '=', input.id).returning('id').executeTakeFirstOrThrow()).id
      : (await trx.insertInto('services').values({ ...values, org_id: scope.rootOrgId }).returning('id').executeTakeFirstOrThrow()).id;
    await trx.deleteFrom('service_volunteers').where('service_id', '=', serviceId).execute();
    if (input.volunteerIds.length) {
      await trx.insertInto('service_volunteers').values([...new Set(input.volunteerIds)].map((v) => ({ service_id: serviceId, volunteer_id: v }))).execute();
    }
    return serviceId;
  });
  const row = await getService(db, id, true);
  return { ...toService(row!), active: input.active ?? true };
}

export async function saveTeam(
  db: Kysely<DB>, actor: FullActor,
  input: { id?: string; name: string; kind: 'lecture' | 'service'; region: string; intro: string; orgId?: string },
): Promise<Team> {
  const scope = await requireAdmin(db, actor);
  if (input.id) await ownedBy(db, scope, 'teams', input.id);
  const orgId = input.orgId ?? scope.rootOrgId;
  checkInScope(scope, orgId);
  const values = { name: input.name, kind: input.kind, region: input.region, intro: input.intro, org_id: orgId };
  const id = input.id
    ? (await db.updateTable('teams').set(values).where('id', '=', input.id).returning('id').executeTakeFirstOrThrow()).id
    : (await db.insertInto('teams').values(values).returning('id').executeTakeFirstOrThrow()).id;
  return catalog.team(db, id);
}

/** Puts a volunteer in a team with a role (a new captain demotes the old one), or takes them out. */
export async function setMember(db: Kysely<DB>, actor: FullActor, input: { teamId: string; volunteerId: string; role: 'captain' | 'liaison' | 'member' | null }) {
  const scope = await requireAdmin(db, actor);
  await ownedBy(db, scope, 'teams', input.teamId);
  const v = await db.selectFrom('volunteers').select(['org_id', 'team_id']).where('id', '=', input.volunteerId).executeTakeFirst();
  if (!v) throw notFound('志愿者');
  checkInScope(scope, v.org_id);
  await db.transaction().execute(async (trx) => {
    if (input.role === 'captain') {
      await trx.updateTable('volunteers').set({ team_role: 'member' }).where('team_id', '=', input.teamId).where('team_role', '=', 'captain').execute();
    }
    if (input.role === null) {
      if (v.team_id !== input.teamId) throw invalid('volunteerId', '该志愿者不在此服务队');
      await trx.updateTable('volunteers').set({ team_id: null, team_role: null }).where('id', '=', input.volunteerId).execute();
    } else {
      await trx.updateTable('volunteers').set({ team_id: input.teamId, team_role: input.role }).where('id', '=', input.volunteerId).execute();
    }
  });
  return catalog.team(db, input.teamId);
}
