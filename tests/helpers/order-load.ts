import { sql, type Kysely } from 'kysely';
import type { Order, Page, TopicSummary } from '../../cloud/contract';
import type { DB } from '../../cloud/db/schema';
import { lectureInput, newRequestId } from './actors';
import type { ChildServer } from './child-server';

/**
 * A write load of order.create calls against a real server over HTTP, and a ledger of what each
 * call was answered — so a test can compare what the server acknowledged with what the database
 * holds after a crash or an outage.
 */

export interface Requester {
  userId: string;
  token: string;
}

/** Demo workers, logged in through auth.devLogin like the 我的 tab's quick login. */
export async function loginDemoWorkers(server: ChildServer, n: number): Promise<Requester[]> {
  const users = await server.call<Page<{ id: string; roles: string[] }>>('auth', 'devUsers', {});
  if (!users.body.ok) throw new Error(`devUsers: ${JSON.stringify(users.body.error)}`);
  const workers = users.body.data.items.filter((u) => u.roles.includes('worker')).slice(0, n);
  if (workers.length < n) throw new Error(`only ${workers.length} demo workers`);
  return Promise.all(workers.map((w) => login(server, w.id)));
}

export async function login(server: ChildServer, userId: string): Promise<Requester> {
  const res = await server.call<{ token: string }>('auth', 'devLogin', { userId });
  if (!res.body.ok) throw new Error(`devLogin: ${JSON.stringify(res.body.error)}`);
  return { userId, token: res.body.data.token };
}

export interface Booking {
  topicId: string;
  start: string;
  durationMin: number;
}

/**
 * A lecture with no named speaker (it goes to the grab pool), three days ahead at 10:00 Shanghai
 * time: no speaker's calendar is involved, so any number of them can be booked for the same slot
 * and every create that reaches the database succeeds.
 */
export async function poolLecture(server: ChildServer): Promise<Booking> {
  const res = await server.call<Page<TopicSummary>>('catalog', 'topics', { pageSize: 100 });
  if (!res.body.ok) throw new Error(`topics: ${JSON.stringify(res.body.error)}`);
  const topic = res.body.data.items.find((t) => t.venueTypes.includes('enterprise'));
  if (!topic) throw new Error('no topic offers an enterprise venue');
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 3 * 86_400_000));
  return { topicId: topic.id, start: `${day}T10:00:00+08:00`, durationMin: Math.min(...topic.durations) };
}

export type Outcome =
  | { kind: 'ok'; orderId: string; createdAt: string }
  | { kind: 'error'; status: number; code: string; message: string }
  /** No answer at all: the connection was refused or reset, or the call timed out. */
  | { kind: 'no-answer'; reason: string };

export interface Attempt {
  requestId: string;
  sentAt: number;
  answeredAt: number;
  outcome: Outcome;
}

export class OrderLedger {
  readonly attempts: Attempt[] = [];
  /** Who sent each request id (a retry must come from the same requester). */
  readonly owner = new Map<string, Requester>();

  constructor(private readonly booking: Booking) {}

  newRequest(requester: Requester): string {
    const id = newRequestId();
    this.owner.set(id, requester);
    return id;
  }

  /** One order.create call; never throws: whatever happens is recorded. */
  async create(server: ChildServer, requestId: string, timeoutMs = 15_000): Promise<Attempt> {
    const requester = this.owner.get(requestId)!;
    const b = this.booking;
    const sentAt = Date.now();
    let outcome: Outcome;
    try {
      const res = await server.call<Order>('order', 'create', lectureInput(b.topicId, undefined, b.start, b.durationMin, requestId), requester.token, timeoutMs);
      outcome = res.body.ok
        ? { kind: 'ok', orderId: res.body.data.id, createdAt: res.body.data.createdAt }
        : { kind: 'error', status: res.status, code: res.body.error.code, message: res.body.error.message };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      outcome = { kind: 'no-answer', reason: cause?.code ?? cause?.message ?? (err as Error).message };
    }
    const attempt = { requestId, sentAt, answeredAt: Date.now(), outcome };
    this.attempts.push(attempt);
    return attempt;
  }

  /** Request ids with at least one ok answer, and the order ids those answers named. */
  acknowledged(): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const a of this.attempts) {
      if (a.outcome.kind !== 'ok') continue;
      if (!out.has(a.requestId)) out.set(a.requestId, new Set());
      out.get(a.requestId)!.add(a.outcome.orderId);
    }
    return out;
  }

  /** Request ids sent but never answered ok (errors, or no answer at all). */
  unconfirmed(): string[] {
    const acked = this.acknowledged();
    return [...this.owner.keys()].filter((id) => !acked.has(id));
  }

  count(kind: Outcome['kind']): number {
    return this.attempts.filter((a) => a.outcome.kind === kind).length;
  }
}

export interface StoredOrder {
  id: string;
  request_id: string;
  requester_id: string;
  /** Timeline rows that open the order (from_status null): exactly one if it was written whole. */
  created_events: number;
}

export async function storedOrders(db: Kysely<DB>, requestIds: string[]): Promise<StoredOrder[]> {
  if (!requestIds.length) return [];
  const { rows } = await sql<StoredOrder>`
    SELECT o.id::text AS id, o.request_id, o.requester_id::text AS requester_id,
           (SELECT count(*)::int FROM order_events e WHERE e.order_id = o.id AND e.from_status IS NULL) AS created_events
    FROM orders o WHERE o.request_id IN (${sql.join(requestIds)})`.execute(db);
  return rows;
}

/**
 * What must hold between the answers and the database. `settled`: every request id was retried
 * until answered ok, so each must have exactly one order (not merely at most one).
 */
export function ledgerProblems(ledger: OrderLedger, rows: StoredOrder[], settled: boolean): string[] {
  const problems: string[] = [];
  const byRequest = new Map<string, StoredOrder[]>();
  for (const r of rows) byRequest.set(r.request_id, [...(byRequest.get(r.request_id) ?? []), r]);
  for (const [requestId, ids] of ledger.acknowledged()) {
    if (ids.size !== 1) problems.push(`${requestId}: answered with different orders ${[...ids].join(',')}`);
    const stored = byRequest.get(requestId) ?? [];
    for (const id of ids) if (!stored.some((r) => r.id === id)) problems.push(`${requestId}: acknowledged order ${id} is missing`);
  }
  for (const [requestId, stored] of byRequest) {
    if (stored.length > 1) problems.push(`${requestId}: ${stored.length} orders`);
    const owner = ledger.owner.get(requestId);
    for (const r of stored) {
      if (owner && r.requester_id !== owner.userId) problems.push(`${requestId}: order ${r.id} belongs to ${r.requester_id}`);
      if (r.created_events !== 1) problems.push(`order ${r.id}: ${r.created_events} creation events`);
    }
  }
  if (settled) for (const requestId of ledger.owner.keys()) if (!byRequest.has(requestId)) problems.push(`${requestId}: no order`);
  return problems;
}

/**
 * Retries each request id (same id, same requester) until it is answered ok, a few tries each;
 * `lanes` retries run side by side.
 */
export async function settle(server: ChildServer, ledger: OrderLedger, requestIds: string[], lanes = 4, tries = 5): Promise<void> {
  const queue = [...requestIds];
  const lane = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (let i = 0; i < tries; i++) {
        const a = await ledger.create(server, id);
        if (a.outcome.kind === 'ok') break;
        await sleep(200);
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
