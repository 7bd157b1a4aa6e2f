import crypto from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { CHECK_IN_CODE, checkInPayload, codeAt, codeForStep, hmacSha1, judgeCode, parseCheckInCode, secondsLeft, sha1, stepAt } from './check-in-code';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
// RFC 6238 appendix B, SHA-1 key "12345678901234567890"; the 8-digit values cut to their last 6.
const RFC_KEY = Buffer.from('12345678901234567890').toString('hex');
const RFC: [number, string][] = [
  [59, '287082'], [1111111109, '081804'], [1111111111, '050471'], [1234567890, '005924'], [2000000000, '279037'], [20000000000, '353130'],
];

describe('check-in code: TOTP over the order secret, the same code on the phone and the server', () => {
  it('SHA-1 and HMAC-SHA1 equal Node crypto for every length around the block edges', () => {
    for (const n of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 200]) {
      const data = crypto.randomBytes(n);
      expect(hex(sha1(data))).toBe(crypto.createHash('sha1').update(data).digest('hex'));
      const key = crypto.randomBytes(n % 2 ? 20 : 80); // a key longer than the block is hashed first
      expect(hex(hmacSha1(key, data))).toBe(crypto.createHmac('sha1', key).update(data).digest('hex'));
    }
  });

  it('gives the RFC 6238 values', () => {
    for (const [t, code] of RFC) expect(codeAt(RFC_KEY, t * 1000)).toBe(code);
  });

  it('rotates every 30 s: the same code within a step, another in the next', () => {
    const secret = crypto.randomBytes(20).toString('hex');
    const t = Date.UTC(2030, 2, 5, 1, 0, 0);
    expect(codeAt(secret, t)).toBe(codeAt(secret, t + 29_999));
    expect(codeAt(secret, t + 30_000)).toBe(codeForStep(secret, stepAt(t) + 1));
    const seen = new Set(Array.from({ length: 20 }, (_, i) => codeAt(secret, t + i * 30_000)));
    expect(seen.size).toBeGreaterThan(15);
    expect(secondsLeft(t)).toBe(30);
    expect(secondsLeft(t + 29_000)).toBe(1);
  });

  it('accepts the current and the previous step only; older codes are expired, others wrong', () => {
    const secret = crypto.randomBytes(20).toString('hex');
    const t = Date.UTC(2030, 2, 5, 1, 0, 15);
    expect(judgeCode(secret, codeAt(secret, t), t)).toBe('ok');
    expect(judgeCode(secret, codeAt(secret, t - 30_000), t)).toBe('ok');
    // Replay of a code from two steps back, or from nine minutes ago.
    expect(judgeCode(secret, codeAt(secret, t - 60_000), t)).toBe('expired');
    expect(judgeCode(secret, codeAt(secret, t - 9 * 60_000), t)).toBe('expired');
    // The next step is not yet valid (a phone clock ahead is corrected by the server time it gets).
    const next = codeAt(secret, t + 30_000);
    if (![0, 1].some((b) => codeForStep(secret, stepAt(t) - b) === next)) expect(judgeCode(secret, next, t)).not.toBe('ok');
    expect(judgeCode(secret, '000000' === codeAt(secret, t) ? '000001' : '000000', t)).not.toBe('ok');
  });

  it("another order's secret does not open this order", () => {
    const mine = crypto.randomBytes(20).toString('hex');
    const t = Date.UTC(2030, 2, 5, 1, 0, 0);
    let accepted = 0;
    for (let i = 0; i < 200; i++) {
      const other = crypto.randomBytes(20).toString('hex');
      if (judgeCode(mine, codeAt(other, t), t) === 'ok') accepted++;
    }
    expect(accepted).toBe(0);
  });

  it('reads a typed code or the QR payload, nothing else', () => {
    expect(parseCheckInCode(' 123 456 ')).toEqual({ code: '123456' });
    expect(parseCheckInCode(checkInPayload('42', '654321'))).toEqual({ orderId: '42', code: '654321' });
    expect(parseCheckInCode('12345')).toBeNull();
    expect(parseCheckInCode('lmgj:checkin:x:123456')).toBeNull();
    expect(parseCheckInCode('https://example.com')).toBeNull();
    expect(CHECK_IN_CODE.digits).toBe(6);
  });
});
