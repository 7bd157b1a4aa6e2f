import { describe, expect, it } from '@jest/globals';
import { customPeriod, dateKey, periodDays, periodLabel, presetPeriod } from './period';

// 2025-11-30 20:30 UTC is already 1 December 04:30 in Shanghai.
const LATE_NOVEMBER_UTC = new Date('2025-11-30T20:30:00Z');
const MID_MAY = new Date('2025-05-15T02:00:00Z');

describe('presetPeriod (Shanghai calendar)', () => {
  it('本月 runs from the 1st to today (no days to come), by the Shanghai date, not the UTC one', () => {
    expect(presetPeriod('month', LATE_NOVEMBER_UTC)).toEqual({
      from: '2025-12-01T00:00:00+08:00',
      to: '2025-12-02T00:00:00+08:00',
    });
    expect(presetPeriod('month', MID_MAY)).toEqual({ from: '2025-05-01T00:00:00+08:00', to: '2025-05-16T00:00:00+08:00' });
    expect(periodLabel(presetPeriod('month', MID_MAY))).toBe('2025年5月1日 – 5月15日');
  });

  it('近三个月 and 近半年 count the current month and cross the year boundary', () => {
    const jan = new Date('2026-01-10T04:00:00Z');
    expect(presetPeriod('quarter', jan)).toEqual({ from: '2025-11-01T00:00:00+08:00', to: '2026-01-11T00:00:00+08:00' });
    expect(presetPeriod('half', jan)).toEqual({ from: '2025-08-01T00:00:00+08:00', to: '2026-01-11T00:00:00+08:00' });
    expect(presetPeriod('half', MID_MAY)).toEqual({ from: '2024-12-01T00:00:00+08:00', to: '2025-05-16T00:00:00+08:00' });
  });

  it('今年 runs from 1 January to today; on 31 December the end crosses into the next year', () => {
    expect(presetPeriod('year', MID_MAY)).toEqual({ from: '2025-01-01T00:00:00+08:00', to: '2025-05-16T00:00:00+08:00' });
    expect(presetPeriod('year', LATE_NOVEMBER_UTC)).toEqual({ from: '2025-01-01T00:00:00+08:00', to: '2025-12-02T00:00:00+08:00' });
    expect(presetPeriod('year', new Date('2025-12-31T10:00:00Z'))).toEqual({ from: '2025-01-01T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' });
  });

  it('gives strings the API accepts (offset +08:00) that denote Shanghai midnight', () => {
    const p = presetPeriod('quarter', MID_MAY);
    expect(p.from).toMatch(/^\d{4}-\d{2}-01T00:00:00\+08:00$/);
    expect(new Date(p.from).toISOString()).toBe('2025-02-28T16:00:00.000Z');
  });
});

describe('customPeriod', () => {
  it('includes the last picked day (to = next midnight), also across months and leap days', () => {
    expect(customPeriod('2025-03-05', '2025-03-31')).toEqual({ from: '2025-03-05T00:00:00+08:00', to: '2025-04-01T00:00:00+08:00' });
    expect(customPeriod('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01T00:00:00+08:00', to: '2024-03-01T00:00:00+08:00' });
    expect(customPeriod('2025-12-31', '2025-12-31')).toEqual({ from: '2025-12-31T00:00:00+08:00', to: '2026-01-01T00:00:00+08:00' });
  });

  it('refuses a reversed, malformed or over-long range with a Chinese message', () => {
    expect(customPeriod('2025-03-05', '2025-03-04')).toEqual({ error: '结束日期不能早于开始日期' });
    expect(customPeriod('', '2025-03-04')).toEqual({ error: '请选择开始和结束日期' });
    expect(customPeriod('2020-01-01', '2025-01-01')).toEqual({ error: '统计区间最多 3 年' });
  });
});

describe('labels and picker days', () => {
  it('shows the inclusive last day', () => {
    expect(periodLabel({ from: '2025-09-01T00:00:00+08:00', to: '2025-12-01T00:00:00+08:00' })).toBe('2025年9月1日 – 11月30日');
    expect(periodLabel({ from: '2025-11-01T00:00:00+08:00', to: '2026-02-01T00:00:00+08:00' })).toBe('2025年11月1日 – 2026年1月31日');
  });

  it('round-trips the custom pickers', () => {
    const p = { from: '2025-09-01T00:00:00+08:00', to: '2025-12-01T00:00:00+08:00' };
    expect(periodDays(p)).toEqual({ fromDay: '2025-09-01', toDay: '2025-11-30' });
    const back = customPeriod(periodDays(p).fromDay, periodDays(p).toDay);
    expect(back).toEqual(p);
    expect(dateKey(LATE_NOVEMBER_UTC)).toBe('2025-12-01');
  });
});
