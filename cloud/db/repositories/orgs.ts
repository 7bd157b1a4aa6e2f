import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Whether `orgId` is `ancestorId` or lies below it in the union tree (省 → 市 → 区县). */
export async function isOrgWithin(db: Db, orgId: string, ancestorId: string): Promise<boolean> {
  const res = await sql<{ hit: number }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM orgs WHERE id = ${orgId}
      UNION ALL
      SELECT o.id, o.parent_id FROM orgs o JOIN up ON o.id = up.parent_id
    )
    SELECT 1 AS hit FROM up WHERE id = ${ancestorId} LIMIT 1`.execute(db);
  return res.rows.length > 0;
}
