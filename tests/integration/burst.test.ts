import { afterEach, describe, expect, it } from '@jest/globals';
import { createOwnDatabase, type OwnTestDatabase } from '../helpers/db';
import { burstGate } from '../helpers/gate';
import { enterpriseSession, RACE_LIMITS, raceGrabSameTimeNeeds, raceOverlappingBookings } from '../helpers/races';
import { createTestServer, type TestServer } from '../helpers/server';

/**
 * Bursts on one volunteer's calendar released at one instant (`burstGate`), each in a database of
 * its own so that PostgreSQL's deadlock count is the burst's alone. Rows of one volunteer at
 * overlapping times that are written together wait for each other in the exclusion check, which
 * PostgreSQL resolves only as a deadlock after deadlock_timeout: under CI load 50 such bookings
 * ran past two minutes, and grabs of same-time needs left needs nobody held. The writes queue on
 * the volunteer's calendar lock instead: the outcome is exact and PostgreSQL counts no deadlock.
 */
describe('bursts released at one instant on PostgreSQL', () => {
  let database: OwnTestDatabase | undefined;
  let server: TestServer | undefined;

  const open = async (poolSize: number, waiters = poolSize - 10) => {
    database = await createOwnDatabase({ poolSize });
    server = await createTestServer(database, { limits: RACE_LIMITS });
    return { server, database, gate: burstGate(database.url, waiters) };
  };
  const deadlocks = async () => {
    await server!.close();
    server = undefined;
    const n = await database!.closeCountingDeadlocks();
    database = undefined;
    return n;
  };
  afterEach(async () => {
    await server?.close();
    await database?.close();
  });

  it('three bursts of 50 overlapping bookings of one speaker: each one wins, 49 CONFLICT, no deadlock', async () => {
    const { server, database, gate } = await open(60);
    // Three bursts (each on the speaker's next free slot): when the writes meet is up to the
    // scheduler, and before the calendar lock one burst in three deadlocked here.
    for (const round of [1, 2, 3]) await raceOverlappingBookings({ server, db: database.db, label: `齐发${round}`, gate }, 50);
    expect(await deadlocks()).toBe(0);
  });

  it('three bursts of 30 volunteers grabbing 10 same-time needs: every need held once, no deadlock', async () => {
    // Taps on one need take turns inside a process (the rush memory), so one write per need is
    // in flight: the gate lets go once all ten are, each volunteer's same-time needs among them.
    const { server, database, gate } = await open(60, 10);
    const enterprise = await enterpriseSession(server);
    for (const round of [1, 2, 3]) await raceGrabSameTimeNeeds({ server, db: database.db, label: `齐抢${round}`, gate }, enterprise, 30, 10);
    expect(await deadlocks()).toBe(0);
  });
});
