import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createTokenSigner, SESSION_TTL_SECONDS } from './tokens';

const signer = createTokenSigner('a-test-secret-of-enough-length');
const now = new Date('2026-11-22T08:00:00Z');

describe('session tokens', () => {
  it('round-trips the user id', () => {
    expect(signer.verify(signer.sign('42', now), now)).toBe('42');
  });

  it('rejects a token signed with another secret', () => {
    const other = createTokenSigner('another-secret-of-enough-length');
    expect(signer.verify(other.sign('42', now), now)).toBeNull();
  });

  it('rejects a tampered payload', () => {
    const [, sig] = signer.sign('42', now).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: '1', iat: 0, exp: 9e9 })).toString('base64url');
    expect(signer.verify(`${forged}.${sig}`, now)).toBeNull();
  });

  it('expires', () => {
    const token = signer.sign('42', now);
    const later = new Date(now.getTime() + (SESSION_TTL_SECONDS + 1) * 1000);
    expect(signer.verify(token, later)).toBeNull();
  });

  it('rejects garbage', () => {
    for (const bad of ['', 'abc', 'a.b.c', '..', 'x.y']) expect(signer.verify(bad, now)).toBeNull();
  });
});

describe('token versions', () => {
  it('carries the version it was signed with', () => {
    expect(signer.read(signer.sign('42', now, 3), now)).toEqual({ userId: '42', version: 3 });
  });

  it('reads a token without a version (issued before versions) as version 0', () => {
    const payload = Buffer.from(JSON.stringify({ sub: '42', iat: 0, exp: 9e9 })).toString('base64url');
    const sig = createHmac('sha256', 'a-test-secret-of-enough-length').update(payload).digest('base64url');
    expect(signer.read(`${payload}.${sig}`, now)).toEqual({ userId: '42', version: 0 });
  });
});
