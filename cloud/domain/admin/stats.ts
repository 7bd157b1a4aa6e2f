import type { Kysely } from 'kysely';
import { CATEGORIES, invalid, type CountBy, type Stats } from '../../contract';
import { breakdowns, labels, totals, type GroupRow } from '../../db/repositories/stats';
import { orgSubtree } from '../../db/repositories/scope';
import type { DB } from '../../db/schema';
import { dayjs, toIso, ZONE } from '../time';
import type { FullActor } from '../orders/transition';
import { checkInScope, requireAdmin } from './scope';

const num = (v: string | number | null | undefined) => Number(v ?? 0);
const hours = (minutes: string | null) => Math.round((num(minutes) / 60) * 10) / 10;

function countBy(r: GroupRow, label: string): CountBy {
  return {
    key: r.key ?? '',
    label,
    lectures: num(r.lectures),
    services: num(r.services),
    needsCollected: num(r.needs_collected),
    needsResolved: num(r.needs_resolved),
    peopleServed: num(r.people),
    volunteerHours: hours(r.minutes),
  };
}

/** Every month in [from, to) (Shanghai), so a chart shows empty months as zero, not as gaps. */
function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  let m = dayjs(from).tz(ZONE).startOf('month');
  while (m.valueOf() < to.getTime() && out.length < 120) {
    out.push(m.format('YYYY-MM'));
    m = m.add(1, 'month');
  }
  return out;
}

/**
 * The numbers unions report, for the admin's org (or one org below it) and a period of service
 * dates. Two SQL statements: headline totals, and all breakdowns via GROUPING SETS.
 */
export async function stats(db: Kysely<DB>, actor: FullActor, input: { from: string; to: string; orgId?: string }): Promise<Stats> {
  const scope = await requireAdmin(db, actor);
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (to <= from) throw invalid('to', '结束时间应晚于开始时间');
  if (dayjs(to).diff(from, 'day') > 3 * 366) throw invalid('to', '统计区间最多 3 年');
  const orgId = input.orgId ?? scope.rootOrgId;
  checkInScope(scope, orgId);
  const orgIds = orgId === scope.rootOrgId ? scope.orgIds : await orgSubtree(db, orgId);
  const period = { orgIds, from, to };
  const [t, groups] = await Promise.all([totals(db, period), breakdowns(db, period)]);

  const of = (dim: GroupRow['dim']) => groups.filter((g) => g.dim === dim && g.key !== null);
  const names = await labels(db, of('org').map((g) => g.key!), of('team').map((g) => g.key!));
  const byMonthRows = new Map(of('month').map((g) => [g.key!, g]));
  const emptyRow = (key: string): GroupRow => ({ dim: 'month', key, total: '0', lectures: '0', services: '0', needs_collected: '0', needs_resolved: '0', people: null, minutes: null });
  const categoryName = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));
  const byTeam = of('team').map((g) => countBy(g, names.teams.get(g.key!) ?? g.key!));
  byTeam.sort((a, b) => b.lectures + b.services - (a.lectures + a.services));

  return {
    from: toIso(from),
    to: toIso(to),
    orgId,
    lectures: num(t.lectures),
    services: num(t.services),
    peopleServed: num(t.people),
    enterprisesServed: num(t.enterprises),
    needsCollected: num(t.needs_collected),
    needsResolved: num(t.needs_resolved),
    volunteerHours: hours(t.minutes),
    avgRating: t.avg_rating === null ? null : Math.round(Number(t.avg_rating) * 100) / 100,
    medianResponseMinutes: t.median_response === null ? null : Math.round(Number(t.median_response)),
    ordersTotal: num(t.total),
    byStatus: of('status').map((g) => ({ status: g.key!, count: num(g.total) })),
    byMonth: monthsBetween(from, to).map((m) => countBy(byMonthRows.get(m) ?? emptyRow(m), m)),
    byOrg: of('org').map((g) => countBy(g, names.orgs.get(g.key!) ?? g.key!)),
    byTeam,
    byCategory: of('category').map((g) => countBy(g, categoryName.get(g.key!) ?? g.key!)),
    ratingDistribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: num(of('rating').find((g) => g.key === String(score))?.total) })),
  };
}
