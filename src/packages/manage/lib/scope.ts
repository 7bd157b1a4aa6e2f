import { useAsync } from '@/hooks/useAsync';
import { call } from '@/services/api';
import { useStore } from '@/stores';

/** True when the signed-in user is a union admin (the server re-checks every action). */
export function useIsAdmin(): boolean {
  return useStore((s) => s.user?.roles.includes('admin') ?? false);
}

/**
 * The union organisations the admin manages (their own and below), for "may I edit this row" and
 * org pickers. Rows outside the scope are shown read-only: the server would answer FORBIDDEN.
 */
export function useAdminOrgs(enabled: boolean) {
  const orgs = useAsync(async () => (enabled ? (await call('admin', 'orgs', {})).items : []), [enabled]);
  const inScope = new Set((orgs.data ?? []).filter((o) => o.inScope).map((o) => o.id));
  return {
    orgs: (orgs.data ?? []).filter((o) => o.inScope),
    /** Unknown until loaded: then everything counts as editable and the server decides. */
    canEdit: (orgId: string) => orgs.data == null || inScope.has(orgId),
  };
}
