import inspector from 'node:inspector/promises';
import pg from 'pg';
import { createTestDatabase, type EngineName } from '../tests/helpers/db';
import { benchGrab } from './grab';
import { benchOrderCreate } from './order-create';
import type { LoadOptions } from './stats';

/**
 * `npx tsx bench/profile-write.ts [pglite|postgres]`: where one order.create and one task.grab
 * spend their time. Counts the statements each call sends (every pg client's `query`, so
 * BEGIN/COMMIT included) and prints the functions with the most self time in a CPU profile of
 * the function path at one client. Run it before and after a change to the write path.
 */
type Sample = { statements: string[] };
let current: Sample | null = null;
const realQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  const result = (realQuery as (...a: unknown[]) => unknown).apply(this, args);
  const sample = current;
  if (sample && result instanceof Promise) {
    const text = (typeof first === 'string' ? first : first?.text ?? '?').replace(/\s+/g, ' ').slice(0, 100);
    const t0 = performance.now();
    const at = sample.statements.push(text) - 1;
    void result.finally(() => (sample.statements[at] = `${(performance.now() - t0).toFixed(2).padStart(6)} ms  ${text}`)).catch(() => {});
  }
  return result;
} as typeof pg.Client.prototype.query;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }

function topSelfTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, n: number) {
  const byNode = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    total += us;
    const url = node.callFrame.url.replace(/^.*node_modules\//, 'npm:').replace(/^.*?\/(cloud|bench|tests)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + us);
  }
  const byPackage = new Map<string, number>();
  for (const [k, us] of byFrame) {
    const where = k.split(' ')[1] ?? '';
    const pkg = where.startsWith('npm:') ? where.slice(4).split('/').slice(0, where.startsWith('npm:@') ? 2 : 1).join('/')
      : where.startsWith('wasm:') ? 'PGlite (wasm)' : where.startsWith(':') || where.startsWith('node:') ? '(node, gc, idle)' : where.split('/')[0] || '?';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const line = ([k, us]: [string, number]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`;
  return [
    'by package:', ...[...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12).map(line),
    'by function:', ...[...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(line),
  ];
}

async function countOne(label: string, run: (around: LoadOptions['around']) => Promise<unknown>) {
  // The last call counts: the first ones after the bench's setup find the menu changed (stale) or
  // a speaker's menu rows not yet in memory; the eleventh books the first speaker again.
  let sample: Sample = { statements: [] };
  await run(async (call) => {
    sample = { statements: [] };
    current = sample;
    try {
      return await call();
    } finally {
      current = null;
    }
  });
  const { statements } = sample;
  console.log(`\n${label}: ${statements.length} statements`);
  statements.forEach((s, i) => console.log(`  ${String(i + 1).padStart(2)}. ${s}`));
}

async function main() {
  const engine = (process.argv[2] ?? 'pglite') as EngineName;
  const database = await createTestDatabase(engine, { poolSize: 10 });
  const session = new inspector.Session();
  session.connect();
  try {
    // Warm up (query compilation, JIT), then count the statements of one call of each.
    await benchOrderCreate(database, `${engine}w`, [1]);
    await benchGrab(database, `${engine}w`, [10]);
    await countOne('order.create', (around) => benchOrderCreate(database, `${engine}c`, [1], { calls: 11, baseline: false, around }));
    await countOne('task.grab (a win)', (around) => benchGrab(database, `${engine}c`, [1], { calls: 2, baseline: false, around }));

    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const [create] = await benchOrderCreate(database, `${engine}p`, [1], { calls: 500, baseline: false });
    const { profile } = await session.post('Profiler.stop');
    console.log(`\norder.create, 1 client, ${create.requests} calls: ${create.perSecond.toFixed(0)} req/s, p50 ${create.p50.toFixed(2)} ms`);
    console.log('Self time (whole process, PGlite included when it is the engine):');
    topSelfTime(profile as never, 25).forEach((l) => console.log(`  ${l}`));
  } finally {
    session.disconnect();
    await database.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
