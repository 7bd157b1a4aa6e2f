import type { Kysely } from 'kysely';
import { AppError, forbidden } from '../../contract';
import { orgSubtree, volunteerOrgs } from '../../db/repositories/scope';
import type { DB } from '../../db/schema';
import type { FullActor } from '../orders/transition';

/** An admin and the orgs they may see and act on: their own and every org below it. */
export interface AdminScope {
  actor: FullActor;
  rootOrgId: string;
  orgIds: string[];
}

export async function requireAdmin(db: Kysely<DB>, actor: FullActor): Promise<AdminScope> {
  if (!actor.roles.includes('admin') || !actor.orgId) throw forbidden('只有工会管理员可以执行此操作');
  return { actor, rootOrgId: actor.orgId, orgIds: await orgSubtree(db, actor.orgId) };
}

/** An org id the admin named must lie in their scope. */
export function checkInScope(scope: AdminScope, orgId: string) {
  if (!scope.orgIds.includes(orgId)) throw forbidden('该组织不在您的管辖范围内');
}

/**
 * A volunteer the admin names (派单) must belong to their scope, by their own org or their team's:
 * otherwise a county admin could hand a requester's phone and address to another county's
 * volunteer. FORBIDDEN naming the field, as the menu editors answer for out-of-scope volunteers.
 */
export async function checkVolunteerInScope(db: Kysely<DB>, scope: AdminScope, volunteerId: string, field = 'volunteerId') {
  const v = await volunteerOrgs(db, volunteerId);
  if (!v) return; // the caller answers NOT_FOUND for an unknown volunteer
  if (scope.orgIds.includes(v.org_id) || (v.team_org_id !== null && scope.orgIds.includes(v.team_org_id))) return;
  throw new AppError('FORBIDDEN', '志愿者不在您的管辖范围内', { [field]: '不在您的管辖范围内' });
}
