import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatDay, formatSlot, formatTimeRange, groupSlotsByDay, groupWeekly, weekdayName } from './time';

describe('time in Asia/Shanghai', () => {
  it('formats a slot given in UTC on the Shanghai clock', () => {
    // 2025-11-24 is a Monday; 01:00Z is 09:00 in Shanghai.
    expect(formatSlot({ start: '2025-11-24T01:00:00Z', end: '2025-11-24T04:00:00Z' })).toBe('11月24日 周一 09:00–12:00');
  });

  it('accepts any offset and lands on the Shanghai day', () => {
    // 17:30Z on the 24th is 01:30 on the 25th in Shanghai.
    expect(formatDay('2025-11-24T17:30:00Z')).toBe('11月25日 周二');
    expect(formatTimeRange('2025-11-24T09:00:00+08:00', '2025-11-24T10:30:00+08:00')).toBe('09:00–10:30');
  });

  it('shows an end at midnight as 24:00', () => {
    expect(formatTimeRange('2025-11-24T20:00:00+08:00', '2025-11-25T00:00:00+08:00')).toBe('20:00–24:00');
  });

  it('formats a date-time', () => {
    expect(formatDateTime('2025-12-01T06:05:00Z')).toBe('2025年12月1日 14:05');
  });

  it('groups slots by Shanghai day, in time order', () => {
    const days = groupSlotsByDay([
      { start: '2025-11-25T06:00:00Z', end: '2025-11-25T08:00:00Z' }, // 25th 14:00
      { start: '2025-11-24T01:00:00Z', end: '2025-11-24T04:00:00Z' }, // 24th 09:00
      { start: '2025-11-24T16:30:00Z', end: '2025-11-24T17:00:00Z' }, // 25th 00:30
      { start: '2025-11-24T06:00:00Z', end: '2025-11-24T09:00:00Z' }, // 24th 14:00
    ]);
    expect(days.map((d) => d.label)).toEqual(['11月24日 周一', '11月25日 周二']);
    expect(days.map((d) => d.date)).toEqual(['2025-11-24', '2025-11-25']);
    expect(days[0]!.slots.map((s) => formatTimeRange(s.start, s.end))).toEqual(['09:00–12:00', '14:00–17:00']);
    expect(days[1]!.slots.map((s) => formatTimeRange(s.start, s.end))).toEqual(['00:30–01:00', '14:00–16:00']);
  });

  it('returns no days for no slots', () => {
    expect(groupSlotsByDay([])).toEqual([]);
  });

  it('names ISO weekdays and groups weekly windows Monday first', () => {
    expect(weekdayName(1)).toBe('周一');
    expect(weekdayName(7)).toBe('周日');
    expect(
      groupWeekly([
        { weekday: 7, start: '09:00', end: '11:00' },
        { weekday: 2, start: '14:00', end: '17:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
      ]),
    ).toEqual([
      { weekday: 2, label: '周二', ranges: ['09:00–12:00', '14:00–17:00'] },
      { weekday: 7, label: '周日', ranges: ['09:00–11:00'] },
    ]);
  });
});
