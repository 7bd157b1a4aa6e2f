const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A client request id for `order.create` (8–64 of [A-Za-z0-9_-]): made once per form fill and sent
 * again on every retry, so a submit whose answer got lost creates one order, not two.
 * Time plus randomness: unique enough per user, and needs no crypto API (absent on some engines).
 */
export function newRequestId(now: number = Date.now()): string {
  let rand = '';
  for (let i = 0; i < 12; i++) rand += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return `o${now.toString(36)}${rand}`;
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
