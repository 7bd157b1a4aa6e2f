import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Session } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { enterpriseSession, RACE_LIMITS, raceGrabOneNeed, raceGrabSameTimeNeeds, type RaceStage } from '../helpers/races';
import { createTestServer, type TestServer } from '../helpers/server';

/**
 * Grabs on the real PostgreSQL server: a pool connection per racer, all at once. The scenarios
 * live in tests/helpers/races.ts (the PgBouncer test runs them too).
 */
describe('grab races on PostgreSQL', () => {
  let database: TestDatabase;
  let server: TestServer;
  let enterprise: Session;
  let stage: RaceStage;

  beforeAll(async () => {
    database = await createTestDatabase('postgres', { poolSize: 80 });
    server = await createTestServer(database, { limits: RACE_LIMITS });
    enterprise = await enterpriseSession(server);
    stage = { server, db: database.db, label: '' };
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('100 volunteers grab one need at once: exactly one winner, 99 CONFLICT', () => raceGrabOneNeed(stage, enterprise, 100));

  it('50 volunteers grab 20 same-time needs at once: no need taken twice, nobody double-booked', () => raceGrabSameTimeNeeds(stage, enterprise, 50, 20));
});
