/**
 * Checks of the numbers people type into their profile and enterprise application. Pure, shared
 * by the contract's schemas and the client's forms (one source for each rule).
 */

/**
 * A mainland China mobile number as typed: spaces and hyphens between digits and a leading +86
 * or 86 are dropped. Answers the 11 digits, or null when it is not a mobile number (1, then 3–9,
 * then nine digits: every mainland carrier's range, virtual operators included).
 */
export function normalizeMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}

export const isMainlandMobile = (input: string): boolean => normalizeMobile(input) !== null;

/** GB 32100-2015 code characters in the order of their values 0–30 (no I, O, S, V, Z). */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of positions 1–17: 3^(i-1) mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** 登记管理部门 + 机构类别 (2), 行政区划码 (6 digits), 主体标识码 (9), 校验码 (1). */
const CREDIT_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (18th) of the first 17 characters of a 统一社会信用代码, or null for bad characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARS.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** The code as stored: trimmed, upper case, without the spaces people type between groups. */
export const normalizeCreditCode = (input: string): string => input.replace(/\s/g, '').toUpperCase();

/** A 统一社会信用代码 whose shape and GB 32100 check character are right (after normalizing). */
export function isCreditCode(input: string): boolean {
  const code = normalizeCreditCode(input);
  return CREDIT_SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** The name a first-time WeChat user has until they type theirs in the profile. */
export const NEW_USER_NAME = '微信用户';
