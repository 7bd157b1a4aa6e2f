import { describe, expect, it } from '@jest/globals';
import { formatMinutes } from './labels';

describe('formatMinutes', () => {
  it('says lengths of time as people do', () => {
    expect(formatMinutes(45)).toBe('45 分钟');
    expect(formatMinutes(60)).toBe('1 小时');
    expect(formatMinutes(120)).toBe('2 小时');
    expect(formatMinutes(90)).toBe('1 小时 30 分钟');
    expect(formatMinutes(0)).toBe('0 分钟');
  });
});
