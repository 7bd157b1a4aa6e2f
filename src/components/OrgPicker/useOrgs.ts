import type { OrgNode } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';

const PAGE = 100;

/** Every union org (catalog.orgs is paged at 100; a province has a few hundred at most). */
export async function loadAllOrgs(): Promise<OrgNode[]> {
  const first = await call('catalog', 'orgs', { pageSize: PAGE });
  const items = [...first.items];
  for (let page = 2; items.length < first.total && page <= 20; page++) {
    items.push(...(await call('catalog', 'orgs', { page, pageSize: PAGE })).items);
  }
  return items;
}

export const useOrgs = () => useAsync(loadAllOrgs, []);
