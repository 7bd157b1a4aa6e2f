import { invalid } from '../../contract';
import { BOOKING_RULES } from '../rules';
import { dayjs, shanghaiClock, ZONE } from '../time';

/** Hours a pending order may wait for an answer before it is escalated to the admin. */
export const SLA_HOURS = { lecture: 24, service: 24, need: 48 } as const;

/** A volunteer may check in from this long before the start… */
export const CHECK_IN_EARLY_MINUTES = 120;
/** …and rating is open this long after completion. */
export const RATING_WINDOW_DAYS = 14;

/**
 * The requester's phone shows the rotating check-in code from the start of the day of the service
 * (Shanghai), or from when check-in opens if that is earlier (a service just after midnight).
 */
export function checkInCodeOpensAt(start: Date): Date {
  const dayStart = dayjs(start).tz(ZONE).startOf('day').toDate();
  const checkInOpens = new Date(start.getTime() - CHECK_IN_EARLY_MINUTES * 60_000);
  return dayStart < checkInOpens ? dayStart : checkInOpens;
}

/**
 * Handing an accepted order back (task.handBack): possible until the start; within
 * `toAdminsWithinHours` of it nobody could pick it up from a pool in time, so it goes to the admins.
 */
export const HAND_BACK_RULES = { closesMinutesBeforeStart: 0, toAdminsWithinHours: 2 } as const;

export interface WindowRow {
  weekday: number;
  start_minute: number;
  end_minute: number;
}

/** Minimum notice and horizon; a VALIDATION error on `start` says which rule failed. */
export function checkNoticeAndHorizon(start: Date, now: Date) {
  if (start.getTime() < now.getTime() + BOOKING_RULES.minNoticeHours * 3600_000) {
    throw invalid('start', `请至少提前 ${BOOKING_RULES.minNoticeHours} 小时预约`);
  }
  if (start.getTime() > now.getTime() + BOOKING_RULES.horizonDays * 86_400_000) {
    throw invalid('start', `只能预约 ${BOOKING_RULES.horizonDays} 天内的时间`);
  }
}

/**
 * The booked time must lie inside one of the volunteer's weekly windows on that Shanghai day,
 * and the day must not be blocked.
 */
export function checkWithinAvailability(start: Date, durationMin: number, windows: WindowRow[], blockedDays: ReadonlySet<string>) {
  const local = shanghaiClock(start);
  if (blockedDays.has(local.key)) throw invalid('start', '志愿者当天不可预约，请另选日期');
  const startMinute = local.minuteOfDay;
  const endMinute = startMinute + durationMin;
  const fits = windows.some((w) => w.weekday === local.weekday && w.start_minute <= startMinute && endMinute <= w.end_minute);
  if (!fits) throw invalid('start', '所选时间不在志愿者的可预约时段内');
}
