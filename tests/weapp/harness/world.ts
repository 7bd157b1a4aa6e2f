import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../helpers/db';
import { startOpenApiStandIn, type OpenApiStandIn } from '../../helpers/openapi-standin';
import { TEST_TEMPLATES } from '../../helpers/outbox';
import { ensureBuilds, FUNCTIONS_DIR, HARNESS_ENV } from './build';
import { CloudStandIn } from './cloud';
import { Phone } from './phone';
import { newDevice, type Device } from './wx';

/**
 * Everything a weapp journey needs: the builds, a PostgreSQL schema with the demo data (the
 * functions need a server database), the bundled functions pointed at it, and phones.
 */
export class World {
  readonly phones: Phone[] = [];
  private constructor(
    readonly database: TestDatabase,
    readonly cloud: CloudStandIn,
    private readonly storageDir: string,
    /** WeChat's open API as the functions reach it (subscribe messages), when asked for. */
    readonly openapi: OpenApiStandIn | null,
  ) {}

  /**
   * `subscribe`: configure the subscribe-message templates (the README's example set) and point
   * the functions' wx-server-sdk at a recording stand-in of WeChat's open API.
   */
  static async create(opts: { subscribe?: boolean } = {}): Promise<World> {
    ensureBuilds();
    const database = await createTestDatabase('postgres', { poolSize: 4 });
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema},public`);
    const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-cloud-storage-'));
    const openapi = opts.subscribe ? await startOpenApiStandIn() : null;
    const subscribeEnv: Record<string, string> = openapi
      ? { ...openapi.env, SUBSCRIBE_TEMPLATES: JSON.stringify(TEST_TEMPLATES.templates), SUBSCRIBE_STATE: TEST_TEMPLATES.state }
      : {};
    const cloud = new CloudStandIn({
      functionsDir: FUNCTIONS_DIR,
      storageDir,
      envId: HARNESS_ENV,
      // The functions' environment, as set in the CloudBase console (README "Open it in WeChat").
      env: { ...subscribeEnv, TCB_ENV: HARNESS_ENV, DATABASE_URL: url.toString(), SESSION_SECRET: 'weapp-harness-secret', RATE_LIMITS: 'off', LOG_LEVEL: 'warn' },
    });
    await cloud.start();
    return new World(database, cloud, storageDir, openapi);
  }

  /** The OPENID of a demo user, as if they had opened the mini-program before. */
  async openidOf(name: string): Promise<string> {
    const user = await this.database.db.selectFrom('users').select(['id', 'openid']).where('name', '=', name).executeTakeFirstOrThrow();
    if (user.openid) return user.openid;
    const openid = `o-harness-${user.id}`;
    await this.database.db.updateTable('users').set({ openid }).where('id', '=', user.id).execute();
    return openid;
  }

  async phone(openid: string, opts: { device?: Device; launch?: string } = {}): Promise<Phone> {
    const phone = await Phone.launch({ openid, cloud: this.cloud, device: opts.device ?? newDevice(), launch: opts.launch });
    this.phones.push(phone);
    return phone;
  }

  /** The timer trigger firing once (SLA, reminders, then the subscribe-message sender). */
  async tick(): Promise<unknown> {
    const { result } = await this.cloud.call('', 'timer', { Type: 'Timer', TriggerName: 'sla', Time: new Date().toISOString() });
    return result;
  }

  /** One call to a bundled function as this user; throws on an error envelope. */
  async api<T>(openid: string, fn: string, action: string, data: unknown): Promise<T> {
    const { result } = await this.cloud.call(openid, fn, { action, data });
    const env = result as { ok: boolean; data?: T; error?: { code: string; message: string } };
    if (!env.ok) throw new Error(`${fn}.${action}: ${env.error?.code} ${env.error?.message}`);
    return env.data as T;
  }

  /**
   * Set-up for journeys that start later in an order's life: `requester` books `speaker` (a demo
   * volunteer) in their first free hour, the speaker accepts, and the lecture is moved to "given a
   * moment ago" so that check-in and the record are open.
   */
  async acceptedLecture(requester: string, speakerName: string, endedMinutesAgo = 10): Promise<{ id: string; title: string; speakerOpenid: string }> {
    const speakerOpenid = await this.openidOf(speakerName);
    const topics = await this.api<{ items: { id: string; title: string; volunteerIds: string[] }[] }>(requester, 'catalog', 'topics', { q: speakerName });
    const topic = topics.items[0]!;
    const volunteerId = topic.volunteerIds[0]!;
    const profile = await this.api<{ freeSlots: { start: string; end: string }[] }>(requester, 'catalog', 'volunteer', { id: volunteerId });
    const slot = profile.freeSlots.find((s) => Date.parse(s.end) - Date.parse(s.start) >= 60 * 60_000)!;
    const order = await this.api<{ id: string }>(requester, 'order', 'create', {
      kind: 'lecture', topicId: topic.id, volunteerId, start: slot.start, durationMin: 60,
      venue: { type: 'enterprise', address: '杭州市上城区解放路 18 号职工之家' }, contactPhone: '13900002222',
      requestId: `harness-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    });
    await this.api(speakerOpenid, 'task', 'accept', { id: order.id });
    await sql`UPDATE orders SET during = tstzrange(now() - make_interval(mins => ${endedMinutesAgo + 60}), now() - make_interval(mins => ${endedMinutesAgo})) WHERE id = ${order.id}`.execute(this.database.db);
    return { id: order.id, title: topic.title, speakerOpenid };
  }

  async close(): Promise<void> {
    for (const p of this.phones) p.close();
    await this.cloud.stop();
    await this.openapi?.close();
    await this.database.close().catch(() => undefined);
    fs.rmSync(this.storageDir, { recursive: true, force: true });
  }
}
