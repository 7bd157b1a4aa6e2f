import { createHmac, timingSafeEqual } from 'node:crypto';

/** Session lifetime: long enough that a phone stays logged in through a working month. */
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export interface TokenSigner {
  sign(userId: string, now: Date): string;
  /** The user id, or null when the token is malformed, forged or expired. */
  verify(token: string, now: Date): string | null;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

/**
 * Signed session tokens: base64url(payload).base64url(HMAC-SHA256(payload)). Stateless, so every
 * server process with the same secret accepts them.
 */
export function createTokenSigner(secret: string): TokenSigner {
  if (secret.length < 16) throw new Error('session secret too short');
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest();
  return {
    sign(userId, now) {
      const iat = Math.floor(now.getTime() / 1000);
      const payload = b64(JSON.stringify({ sub: userId, iat, exp: iat + SESSION_TTL_SECONDS }));
      return `${payload}.${b64(mac(payload))}`;
    },
    verify(token, now) {
      const [payload, sig, extra] = token.split('.');
      if (!payload || !sig || extra !== undefined) return null;
      const expected = mac(payload);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown; exp?: unknown };
        if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
        return claims.exp * 1000 > now.getTime() ? claims.sub : null;
      } catch {
        return null;
      }
    },
  };
}
