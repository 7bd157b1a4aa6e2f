import type { Kysely } from 'kysely';
import { conflict, type OrgNode, type ShowcaseCase } from '../../contract';
import type { DB } from '../../db/schema';
import { getOrder } from '../../db/repositories/orders';
import { scrub } from '../orders/privacy';
import { hiddenOrder, type FullActor } from '../orders/transition';
import { toIso } from '../time';
import { requireAdmin } from './scope';

/** 优秀案例: a completed order the union shows on the speaker's and team's public pages. */
export async function setShowcase(db: Kysely<DB>, actor: FullActor, input: { id: string; on: boolean; title?: string }) {
  const scope = await requireAdmin(db, actor);
  const row = await getOrder(db, input.id);
  // An order outside the scope answers like an unknown one, as 派单 and 转办 do: no hint it exists.
  if (!row || !scope.orgIds.includes(row.org_id)) throw hiddenOrder();
  if (input.on && !['completed', 'rated'].includes(row.status)) throw conflict('只有已完成的订单可以设为优秀案例');
  await db.updateTable('orders').set({ showcase: input.on, showcase_title: input.on ? input.title ?? null : null }).where('id', '=', input.id).execute();
  return { id: input.id, showcase: input.on };
}

/** Public showcase cases of a volunteer or of a team's members (no names of requesters, no contacts). */
export async function casesOf(db: Kysely<DB>, by: { volunteerId?: string; teamId?: string }): Promise<ShowcaseCase[]> {
  let q = db
    .selectFrom('orders as o')
    .leftJoin('topics as tp', 'tp.id', 'o.topic_id')
    .leftJoin('services as sv', 'sv.id', 'o.service_id')
    .leftJoin('users as ru', 'ru.id', 'o.requester_id')
    .leftJoin('volunteers as v', 'v.id', 'o.volunteer_id')
    .select(['o.id', 'o.kind', 'o.showcase_title', 'tp.title as topic_title', 'sv.title as service_title', 'o.title', 'o.completed_at', 'o.record', 'ru.company', 'o.contact_phone', 'o.venue_address', 'o.venue_link'])
    .where('o.showcase', '=', true);
  if (by.volunteerId) q = q.where('o.volunteer_id', '=', by.volunteerId);
  if (by.teamId) q = q.where((eb) => eb.or([eb('o.team_id', '=', by.teamId!), eb('v.team_id', '=', by.teamId!)]));
  const rows = await q.orderBy('o.completed_at', 'desc').limit(10).execute();
  return rows.map((r) => {
    const rec = (r.record ?? {}) as { peopleServed?: number; summary?: string };
    return {
      orderId: r.id,
      title: r.showcase_title ?? r.topic_title ?? r.service_title ?? r.title ?? '服务案例',
      kind: r.kind,
      at: r.completed_at ? toIso(r.completed_at) : '',
      peopleServed: rec.peopleServed ?? null,
      // Public pages: a summary that names the venue or the contact must not carry them there.
      summary: scrub(rec.summary ?? '', r, 'none'),
      requesterCompany: r.company,
    };
  });
}

/** The union tree for pickers: every org, marked whether it is in the admin's scope. */
export async function orgTree(db: Kysely<DB>, actor: FullActor): Promise<{ items: (OrgNode & { inScope: boolean })[]; total: number; page: number; pageSize: number }> {
  const scope = await requireAdmin(db, actor);
  const rows = await db.selectFrom('orgs').select(['id', 'name', 'parent_id', 'level', 'region']).orderBy('id').execute();
  const items = rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, level: r.level, region: r.region, inScope: scope.orgIds.includes(r.id) }));
  return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
}
