import type { Kysely } from 'kysely';
import { CATEGORIES, invalid, type CountBy, type Stats } from '../../contract';
import { labels, medianOfHistogram, rollupBreakdowns, type RollupRow, type StatsPeriod } from '../../db/repositories/stats';
import { orgSubtree } from '../../db/repositories/scope';
import type { DB } from '../../db/schema';
import { dayjs, toIso, ZONE } from '../time';
import type { FullActor } from '../orders/transition';
import { checkInScope, requireAdmin } from './scope';

const num = (v: string | number | null | undefined) => Number(v ?? 0);
const hours = (minutes: string | null) => Math.round((num(minutes) / 60) * 10) / 10;

function countBy(r: RollupRow | undefined, key: string, label: string): CountBy {
  return {
    key,
    label,
    lectures: num(r?.lectures),
    services: num(r?.services),
    needsCollected: num(r?.needs_collected),
    needsResolved: num(r?.needs_resolved),
    peopleServed: num(r?.people),
    volunteerHours: hours(r?.minutes ?? null),
  };
}

/** Every month in the period (Shanghai), so a chart shows empty months as zero, not as gaps. */
function monthsBetween(fromDay: string, toDay: string): string[] {
  const out: string[] = [];
  let m = dayjs.tz(fromDay, ZONE).startOf('month');
  const last = dayjs.tz(toDay, ZONE);
  while (!m.isAfter(last) && out.length < 120) {
    out.push(m.format('YYYY-MM'));
    m = m.add(1, 'month');
  }
  return out;
}

/**
 * The numbers unions report, for the admin's org (or one org below it) over whole Shanghai days
 * from `from` to `to` (exclusive), all from the daily rollup in one statement. The median response
 * is read from a bucketed histogram (5-minute buckets under an hour, 30-minute under a day).
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
  const period: StatsPeriod = {
    orgIds, from, to,
    fromDay: dayjs(from).tz(ZONE).format('YYYY-MM-DD'),
    toDay: dayjs(to.getTime() - 1).tz(ZONE).format('YYYY-MM-DD'),
  };
  const rows = await rollupBreakdowns(db, period);

  const of = (dim: string) => rows.filter((r) => r.dim === dim && num(r.total) !== 0);
  const t = rows.find((r) => r.dim === 'total');
  const names = await labels(db, of('org').map((r) => r.key), of('team').map((r) => r.key));
  const months = new Map(of('month').map((r) => [r.key, r]));
  const categoryName = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));
  // Visits checked in, per team, and of them verified with the requester's code ('<team>:verified').
  const visits = new Map<string, { checkIns: number; verifiedCheckIns: number }>();
  for (const r of of('checkin')) {
    const [team, how] = r.key.split(':');
    const v = visits.get(team) ?? { checkIns: 0, verifiedCheckIns: 0 };
    v.checkIns += num(r.total);
    if (how === 'verified') v.verifiedCheckIns += num(r.total);
    visits.set(team, v);
  }
  const byTeam = of('team').map((r) => ({ ...countBy(r, r.key, names.teams.get(r.key) ?? r.key), ...(visits.get(r.key) ?? { checkIns: 0, verifiedCheckIns: 0 }) }));
  byTeam.sort((a, b) => b.lectures + b.services - (a.lectures + a.services));
  const ratingN = num(t?.rating_n);

  return {
    from: toIso(from),
    to: toIso(to),
    orgId,
    lectures: num(t?.lectures),
    services: num(t?.services),
    peopleServed: num(t?.people),
    enterprisesServed: num(rows.find((r) => r.dim === 'enterprises')?.key),
    needsCollected: num(t?.needs_collected),
    needsResolved: num(t?.needs_resolved),
    volunteerHours: hours(t?.minutes ?? null),
    avgRating: ratingN ? Math.round((num(t?.rating_sum) / ratingN) * 100) / 100 : null,
    medianResponseMinutes: medianOfHistogram(of('response').map((r) => ({ lower: num(r.key), count: num(r.total) }))),
    ordersTotal: num(t?.total),
    byStatus: of('status').map((r) => ({ status: r.key, count: num(r.total) })),
    byMonth: monthsBetween(period.fromDay, period.toDay).map((m) => countBy(months.get(m), m, m)),
    byOrg: of('org').map((r) => countBy(r, r.key, names.orgs.get(r.key) ?? r.key)),
    byTeam,
    checkIns: [...visits.values()].reduce((n, v) => n + v.checkIns, 0),
    verifiedCheckIns: [...visits.values()].reduce((n, v) => n + v.verifiedCheckIns, 0),
    byCategory: of('category').map((r) => countBy(r, r.key, categoryName.get(r.key) ?? r.key)),
    ratingDistribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: num(of('rating').find((r) => r.key === String(score))?.total) })),
  };
}
