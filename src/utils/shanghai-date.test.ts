import { describe, expect, it } from '@jest/globals';
import { certificatePeriods } from '@/components/VolunteerStats/certificate';
import { addDays, isoDay, shanghaiDay } from './shanghai-date';

describe('Shanghai calendar days without dayjs', () => {
  it('is the Shanghai date, not the UTC one, around midnight', () => {
    expect(isoDay(shanghaiDay(new Date('2026-12-01T15:59:59Z')))).toBe('2026-12-01');
    expect(isoDay(shanghaiDay(new Date('2026-12-01T16:00:00Z')))).toBe('2026-12-02');
  });

  it('adds days across month and year ends', () => {
    expect(isoDay(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
    expect(isoDay(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
    expect(isoDay(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe('2026-02-28');
  });

  it('offers this year, the last 12 months and last year for the hours certificate', () => {
    expect(certificatePeriods(new Date('2026-12-01T16:30:00Z'))).toEqual([
      { label: '今年（2026年1月1日至今）', from: '2026-01-01', to: '2026-12-02' },
      { label: '近 12 个月', from: '2025-12-03', to: '2026-12-02' },
      { label: '去年（2025年）', from: '2025-01-01', to: '2025-12-31' },
    ]);
  });
});
