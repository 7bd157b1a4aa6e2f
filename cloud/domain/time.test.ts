import { describe, expect, it } from '@jest/globals';
import { dayjs, shanghaiClock, shanghaiDay, shanghaiDayStart, toIso, ZONE } from './time';

/** The arithmetic Shanghai clock agrees with dayjs/Intl at every instant it is used for. */
describe('Shanghai time without Intl', () => {
  const viaIntl = (d: Date) => dayjs(d).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
  // Every ~7 h 13 min from 1992 to 2040, so every hour of the day and every weekday comes up.
  const instants: Date[] = [];
  for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 26_000_123) instants.push(new Date(t));
  instants.push(new Date('2026-12-31T15:59:59.999Z'), new Date('2026-12-31T16:00:00.000Z'), new Date('2028-02-28T16:00:00Z'));

  it('toIso', () => {
    for (const d of instants) expect(toIso(d)).toBe(viaIntl(d));
    // Older instants (Shanghai kept summer time 1986–1991) and strings still go through dayjs.
    expect(toIso(new Date('1988-06-01T00:00:00Z'))).toBe('1988-06-01T09:00:00+09:00');
    expect(toIso('2026-12-02T01:02:03Z')).toBe('2026-12-02T09:02:03+08:00');
  });

  it('shanghaiDay', () => {
    for (const d of instants) {
      const day = shanghaiDay(d.getTime())!;
      const ref = shanghaiDayStart(d);
      expect(day).toEqual({ start: ref.valueOf(), key: ref.format('YYYY-MM-DD'), weekday: ref.isoWeekday() });
    }
    expect(shanghaiDay(Date.UTC(1991, 5, 1))).toBeNull();
  });
});

describe('shanghaiClock', () => {
  it('agrees with Intl (dayjs tz) on the wall clock, weekday and day of many instants', () => {
    for (let t = Date.UTC(2025, 11, 31, 15, 59); t < Date.UTC(2027, 0, 2); t += 7_919_000) {
      const d = new Date(t);
      const z = dayjs(d).tz(ZONE);
      expect(shanghaiClock(d)).toEqual({
        key: z.format('YYYY-MM-DD'), year: z.year(), month: z.month() + 1, date: z.date(), weekday: z.isoWeekday(),
        minuteOfDay: z.hour() * 60 + z.minute(), hhmm: z.format('HH:mm'),
      });
    }
  });
});
