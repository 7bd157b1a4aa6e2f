import { sql, type Kysely } from 'kysely';
import type { CandidateFit, CandidateFitItem, Page } from '../../contract';
import { getOrder, rangeOf } from '../../db/repositories/orders';
import type { DB } from '../../db/schema';
import type { FullActor } from '../orders/transition';
import { hiddenOrder } from '../orders/transition';
import { dayjs, toIso, ZONE } from '../time';
import { requireAdmin } from './scope';

/**
 * 派单 with judgement: for each volunteer the dialog lists, whether they can serve at the order's
 * time (or at a new `start`): a clash with another live order, a blocked day, outside the weekly
 * windows, or outside the admin's scope. Four set queries, whatever the number of volunteers.
 */
export async function candidates(
  db: Kysely<DB>,
  actor: FullActor,
  input: { id: string; volunteerIds: string[]; start?: string },
): Promise<Page<CandidateFitItem>> {
  const scope = await requireAdmin(db, actor);
  const row = await getOrder(db, input.id);
  if (!row || !scope.orgIds.includes(row.org_id)) throw hiddenOrder();
  const start = input.start ? new Date(input.start) : row.start_at;
  const end = new Date(start.getTime() + row.duration_min * 60_000);
  const ids = [...new Set(input.volunteerIds)];
  const local = dayjs(start).tz(ZONE);
  const day = local.format('YYYY-MM-DD');
  const startMinute = local.hour() * 60 + local.minute();

  const [orgs, clashes, windows, blocked] = await Promise.all([
    db.selectFrom('volunteers as v').leftJoin('teams as t', 't.id', 'v.team_id')
      .select(['v.id', 'v.org_id', 't.org_id as team_org_id']).where('v.id', 'in', ids).execute(),
    db.selectFrom('orders as o')
      .leftJoin('topics as tp', 'tp.id', 'o.topic_id')
      .leftJoin('services as sv', 'sv.id', 'o.service_id')
      .select(['o.volunteer_id', 'o.org_id', sql<Date>`lower(o.during)`.as('start'), sql<Date>`upper(o.during)`.as('end'),
        sql<string>`coalesce(tp.title, sv.title, o.title, '')`.as('title')])
      .where('o.volunteer_id', 'in', ids)
      .where('o.id', '!=', row.id)
      .where('o.status', 'in', ['pending', 'accepted', 'in_progress'])
      .where(sql<boolean>`o.during && ${rangeOf(start, end)}`)
      .orderBy(sql`lower(o.during)`)
      .execute(),
    db.selectFrom('volunteer_windows').select(['volunteer_id', 'start_minute', 'end_minute'])
      .where('volunteer_id', 'in', ids).where('weekday', '=', local.isoWeekday()).execute(),
    db.selectFrom('volunteer_blocked_days').select('volunteer_id')
      .where('volunteer_id', 'in', ids).where(sql<boolean>`day = ${day}::date`).execute(),
  ]);

  const items = ids.map((id): CandidateFitItem => {
    const v = orgs.find((o) => o.id === id);
    const inScope = !!v && (scope.orgIds.includes(v.org_id) || (v.team_org_id !== null && scope.orgIds.includes(v.team_org_id)));
    const clash = clashes.find((c) => c.volunteer_id === id);
    let fit: CandidateFit = 'free';
    if (!inScope) fit = 'outOfScope';
    else if (clash) fit = 'busy';
    else if (blocked.some((b) => b.volunteer_id === id)) fit = 'blocked';
    else if (!windows.some((w) => w.volunteer_id === id && w.start_minute <= startMinute && startMinute + row.duration_min <= w.end_minute)) fit = 'outside';
    return {
      volunteerId: id,
      fit,
      clash: clash && inScope
        ? { title: scope.orgIds.includes(clash.org_id) ? clash.title || '其他订单' : '其他订单', start: toIso(clash.start), end: toIso(clash.end) }
        : null,
    };
  });
  return { items, total: items.length, page: 1, pageSize: items.length };
}
