/**
 * The check-in code (签到码): what the requester's phone shows on the day and the volunteer scans
 * or types. It is TOTP (RFC 6238: HMAC-SHA1 of the 30-second step, 6 digits) over a per-order
 * secret, so the requester's phone computes it without a network once it has the secret. The
 * same code runs on the phone (weapp has no WebCrypto) and on the server: one source for the rule.
 */

export const CHECK_IN_CODE = {
  /** Seconds one code is shown. */
  periodSeconds: 30,
  digits: 6,
  /** Steps before the current one still accepted: the code the volunteer read just before it turned. */
  acceptPrevious: 1,
  /** Codes from up to this many minutes ago are "expired" (a clear message) rather than "wrong". */
  expiredWithinMinutes: 10,
  /** Wrong codes per order within `wrongTriesMinutes` before check-in with a code is refused. */
  wrongTries: 5,
  wrongTriesMinutes: 10,
} as const;

/** How a check-in is named on every page, the timeline and the certificate. */
export const CHECK_IN_WORDS = { verified: '已核验', unverified: '未核验' } as const;

/**
 * What the QR holds: `LMGJ:CHECKIN:<orderId>:<code>`, so a scan of another order's code is told
 * apart. Upper case and digits only: QR alphanumeric mode, a smaller code, and no TextEncoder
 * (weapp lacks it) to put it in bytes.
 */
const PAYLOAD = /^lmgj:checkin:(\d{1,18}):(\d{6})$/i;

export const checkInPayload = (orderId: string, code: string) => `LMGJ:CHECKIN:${orderId}:${code}`;

/** A typed code (spaces allowed: 123 456) or a scanned payload; null if it is neither. */
export function parseCheckInCode(input: string): { orderId?: string; code: string } | null {
  const text = input.trim();
  const m = PAYLOAD.exec(text);
  if (m) return { orderId: m[1], code: m[2] };
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? { code: digits } : null;
}

export const stepAt = (ms: number) => Math.floor(ms / 1000 / CHECK_IN_CODE.periodSeconds);

/** Seconds until the code shown at `ms` changes (1…30). */
export const secondsLeft = (ms: number) => CHECK_IN_CODE.periodSeconds - (Math.floor(ms / 1000) % CHECK_IN_CODE.periodSeconds);

/** The 6 digits for one step (RFC 4226 dynamic truncation). */
export function codeForStep(secretHex: string, step: number): string {
  const counter = new Uint8Array(8);
  let s = step;
  for (let i = 7; i >= 0; i--) {
    counter[i] = s % 256;
    s = Math.floor(s / 256);
  }
  const mac = hmacSha1(hexToBytes(secretHex), counter);
  const off = mac[19] & 0x0f;
  const bin = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3];
  return String(bin % 10 ** CHECK_IN_CODE.digits).padStart(CHECK_IN_CODE.digits, '0');
}

export const codeAt = (secretHex: string, ms: number) => codeForStep(secretHex, stepAt(ms));

export type CodeVerdict = 'ok' | 'expired' | 'wrong';

/**
 * The current step and the one before it pass; a code of the last `expiredWithinMinutes` is
 * "expired" (shown long ago, or replayed); anything else is wrong.
 */
export function judgeCode(secretHex: string, code: string, ms: number): CodeVerdict {
  const now = stepAt(ms);
  for (let back = 0; back <= CHECK_IN_CODE.acceptPrevious; back++) if (codeForStep(secretHex, now - back) === code) return 'ok';
  const oldest = (CHECK_IN_CODE.expiredWithinMinutes * 60) / CHECK_IN_CODE.periodSeconds;
  for (let back = CHECK_IN_CODE.acceptPrevious + 1; back <= oldest; back++) if (codeForStep(secretHex, now - back) === code) return 'expired';
  return 'wrong';
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function hmacSha1(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = 64;
  let k = key.length > block ? sha1(key) : key;
  const padded = new Uint8Array(block);
  padded.set(k);
  k = padded;
  const inner = new Uint8Array(block + message.length);
  const outer = new Uint8Array(block + 20);
  for (let i = 0; i < block; i++) {
    inner[i] = k[i] ^ 0x36;
    outer[i] = k[i] ^ 0x5c;
  }
  inner.set(message, block);
  outer.set(sha1(inner), block);
  return sha1(outer);
}

/** SHA-1 (FIPS 180-4), enough for HMAC on a phone without WebCrypto. */
export function sha1(data: Uint8Array): Uint8Array {
  const len = data.length;
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16);
  for (let i = 0; i < len; i++) words[i >> 2] |= data[i] << (24 - (i % 4) * 8);
  words[len >> 2] |= 0x80 << (24 - (len % 4) * 8);
  words[words.length - 1] = len * 8;
  words[words.length - 2] = Math.floor((len * 8) / 2 ** 32);
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0;
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let off = 0; off < words.length; off += 16) {
    for (let i = 0; i < 16; i++) w[i] = words[off + i];
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const kk = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + kk + w[i]) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24;
    out[i * 4 + 1] = (h >>> 16) & 0xff;
    out[i * 4 + 2] = (h >>> 8) & 0xff;
    out[i * 4 + 3] = h & 0xff;
  });
  return out;
}
