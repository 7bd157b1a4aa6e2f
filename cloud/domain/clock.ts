/**
 * The server's only source of "now". In dev mode CLOCK_OFFSET_MINUTES shifts it, so a demo or a
 * test can restart the server "tomorrow" on the same data directory.
 */
export interface Clock {
  now(): Date;
}

export function createClock(offsetMinutes = 0): Clock {
  const offsetMs = offsetMinutes * 60_000;
  return { now: () => new Date(Date.now() + offsetMs) };
}
