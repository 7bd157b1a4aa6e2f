import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TEST_DATABASE_URL, type EngineName } from '../tests/helpers/db';
import { benchBookingRace, fmtRace, RACE_HEAD } from './booking-race';
import { benchGrab } from './grab';
import { goalRows, GOALS_HEAD, type Measured } from './goals';
import { benchLists1m } from './lists-1m';
import { benchH5 } from './h5';
import { benchHttp } from './http';
import { benchOrderCreate } from './order-create';
import { benchStats1m } from './stats-1m';
import { benchStartup } from './startup';
import { fmt, TABLE_HEAD, type RunResult } from './stats';

/**
 * `npm run bench`: every figure the issues ask for, measured in one run, written to
 * docs/benchmarks.md (and printed). PostgreSQL is TEST_DATABASE_URL (a throwaway schema).
 */
async function main() {
  const lines: string[] = [];
  const say = (s = '') => {
    console.log(s);
    lines.push(s);
  };
  const keep = (into: RunResult[], r: RunResult) => {
    into.push(r);
    say(fmt(r));
  };
  say('# Benchmarks');
  say();
  say(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}. PostgreSQL: the local server (${TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}).`);
  say();
  // The goals table goes here, once everything below is measured.
  const goalsAt = lines.length;
  const measured: Measured = { create: [], grab: [], http: [], race: [], lists: null, h5: null };

  const start = await benchStartup();
  say('## Server start (open PGlite, migrate, seed)');
  say();
  say(`| data directory | ms |\n|---|---:|\n| empty (create, migrate, seed) | ${start.emptyMs} |\n| existing | ${start.existingMs} |`);
  say();

  say('## order.create vs a raw INSERT');
  say();
  say('`order.create` runs the whole function path (zod validation, the rules, the topic and availability');
  say('from the menu memory, the caller from memory) and one statement, a named prepared statement,');
  say('writing the order, its timeline entry, subscribe and inbox messages while checking that the menu');
  say('version and the caller\'s row are still those it used. The baseline is one raw `INSERT INTO orders`');
  say('through the same pool (the exclusion constraint and the statistics trigger run for both). PGlite');
  say('has a single connection, so its clients queue;');
  say('PostgreSQL uses a pool of 50 connections. Each engine first runs an unrecorded warm-up round of');
  say('both paths at 10 clients. Statements per call: `npx tsx bench/profile-write.ts`.');
  say();
  say(TABLE_HEAD);
  for (const engine of ['pglite', 'postgres'] as EngineName[]) {
    const database = await createTestDatabase(engine, { poolSize: 50 });
    try {
      for (const r of await benchOrderCreate(database, engine, [1, 10, 100])) keep(measured.create, r);
    } finally {
      await database.close();
    }
  }
  say();
  say('## task.grab under contention vs a raw guarded UPDATE');
  say();
  say('1,000 taps per level spread at random over 100 open needs (so exactly 100 can win; the rest are');
  say('`CONFLICT`, counted as answered, not as errors). `task.grab` runs the function path with the caller');
  say('from memory (each volunteer has opened the pool first, as on a phone). Taps on one need take');
  say('turns within the process and reuse the need\'s row read a moment ago: the first tap reads it (with');
  say('its row version and names), then one statement writes the guarded UPDATE (eligibility, the caller');
  say('check, the row version and names, the calendar locks and the exclusion constraint included), the');
  say('timeline entry and messages, and answers why it lost when it did. A tap on a need known taken is');
  say('one peek at its status. The baseline is the bare guarded UPDATE through the same');
  say('pool. PostgreSQL: pool of 50 connections, so 100 and 1,000 clients queue for a connection. An');
  say('unrecorded warm-up round at 10 clients comes first.');
  say();
  say(TABLE_HEAD);
  for (const engine of ['pglite', 'postgres'] as EngineName[]) {
    const database = await createTestDatabase(engine, { poolSize: 50 });
    try {
      for (const r of await benchGrab(database, engine, [10, 100, 1000])) keep(measured.grab, r);
    } finally {
      await database.close();
    }
  }
  say();
  say('## 10,000 booking attempts at once on 100 slots');
  say();
  say('`order.create` through the function path, all 10,000 started together, each for one of 100 slots');
  say('(10 speakers × 10 consecutive 45-minute slots) at random. Counted afterwards in the database.');
  say('The request deadline is lifted for this run (the last attempts wait for most of it in the pool).');
  say();
  say(RACE_HEAD);
  for (const engine of ['postgres', 'pglite'] as EngineName[]) {
    const database = await createTestDatabase(engine, { poolSize: 50, acquireTimeoutMs: 900_000 });
    try {
      const r = await benchBookingRace(database, engine);
      measured.race.push(r);
      say(fmtRace(r));
    } finally {
      await database.close();
    }
  }
  say();
  const h5 = await benchH5();
  measured.h5 = h5;
  if (h5) {
    const kb = (n: number) => (n / 1024).toFixed(1);
    say('## H5 first screen (the menu) in Chromium');
    say();
    say('The real server on loopback serving dist/h5; a fresh phone context with the cache disabled, until');
    say('the topic cards show and the network is idle. Transferred = bytes on the wire, headers included.');
    say();
    say('| answer | requests | transferred KB | decoded KB |\n|---|---:|---:|---:|');
    say(`| uncompressed (Accept-Encoding: identity, as before issue 14) | ${h5.plain.requests.length} | ${kb(h5.plain.transferred)} | ${kb(h5.plain.decoded)} |`);
    say(`| as served to a browser (brotli) | ${h5.served.requests.length} | ${kb(h5.served.transferred)} | ${kb(h5.served.decoded)} |`);
    say();
    say('| request | encoding | KB | cache-control |\n|---|---|---:|---|');
    for (const r of h5.served.requests) say(`| ${r.url} | ${r.encoding} | ${kb(r.transferred)} | ${r.cacheControl} |`);
    say();
  }

  say('## The menu over HTTP, 20 clients');
  say();
  say('The real Fastify server on loopback; the client runs in its own thread with 20 keep-alive');
  say('connections, 4,000 calls after 200 warm-up calls. `catalog.topics` is the home screen\'s first');
  say('page; `catalog.volunteer` a speaker\'s page with 14 days of free slots, over 10 speakers. "database');
  say('every call" bypasses the menu memory (as before issue 14); "from memory" is as served: on PGlite');
  say('no version read (it follows the NOTIFY of each bump), on PostgreSQL one read of `catalog_version`');
  say('shared by the calls that arrive while it runs; for `catalog.volunteer` the speaker\'s orders fresh.');
  say();
  say(TABLE_HEAD);
  for (const engine of ['pglite', 'postgres'] as EngineName[]) {
    const database = await createTestDatabase(engine, { poolSize: 50 });
    try {
      for (const r of await benchHttp(database, engine)) keep(measured.http, r);
    } finally {
      await database.close();
    }
  }
  say();
  if (process.env.BENCH_SKIP_1M !== '1') {
    const r = await benchStats1m();
    say('## admin.stats at 1,000,000 orders (PostgreSQL)');
    say();
    say(`${r.orders.toLocaleString('en')} orders over two years and all orgs, generated in SQL (${r.generateSeconds.toFixed(0)} s`);
    say('including the rollup build); then `admin.stats` for one year through the function path, 2 warm-up');
    say('runs and 10 timed runs each. Also alone: `npm run bench:stats`.');
    say();
    say('| caller and period | runs | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|');
    for (const c of r.cases) say(`| ${c.label} | ${c.runs} | ${c.p50.toFixed(0)} | ${c.p99.toFixed(0)} | ${c.max.toFixed(0)} |`);
    say();
  }
  if (process.env.BENCH_SKIP_1M !== '1') {
    const r = await benchLists1m();
    measured.lists = r;
    r.lines.forEach((l) => say(l));
    say();
  }
  lines.splice(goalsAt, 0, '## Goals (issue 14), each beside its baseline from this run', '', GOALS_HEAD, ...goalRows(measured), '');
  console.log(['', '## Goals', GOALS_HEAD, ...goalRows(measured)].join('\n'));
  const out = path.resolve(__dirname, '../docs/benchmarks.md');
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`\n写入 ${path.relative(process.cwd(), out)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
