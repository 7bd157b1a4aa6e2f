import os from 'node:os';
import { benchLists1m } from './lists-1m';

/** `npm run bench:lists`: only the four lists at 1,000,000 orders (BENCH_RUNS timed calls per case, default 100). */
const runs = Number(process.env.BENCH_RUNS ?? 100);
benchLists1m(1_000_000, runs)
  .then((r) => {
    console.log(r.lines.join('\n'));
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  })
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
