import { describe, expect, it } from '@jest/globals';
import { creditCodeCheckChar, isCreditCode, isMainlandMobile, normalizeCreditCode, normalizeMobile } from './identity-codes';

describe('统一社会信用代码 (GB 32100)', () => {
  // Real, published codes of companies, a foundation and a social organisation.
  const valid = [
    '91370000728611939A', // 山东步长制药股份有限公司
    '91110108551385082Q', // 小米科技有限责任公司
    '531000005000160090', // 中国红十字基金会
    '52410000663412719U', // 河南省嵩山少林寺文化院
    '91350100M000100Y43', // the standard's own example
  ];

  it.each(valid)('accepts %s', (code) => {
    expect(isCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('accepts lower case and spaces between groups, as people type them', () => {
    expect(isCreditCode('9111 0108 5513 8508 2q')).toBe(true);
    expect(normalizeCreditCode(' 91110108 551385082q ')).toBe('91110108551385082Q');
  });

  it('refuses a wrong check character', () => {
    expect(isCreditCode('91110108551385082F')).toBe(false);
    expect(isCreditCode('91370000728611939B')).toBe(false);
  });

  it('refuses any single changed character of a valid code', () => {
    // The check character catches every single substitution (31 is prime, no weight is 0).
    const code = valid[1];
    for (let i = 0; i < 17; i++) {
      const other = code[i] === '0' ? '1' : '0';
      expect(isCreditCode(code.slice(0, i) + other + code.slice(i + 1))).toBe(false);
    }
  });

  it('refuses wrong shapes: length, letters I O S V Z, letters in the region code', () => {
    for (const bad of ['', '123', '9111010855138508', '91110108551385082QQ', 'FOOBARFOOBARFOOBAR',
      '9111010855138508IQ', '91110108551385O82Q', '91A10108551385082Q', '9111010855138S082Q']) {
      expect(isCreditCode(bad)).toBe(false);
    }
  });

  it('creditCodeCheckChar refuses input it cannot weigh', () => {
    expect(creditCodeCheckChar('9111010855138508')).toBeNull();
    expect(creditCodeCheckChar('9111010855138508I')).toBeNull();
  });
});

describe('mainland mobile numbers', () => {
  it.each(['13800001234', '19912345678', '16600001111', '14500001111', '17012345678'])('accepts %s', (m) => {
    expect(isMainlandMobile(m)).toBe(true);
  });

  it('normalizes spaces, hyphens and +86', () => {
    expect(normalizeMobile('138 0000 1234')).toBe('13800001234');
    expect(normalizeMobile('138-0000-1234')).toBe('13800001234');
    expect(normalizeMobile('+86 138 0000 1234')).toBe('13800001234');
    expect(normalizeMobile('8613800001234')).toBe('13800001234');
  });

  it.each(['', '1380000123', '138000012345', '12800001234', '23800001234', '0571-88888888', '1380000123a', '+1 13800001234', '１３８００００１２３４'])(
    'refuses %p', (m) => {
      expect(normalizeMobile(m)).toBeNull();
    },
  );
});
