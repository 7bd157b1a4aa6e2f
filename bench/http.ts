import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Page, TopicSummary } from '../cloud/contract';
import { createTokenSigner } from '../cloud/domain/auth/tokens';
import { bypassMenuCache } from '../cloud/domain/catalog/cache';
import { createClock } from '../cloud/domain/clock';
import type { Services } from '../cloud/functions/context';
import { buildServer } from '../cloud/server/app';
import type { TestDatabase } from '../tests/helpers/db';
import { percentile, type RunResult } from './stats';

/**
 * The menu over real HTTP: the Fastify server of `npm start` listening on loopback, and a client
 * in its own thread (so its work does not sit on the server's event loop) keeping `clients`
 * keep-alive connections busy. Each answer is read whole and must be an ok envelope.
 */
const CLIENT = `
const http = require('node:http');
const { parentPort, workerData: w } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: w.clients });
function call(body) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: w.port, path: '/api/catalog', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(res.statusCode === 200 && Buffer.concat(chunks).toString().startsWith('{"ok":true')));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
(async () => {
  const latencies = [];
  let next = 0, errors = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: w.clients }, async () => {
    for (let i = next++; i < w.total; i = next++) {
      const s = performance.now();
      if (!(await call(w.bodies[i % w.bodies.length]))) errors++;
      latencies.push(performance.now() - s);
    }
  }));
  parentPort.postMessage({ latencies, errors, seconds: (performance.now() - t0) / 1000 });
  agent.destroy();
})();
`;

function load(port: number, clients: number, total: number, bodies: string[]): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: { port, clients, total, bodies } });
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

async function measure(label: string, port: number, clients: number, total: number, bodies: string[]): Promise<RunResult> {
  await load(port, clients, Math.min(200, total), bodies); // warm-up: JIT, pool, memory
  const r = await load(port, clients, total, bodies);
  r.latencies.sort((a, b) => a - b);
  return { label, concurrency: clients, requests: total, errors: r.errors, seconds: r.seconds, perSecond: total / r.seconds, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) };
}

/**
 * catalog.topics (the first page, as the home screen asks) and catalog.volunteer (a speaker's page
 * with free slots, rotating over the speakers) at `clients` connections; first with the menu
 * memory bypassed (every call reads the database, as before issue 14), then as served.
 */
export async function benchHttp(database: TestDatabase, engine: string, clients = 20, total = 4000): Promise<RunResult[]> {
  const services: Services = { db: database.db, clock: createClock(0), tokens: createTokenSigner('bench-secret-bench-secret'), devMode: false };
  const app = await buildServer({ services });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const port = (app.server.address() as AddressInfo).port;
    const topics = JSON.stringify({ action: 'topics', data: {} });
    const res = await app.inject({ method: 'POST', url: '/api/catalog', payload: topics, headers: { 'content-type': 'application/json' } });
    const page = (res.json() as { data: Page<TopicSummary> }).data;
    const speakerIds = [...new Set(page.items.flatMap((t) => t.volunteerIds))].slice(0, 10);
    const volunteer = speakerIds.map((id) => JSON.stringify({ action: 'volunteer', data: { id } }));
    const results: RunResult[] = [];
    for (const cached of [false, true]) {
      const restore = cached ? () => {} : bypassMenuCache(database.db);
      const tag = cached ? 'from memory' : 'database every call';
      results.push(await measure(`HTTP catalog.topics (${engine}), ${tag}`, port, clients, total, [topics]));
      results.push(await measure(`HTTP catalog.volunteer (${engine}), ${tag}`, port, clients, total, volunteer));
      restore();
    }
    return results;
  } finally {
    await app.close();
  }
}
