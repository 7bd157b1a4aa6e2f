import { describe, expect, it } from '@jest/globals';
import { formatSlot } from '@/utils/time';
import { orderTime, orderTitle } from './shared';

describe('orderTime (main package, no dayjs)', () => {
  it.each([
    ['2025-11-24T01:00:00.000Z', '2025-11-24T02:00:00.000Z', '11月24日 周一 09:00–10:00'],
    ['2025-11-25T09:00:00+08:00', '2025-11-25T10:30:00+08:00', '11月25日 周二 09:00–10:30'],
    ['2025-11-30T15:30:00Z', '2025-11-30T16:00:00Z', '11月30日 周日 23:30–24:00'],
    ['2025-12-31T16:05:00Z', '2025-12-31T17:00:00Z', '1月1日 周四 00:05–01:00'],
  ])('%s–%s reads %s, as formatSlot says', (start, end, text) => {
    expect(orderTime({ start, end })).toBe(text);
    expect(formatSlot({ start, end })).toBe(text);
  });
});

describe('orderTitle', () => {
  it('takes the topic, the service or the need’s title', () => {
    expect(orderTitle({ kind: 'lecture', topicTitle: '劳模精神', serviceTitle: null, title: null })).toBe('劳模精神');
    expect(orderTitle({ kind: 'service', topicTitle: null, serviceTitle: '数控故障诊断', title: null })).toBe('数控故障诊断');
    expect(orderTitle({ kind: 'need', topicTitle: null, serviceTitle: null, title: '主轴异响' })).toBe('主轴异响');
  });
});
