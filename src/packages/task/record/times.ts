import type { FieldErrors, Order } from '@cloud/contract';
import { RECORD_RULES } from '@cloud/domain/rules';

/**
 * The actual start and end on the record form. Times are picked as HH:mm on the booking's Shanghai
 * day (UTC+8, no daylight saving); the checks are the server's RECORD_RULES except "not in the
 * future", which only the server can judge (its clock, not the phone's, is the truth).
 */
const SHANGHAI_MS = 8 * 3600_000;
const MINUTE = 60_000;
const two = (n: number) => (n < 10 ? '0' : '') + n;

/** "10:30" in Shanghai. */
export function clockOf(iso: string): string {
  const d = new Date(Date.parse(iso) + SHANGHAI_MS);
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** The instant at `hhmm` on the Shanghai day of `dayOf`, as ISO with +08:00. */
export function atClock(dayOf: string, hhmm: string): string {
  const d = new Date(Date.parse(dayOf) + SHANGHAI_MS);
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return `${date}T${hhmm}:00+08:00`;
}

export interface ActualTimes {
  start: string;
  end: string;
}

/**
 * Start: the check-in when it fell inside the booked time (the volunteer came late), else the
 * booked start (early, or checked in only afterwards). End: the booked end.
 */
export function defaultTimes(o: Pick<Order, 'start' | 'end' | 'checkedInAt'>): ActualTimes {
  const s = Date.parse(o.start);
  const e = Date.parse(o.end);
  const c = o.checkedInAt ? Date.parse(o.checkedInAt) : NaN;
  // Whole minutes, as the pickers show them.
  const start = c > s && c < e ? atClock(o.checkedInAt!, clockOf(o.checkedInAt!)) : o.start;
  return { start, end: o.end };
}

/** Minutes credited, as the server counts them: capped at the booked duration. */
export function creditedMinutes(t: ActualTimes, bookedMin: number): number {
  const ran = Math.max(0, Math.round((Date.parse(t.end) - Date.parse(t.start)) / MINUTE));
  return RECORD_RULES.capAtBookedDuration ? Math.min(bookedMin, ran) : ran;
}

/** The server's checks, keyed as its fields. */
export function validateTimes(t: ActualTimes, o: Pick<Order, 'start' | 'end'>): FieldErrors {
  const errors: FieldErrors = {};
  const start = Date.parse(t.start);
  const end = Date.parse(t.end);
  if (start < Date.parse(o.start) - RECORD_RULES.earliestBeforeStartMinutes * MINUTE) {
    errors['record.actualStart'] = `开始时间不能早于预约开始前 ${RECORD_RULES.earliestBeforeStartMinutes / 60} 小时`;
  }
  if (end > Date.parse(o.end) + RECORD_RULES.latestAfterEndMinutes * MINUTE) {
    errors['record.actualEnd'] = `结束时间不能晚于预约结束后 ${RECORD_RULES.latestAfterEndMinutes / 60} 小时`;
  } else if (end <= start) {
    errors['record.actualEnd'] = '结束时间应晚于开始时间';
  }
  return errors;
}
