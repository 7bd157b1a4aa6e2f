import type { RaceResult } from './booking-race';
import type { ListsBenchResult } from './lists-1m';
import type { RunResult } from './stats';

/** What `npm run bench` measured, for the goals table at the top of docs/benchmarks.md. */
export interface Measured {
  create: RunResult[];
  grab: RunResult[];
  http: RunResult[];
  race: RaceResult[];
  lists: ListsBenchResult | null;
  h5: { plain: { transferred: number }; served: { transferred: number } } | null;
}

export const GOALS_HEAD = '| path | this run | baseline (same run) | ratio | goal | met |\n|---|---:|---:|---:|---|---|';

const ENGINES = ['pglite', 'postgres'];
const rate = (r: RunResult) => `${r.perSecond.toFixed(0)} req/s`;
const met = (ok: boolean) => (ok ? 'yes' : '**no**');

/** Function path vs its raw baseline at each level: ≥ 50 % of the baseline's req/s. */
function ratioRows(name: string, results: RunResult[], fn: string, raw: string): string[] {
  const rows: string[] = [];
  for (const engine of ENGINES) {
    const mine = results.filter((r) => r.label.startsWith(`${fn} (${engine})`));
    for (const m of mine) {
      const base = results.find((r) => r.label.startsWith(`${raw} (${engine})`) && r.concurrency === m.concurrency);
      if (!base) continue;
      const ratio = m.perSecond / base.perSecond;
      rows.push(`| ${name}, ${engine}, ${m.concurrency} clients | ${rate(m)} | ${rate(base)} (${raw}) | ${(100 * ratio).toFixed(0)} % | ≥ 50 % | ${met(ratio >= 0.5)} |`);
    }
  }
  return rows;
}

function httpRows(results: RunResult[]): string[] {
  const rows: string[] = [];
  for (const engine of ENGINES) {
    for (const [action, goal] of [['catalog.topics', 2000], ['catalog.volunteer', 1000]] as const) {
      const m = results.find((r) => r.label === `HTTP ${action} (${engine}), from memory`);
      const base = results.find((r) => r.label === `HTTP ${action} (${engine}), database every call`);
      if (!m || !base) continue;
      const p99Goal = action === 'catalog.topics' ? 50 : Infinity;
      const ok = m.perSecond >= goal && m.p99 <= p99Goal;
      const goalText = `≥ ${goal} req/s${p99Goal < Infinity ? `, p99 ≤ ${p99Goal} ms` : ''}`;
      rows.push(`| HTTP ${action}, ${engine}, 20 clients | ${rate(m)}, p99 ${m.p99.toFixed(1)} ms | ${rate(base)}, p99 ${base.p99.toFixed(1)} ms (database every call) | ${(m.perSecond / base.perSecond).toFixed(1)}× | ${goalText} | ${met(ok)} |`);
    }
  }
  return rows;
}

export function goalRows(m: Measured): string[] {
  const rows = [
    ...ratioRows('order.create', m.create, 'order.create', 'raw INSERT'),
    ...ratioRows('task.grab', m.grab, 'task.grab', 'raw guarded UPDATE'),
    ...httpRows(m.http),
  ];
  if (m.h5) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    rows.push(`| H5 first screen, transferred | ${kb(m.h5.served.transferred)} | ${kb(m.h5.plain.transferred)} (uncompressed) | ${(100 * m.h5.served.transferred / m.h5.plain.transferred).toFixed(0)} % | ≤ 150 KB | ${met(m.h5.served.transferred <= 150 * 1024)} |`);
  }
  for (const r of m.race) {
    const ok = r.won === r.slots && r.errors === 0 && r.ordersOnSlots === r.slots && r.doubleBooked === 0;
    rows.push(`| ${r.attempts.toLocaleString('en')} booking attempts on ${r.slots} slots, ${r.engine} | ${r.won} won, ${r.conflicts} CONFLICT, ${r.errors} other | — | — | exactly ${r.slots} winners | ${met(ok)} |`);
  }
  if (m.lists) {
    const worst = new Map<string, number>();
    for (const c of m.lists.cases) worst.set(c.list, Math.max(worst.get(c.list) ?? 0, c.p99));
    for (const [list, p99] of worst) {
      rows.push(`| ${list} at ${m.lists.orders.toLocaleString('en')} orders (worst case), postgres | p99 ${p99.toFixed(1)} ms | — | — | p99 ≤ 50 ms | ${met(p99 <= 50)} |`);
    }
  }
  return rows;
}
