/** Latency summary of one benchmark run. */
export interface RunResult {
  label: string;
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** For profiling one path: how many calls, and whether to run the raw baseline beside it. */
export interface LoadOptions {
  calls?: number;
  baseline?: boolean;
  /** Wraps each call of the function path (the profiler counts its statements). */
  around?: <T>(call: () => Promise<T>) => Promise<T>;
}

export const aroundCall = (opts: LoadOptions) => opts.around ?? (<T>(call: () => Promise<T>) => call());

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  const idx = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, idx)];
}

/**
 * Runs `total` calls of `op` with `concurrency` workers pulling from one counter; `op` gets the
 * call's global index (so each call can book its own slot) and returns whether it succeeded.
 */
export async function runLoad(label: string, concurrency: number, total: number, op: (i: number) => Promise<boolean>): Promise<RunResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        const ok = await op(i).catch(() => false);
        latencies.push(performance.now() - s);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label, concurrency, requests: total, errors, seconds,
    perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99),
  };
}

export const fmt = (r: RunResult) =>
  `| ${r.label} | ${r.concurrency} | ${r.requests} | ${r.errors} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} |`;

export const TABLE_HEAD = '| operation | clients | requests | errors | req/s | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|---:|';
