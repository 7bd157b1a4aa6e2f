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

/** ISO-8601 with the +08:00 offset, the form every answer uses. */
export const toIso = (d: Date | string): string => dayjs(d).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ');

/** Midnight (Shanghai) of the day that contains `d`. */
export const shanghaiDayStart = (d: Date) => dayjs(d).tz(ZONE).startOf('day');

export { dayjs };
