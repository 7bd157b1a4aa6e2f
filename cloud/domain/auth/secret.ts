import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The session secret: SESSION_SECRET when given, else one generated once and kept in the data
 * directory, so tokens survive a restart of the local server.
 */
export function resolveSessionSecret(explicit: string | null, dataDir: string): string {
  if (explicit) return explicit;
  const file = path.join(dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
