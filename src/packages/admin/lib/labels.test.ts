import { describe, expect, it } from '@jest/globals';
import { canShowcase, formatWaited } from './labels';
import { formatStat, resolvedRate, statHint } from './statCards';

describe('formatWaited', () => {
  const now = new Date('2025-11-20T12:00:00+08:00');
  it('reads like a person would say it', () => {
    expect(formatWaited('2025-11-20T11:59:40+08:00', now)).toBe('刚刚');
    expect(formatWaited('2025-11-20T11:48:00+08:00', now)).toBe('12分钟');
    expect(formatWaited('2025-11-20T06:40:00+08:00', now)).toBe('5小时20分钟');
    expect(formatWaited('2025-11-18T09:00:00+08:00', now)).toBe('2天3小时');
    expect(formatWaited('2025-11-17T12:00:00+08:00', now)).toBe('3天');
  });
});

describe('stat cards', () => {
  it('formats numbers, decimals and missing values', () => {
    const s = { lectures: 1234, services: 5, peopleServed: 0, enterprisesServed: 2, needsCollected: 8, needsResolved: 3, volunteerHours: 412.25, avgRating: 4.567, medianResponseMinutes: null };
    expect(formatStat('lectures', s)).toBe('1,234');
    expect(formatStat('volunteerHours', s)).toBe('412.3');
    expect(formatStat('avgRating', s)).toBe('4.6');
    expect(formatStat('medianResponseMinutes', s)).toBe('—');
    expect(resolvedRate(s)).toBe('解决率 38%');
    expect(resolvedRate({ needsCollected: 0, needsResolved: 0 })).toBeNull();
    expect(statHint('needsResolved', s)).toBe('解决率 38%');
    expect(statHint('medianResponseMinutes', { ...s, medianResponseMinutes: 420 })).toBe('约 7.0 小时');
    expect(statHint('medianResponseMinutes', { ...s, medianResponseMinutes: 35 })).toBeNull();
    expect(statHint('lectures', s)).toBeNull();
  });

  it('offers showcase on finished orders only', () => {
    expect(canShowcase({ status: 'completed' })).toBe(true);
    expect(canShowcase({ status: 'rated' })).toBe(true);
    expect(canShowcase({ status: 'pending' })).toBe(false);
  });
});
