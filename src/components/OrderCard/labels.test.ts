import { describe, expect, it } from '@jest/globals';
import { formatDay, formatTimeRange } from '@/utils/time';
import { orderTimeText, orderTitle, orderWho } from './labels';

describe('order labels (main package, no dayjs)', () => {
  it('reads times in Shanghai like utils/time does', () => {
    for (const [start, end] of [
      ['2026-11-24T01:00:00Z', '2026-11-24T02:30:00Z'],
      ['2026-12-31T15:30:00Z', '2026-12-31T16:00:00Z'],
      ['2026-11-24T09:00:00+08:00', '2026-11-25T00:00:00+08:00'],
    ] as const) {
      expect(orderTimeText({ start, end })).toBe(`${formatDay(start)} ${formatTimeRange(start, end)}`);
    }
    expect(orderTimeText({ start: '2026-11-24T01:00:00Z', end: '2026-11-24T02:30:00Z' })).toBe('11月24日 周二 09:00–10:30');
  });

  it('names the order and who serves it by kind', () => {
    expect(orderTitle({ kind: 'lecture', topicTitle: '主题', serviceTitle: null, title: null })).toBe('主题');
    expect(orderTitle({ kind: 'need', topicTitle: null, serviceTitle: null, title: '求助' })).toBe('求助');
    expect(orderWho({ kind: 'service', status: 'pending', volunteerName: null, teamName: '服务队' })).toBe('服务队');
    expect(orderWho({ kind: 'lecture', status: 'pending', volunteerName: null, teamName: null })).toBe('待宣讲人抢单');
  });
});
