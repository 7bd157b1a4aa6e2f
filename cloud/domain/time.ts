import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
// isoWeekday(): 1 = Monday … 7 = Sunday, as the schema stores weekdays.
dayjs.extend(isoWeek);

/** Display and wall-clock rules use Shanghai time; storage is UTC (timestamptz). */
export const ZONE = 'Asia/Shanghai';

/**
 * Shanghai has kept UTC+8 without daylight saving since 1992: from then on its wall clock is plain
 * arithmetic. dayjs' tz() asks Intl on every call (~75 µs here), which made a speaker's page with
 * its free slots cost milliseconds; older instants still go through it.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** ISO-8601 with the +08:00 offset, the form every answer uses. */
export const toIso = (d: Date | string): string => {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (t >= FIXED_OFFSET_SINCE) return `${new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
  return dayjs(d).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
};

/**
 * A Shanghai day as numbers (from 1992 on): its midnight in epoch ms, its 'YYYY-MM-DD' and its
 * ISO weekday (1 = Monday … 7 = Sunday). For loops over many days.
 */
export function shanghaiDay(t: number): { start: number; key: string; weekday: number } | null {
  if (!(t >= FIXED_OFFSET_SINCE)) return null;
  const days = Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return { start: days * DAY_MS - SHANGHAI_OFFSET_MS, key: new Date(days * DAY_MS).toISOString().slice(0, 10), weekday: ((days + 3) % 7) + 1 };
}

/** Shanghai wall clock of an instant: the day, its weekday, and the minute of the day. */
export interface ShanghaiClock {
  key: string;
  year: number;
  month: number;
  date: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  minuteOfDay: number;
  /** 'HH:mm' */
  hhmm: string;
}

/** The wall clock by arithmetic from 1992 on (the write path formats several per call), else via Intl. */
export function shanghaiClock(d: Date): ShanghaiClock {
  const t = d.getTime();
  if (t >= FIXED_OFFSET_SINCE) {
    const local = new Date(t + SHANGHAI_OFFSET_MS);
    const iso = local.toISOString();
    const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
    const day = local.getUTCDay();
    return {
      key: iso.slice(0, 10), year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, date: local.getUTCDate(),
      weekday: day === 0 ? 7 : day, minuteOfDay, hhmm: iso.slice(11, 16),
    };
  }
  const z = dayjs(d).tz(ZONE);
  return {
    key: z.format('YYYY-MM-DD'), year: z.year(), month: z.month() + 1, date: z.date(), weekday: z.isoWeekday(),
    minuteOfDay: z.hour() * 60 + z.minute(), hhmm: z.format('HH:mm'),
  };
}

/** Midnight (Shanghai) of the day that contains `d`. */
export const shanghaiDayStart = (d: Date) => dayjs(d).tz(ZONE).startOf('day');

export { dayjs };
