import { sql, type Kysely } from 'kysely';
import type { OrgNode, Page } from '../../contract';
import type { DB } from '../../db/schema';
import { pageQuery } from '../catalog/service';

/** The union org tree, parents before children (by level, then id), for the profile's picker. */
export async function publicOrgs(db: Kysely<DB>, paging: { page?: number; pageSize?: number }): Promise<Page<OrgNode>> {
  const p = pageQuery(paging);
  const rows = await db
    .selectFrom('orgs')
    .select(['id', 'name', 'parent_id', 'level', 'region', sql<string>`count(*) over ()`.as('total')])
    .orderBy(sql`CASE level WHEN 'province' THEN 1 WHEN 'city' THEN 2 ELSE 3 END`)
    .orderBy('id')
    .limit(p.limit)
    .offset(p.offset)
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, level: r.level, region: r.region })),
    total: rows.length ? Number(rows[0].total) : 0,
    page: p.page,
    pageSize: p.pageSize,
  };
}
