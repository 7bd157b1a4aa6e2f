import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../helpers/db';
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
  private constructor(readonly database: TestDatabase, readonly cloud: CloudStandIn, private readonly storageDir: string) {}

  static async create(): Promise<World> {
    ensureBuilds();
    const database = await createTestDatabase('postgres', { poolSize: 4 });
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${database.schema},public`);
    const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-cloud-storage-'));
    const cloud = new CloudStandIn({
      functionsDir: FUNCTIONS_DIR,
      storageDir,
      envId: HARNESS_ENV,
      // The functions' environment, as set in the CloudBase console (README "Open it in WeChat").
      env: { DATABASE_URL: url.toString(), SESSION_SECRET: 'weapp-harness-secret', RATE_LIMITS: 'off', LOG_LEVEL: 'warn' },
    });
    await cloud.start();
    return new World(database, cloud, storageDir);
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

  async close(): Promise<void> {
    for (const p of this.phones) p.close();
    await this.cloud.stop();
    await this.database.close().catch(() => undefined);
    fs.rmSync(this.storageDir, { recursive: true, force: true });
  }
}
