import { call } from '@/services/api';

/**
 * Filter options from the data, not fixed lists (issue 11: 自动化 and 机械制造 exist but were not
 * offered). The values that occur most come first; ties in the order first seen.
 */
export function byFrequency(values: readonly (string | null | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    const t = v?.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

/**
 * The fields of the services on the menu (one page of 100, the most the API gives; today's menu has
 * 20-odd). A `catalog` action answering the distinct fields would lift the cap.
 */
export async function serviceFields(): Promise<string[]> {
  const page = await call('catalog', 'services', { pageSize: 100 });
  return byFrequency(page.items.map((s) => s.field));
}

/** The regions of the unions (orders carry their union's region), in the org tree's order. */
export async function unionRegions(): Promise<string[]> {
  const page = await call('catalog', 'orgs', { pageSize: 100 });
  return [...new Set(page.items.map((o) => o.region).filter(Boolean))];
}
