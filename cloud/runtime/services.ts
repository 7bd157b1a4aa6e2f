import type { AppConfig } from '../config';
import { openDatabase, type Database } from '../db/engine';
import { migrate } from '../db/migrate';
import { demoData } from '../db/seed/data';
import { seedIfEmpty } from '../db/seed/load';
import { resolveSessionSecret } from '../domain/auth/secret';
import { createTokenSigner } from '../domain/auth/tokens';
import { createClock } from '../domain/clock';
import { createGuards, type Services } from '../functions/context';

export interface Runtime {
  services: Services;
  database: Database;
  /** What start-up did, for the log line and the start-time figures. */
  startup: { engine: Database['engine']; migrated: string[]; seeded: boolean; ms: number };
}

/** Opens the database, migrates, seeds an empty one, and builds the handler services. */
export async function startRuntime(config: AppConfig, opts: { seed?: boolean } = {}): Promise<Runtime> {
  const t0 = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, preparedStatements: config.preparedStatements ?? true });
  try {
    const migrated = await migrate(database.db);
    const clock = createClock(config.clockOffsetMinutes);
    const seeded = opts.seed === false ? false : await seedIfEmpty(database.db, demoData, { now: clock.now() });
    const services: Services = {
      db: database.db,
      clock,
      tokens: createTokenSigner(resolveSessionSecret(config.sessionSecret, config.dataDir)),
      devMode: config.devMode,
      guards: createGuards(config.limits),
      notify: config.notify,
      accounts: { inviteTtlHours: config.inviteTtlHours },
      publicBaseUrl: config.publicBaseUrl ?? `http://${config.host}:${config.port}`,
    };
    return {
      services,
      database,
      startup: { engine: database.engine, migrated, seeded, ms: Math.round(performance.now() - t0) },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
