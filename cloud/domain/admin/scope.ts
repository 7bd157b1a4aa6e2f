import type { Kysely } from 'kysely';
import { forbidden } from '../../contract';
import { orgSubtree } from '../../db/repositories/scope';
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
