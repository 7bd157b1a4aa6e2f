import { createHmac, timingSafeEqual } from 'node:crypto';

/** Session lifetime: long enough that a phone stays logged in through a working month. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export interface TokenClaims {
  userId: string;
  /** The user's token version when it was issued (0 for tokens from before versions existed). */
  version: number;
}

export interface TokenSigner {
  /** `version`: the user's current token version; bumping it ends every session issued before. */
  sign(userId: string, now: Date, version?: number): string;
  /** The user id, or null when the token is malformed, forged or expired. */
  verify(token: string, now: Date): string | null;
  /** The user id and token version, or null when the token is malformed, forged or expired. */
  read(token: string, now: Date): TokenClaims | null;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/**
 * Signed session tokens: base64url(payload).base64url(HMAC-SHA256(payload)). Stateless, so every
 * server process with the same secret accepts them.
 */
export function createTokenSigner(secret: string): TokenSigner {
  if (secret.length < 16) throw new Error('session secret too short');
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  const read = (token: string, now: Date): TokenClaims | null => {
    const [payload, sig, extra] = token.split('.');
    if (!payload || !sig || extra !== undefined) return null;
    const expected = mac(payload);
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown; ver?: unknown };
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      const version = claims.ver === undefined ? 0 : claims.ver;
      if (typeof version !== 'number' || !Number.isSafeInteger(version)) return null;
      return claims.exp * 1000 > now.getTime() ? { userId: claims.sub, version } : null;
    } catch {
      return null;
    }
  };
  return {
    sign(userId, now, version = 0) {
      const iat = Math.floor(now.getTime() / 1000);
      const payload = b64(JSON.stringify({ sub: userId, iat, exp: iat + SESSION_TTL_SECONDS, ver: version }));
      return `${payload}.${b64(mac(payload))}`;
    },
    verify: (token, now) => read(token, now)?.userId ?? null,
    read,
  };
}
