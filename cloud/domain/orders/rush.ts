import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/** What this process last learnt of an order being grabbed: its row while open, or that it closed. */
export type RushEntry<Row> = { open: Row } | { closed: true };

const MAX_ENTRIES = 2_000;

/**
 * Orders as this process last read them for a grab, so that the taps of a rush do not each read
 * the order first (issue 14: with 1,000 volunteers tapping 100 needs at once, reads were two of a
 * loser's three statements), and taps on one order at the same moment take turns.
 *
 * An entry is only a hint. The grab's statement writes only while the row is still the version
 * that was read and its names are still those read, and answers from what the database holds. So
 * a stale entry costs one more statement, never a wrong answer.
 */
export class RushMemory<Row> {
  private readonly entries = new Map<string, RushEntry<Row>>();
  private readonly turns = new Map<string, Promise<void>>();

  get(id: string): RushEntry<Row> | undefined {
    return this.entries.get(id);
  }

  open(id: string, row: Row) {
    this.set(id, { open: row });
  }

  closed(id: string) {
    this.set(id, { closed: true });
  }

  forget(id: string) {
    this.entries.delete(id);
  }

  /**
   * Runs the taps on order `id` one after the other in this process. In a rush all but the first
   * then find the order taken in memory and are answered with a light read, instead of each
   * sending a guarded write that waits on the winner's row lock only to match nothing.
   */
  inTurn<T>(id: string, tap: () => Promise<T>): Promise<T> {
    const run = (this.turns.get(id) ?? Promise.resolve()).then(tap);
    const done = run.then(() => {}, () => {});
    this.turns.set(id, done);
    void done.then(() => {
      if (this.turns.get(id) === done) this.turns.delete(id);
    });
    return run;
  }

  private set(id: string, entry: RushEntry<Row>) {
    this.entries.delete(id);
    // Bounded: the entries written longest ago go first.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, entry);
  }
}

const memories = new WeakMap<Kysely<DB>, RushMemory<unknown>>();

/** The rush memory of one database handle (each test database has its own). */
export function rushMemoryOf<Row>(db: Kysely<DB>): RushMemory<Row> {
  let m = memories.get(db);
  if (!m) memories.set(db, (m = new RushMemory<unknown>()));
  return m as RushMemory<Row>;
}
