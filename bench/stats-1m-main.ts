import { benchStats1m } from './stats-1m';

/** `npm run bench:stats`: only the 1,000,000-order statistics benchmark. */
benchStats1m()
  .then((r) => console.log(JSON.stringify(r, null, 2)))
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
