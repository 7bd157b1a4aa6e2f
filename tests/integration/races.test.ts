import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { RACE_LIMITS, raceOneRequestId, raceOverlappingBookings, raceSpeakersGrabPoolOrder, type RaceStage } from '../helpers/races';
import { createTestServer, type TestServer } from '../helpers/server';

/**
 * Races through the real HTTP stack. On PostgreSQL the pool has a connection per racer, so the
 * requests really run at once on separate connections; PGlite has one connection and serialises.
 * The scenarios live in tests/helpers/races.ts (the PgBouncer test runs them too).
 */
describe.each(['postgres', 'pglite'] as EngineName[])('races on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let stage: RaceStage;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { poolSize: 60 });
    server = await createTestServer(database, { limits: RACE_LIMITS });
    stage = { server, db: database.db, label: engine };
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('50 overlapping bookings of one speaker at once: exactly one wins, 49 CONFLICT', () => raceOverlappingBookings(stage, 50));

  it('10 identical creates with one requestId make one order', () => raceOneRequestId(stage, 10));

  it('every speaker of a topic grabs one pool order at once: one winner', () => raceSpeakersGrabPoolOrder(stage, 5));
});
