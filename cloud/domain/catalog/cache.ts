import type { Kysely } from 'kysely';
import { catalogVersionNow, readCatalogVersion } from '../../db/catalog-version';
import type { DB } from '../../db/schema';

/**
 * The menu from memory with exact invalidation. Every write to what the menu shows bumps
 * `catalog_version` in its own transaction (triggers, migration 0009), whichever process or tool
 * made it. Each read asks for that one number first — a primary-key read of one row, shared by
 * the callers that arrive while it runs — and drops everything cached under an older one. Reading the number before the data keeps it exact: data
 * loaded after seeing version N is at least as new as N, so nothing older than the database is
 * ever served once the writer's commit has returned.
 */

/** Enough for every page and search a union's menu gets in a day; beyond it, the oldest go. */
const MAX_ENTRIES = 2000;

interface Generation {
  version: string;
  entries: Map<string, Promise<unknown>>;
}

/** Per database (the pool's Kysely): tests and the bench run several in one process. */
const generations = new WeakMap<Kysely<DB>, Generation>();

/** The menu's version now: followed in memory on embedded PGlite, read from the row elsewhere. */
export function catalogVersion(db: Kysely<DB>): Promise<string> {
  return versionAsOfNow(db);
}

/** Databases whose menu is read afresh on every call: the bench's "before", nothing else. */
const bypassed = new WeakSet<Kysely<DB>>();

/** Reads `db`'s menu from the database on every call until the returned function is called. */
export function bypassMenuCache(db: Kysely<DB>): () => void {
  bypassed.add(db);
  return () => bypassed.delete(db);
}

/**
 * Concurrent callers share version reads, and stay exact: a caller that arrives while a read is
 * running waits for the next one, which starts after that read ends (so after the caller came).
 * Under load this is about one read per round trip instead of one per call.
 */
interface VersionReads {
  running: Promise<string> | null;
  queued: Promise<string> | null;
}
const versionReads = new WeakMap<Kysely<DB>, VersionReads>();

function startVersionRead(db: Kysely<DB>, reads: VersionReads): Promise<string> {
  const p = readCatalogVersion(db);
  reads.running = p;
  const done = () => {
    if (reads.running === p) reads.running = null;
  };
  p.then(done, done);
  return p;
}

/** A version read that started no earlier than this call. */
export async function versionAsOfNow(db: Kysely<DB>): Promise<string> {
  const followed = await catalogVersionNow(db);
  if (followed !== null) return followed;
  let reads = versionReads.get(db);
  if (!reads) versionReads.set(db, (reads = { running: null, queued: null }));
  const running = reads.running;
  if (!running) return startVersionRead(db, reads);
  const r = reads;
  r.queued ??= running
    .catch(() => undefined)
    .then(() => {
      r.queued = null;
      return startVersionRead(db, r);
    });
  return r.queued;
}

/** The generation current as of now (one shared query), replacing an outdated one. */
async function current(db: Kysely<DB>): Promise<Generation> {
  const version = await versionAsOfNow(db);
  const gen = generations.get(db);
  if (gen && gen.version === version) return gen;
  const fresh: Generation = { version, entries: new Map() };
  // A read that saw an older number than a concurrent one works on its own, uncached.
  if (!gen || BigInt(version) > BigInt(gen.version)) generations.set(db, fresh);
  return fresh;
}

/**
 * `load()` once per key and menu version. Concurrent callers share one load; a failed load is
 * not kept. Answers are shared between callers: they must not be mutated (the router only
 * serializes them).
 */
export async function cachedMenu<T>(db: Kysely<DB>, key: string, load: () => Promise<T>): Promise<T> {
  if (bypassed.has(db)) return load();
  return entryOf(await current(db), key, load);
}

/** The generation's entry for `key`, loaded once; a failed load is not kept; the oldest goes first. */
function entryOf<T>(gen: Generation, key: string, load: () => Promise<T>): Promise<T> {
  const hit = gen.entries.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  if (gen.entries.size >= MAX_ENTRIES) gen.entries.delete(gen.entries.keys().next().value!);
  const p = load();
  gen.entries.set(key, p);
  p.catch(() => {
    if (gen.entries.get(key) === p) gen.entries.delete(key);
  });
  return p;
}

/**
 * The menu as this process has it, for a write that checks the version itself: no version query
 * up front. Every read of one snapshot is served under one generation; the write puts
 * `menuStillAt(snapshot.version())` in its own statement, and when that fails the caller forgets
 * the menu (`forgetMenu`) and tries once more with `fresh` (which asks for the version first).
 */
export interface MenuSnapshot {
  read<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** The version the reads were served under; null when nothing was read or the cache is bypassed. */
  version(): string | null;
}

export function menuSnapshot(db: Kysely<DB>, opts: { fresh: boolean }): MenuSnapshot {
  let gen: Generation | null = null;
  let pending: Promise<Generation> | null = null;
  const generation = async () => {
    if (gen) return gen;
    const known = opts.fresh ? undefined : generations.get(db);
    pending ??= known ? Promise.resolve(known) : current(db);
    return (gen = await pending);
  };
  return {
    async read<T>(key: string, load: () => Promise<T>) {
      if (bypassed.has(db)) return load();
      return entryOf(await generation(), key, load);
    },
    version: () => (gen ? gen.version : null),
  };
}

/** Drops what this process cached of `db`'s menu (a write found the menu newer than its snapshot). */
export function forgetMenu(db: Kysely<DB>) {
  generations.delete(db);
}
