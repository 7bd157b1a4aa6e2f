import { randomBytes } from 'node:crypto';
import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;

/**
 * The server's log: one JSON line per event on stdout (time, level, requestId, function, action,
 * caller, error with its stack), for whatever collects the process's output. LOG_LEVEL sets the
 * level; tests pass 'silent' or a logger of their own to read what was logged.
 */
export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** 12 hex characters: short enough to read off a phone screenshot, unique enough to grep for. */
export const newRequestId = () => randomBytes(6).toString('hex');
