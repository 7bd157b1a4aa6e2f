import type { TimeSlot } from '@cloud/contract';
import { formatDay, inShanghai } from '@/utils/time';

/** Start times are offered on this grid of the wall clock (Shanghai is a whole-hour offset). */
export const STEP_MIN = 30;
const MIN = 60_000;

/** The same rules as the server (cloud/domain/rules.ts): 24 h notice, 90-day horizon. */
export const MIN_NOTICE_HOURS = 24;
export const HORIZON_DAYS = 90;

/** An instant as ISO-8601 with the Shanghai offset, e.g. 2026-11-24T09:30:00+08:00. */
export function toShanghaiIso(ms: number): string {
  return inShanghai(ms).format('YYYY-MM-DDTHH:mm:ssZ');
}

/**
 * Every start inside `slot` on the `stepMin` grid (the first one at or after the slot's start) such
 * that start + duration still ends within the slot. Empty when the slot is shorter than the duration.
 */
export function slotStarts(slot: TimeSlot, durationMin: number, stepMin = STEP_MIN): string[] {
  const from = Date.parse(slot.start);
  const to = Date.parse(slot.end);
  if (!Number.isFinite(from) || !Number.isFinite(to) || durationMin <= 0 || stepMin <= 0) return [];
  const step = stepMin * MIN;
  const out: string[] = [];
  for (let t = Math.ceil(from / step) * step; t + durationMin * MIN <= to; t += step) out.push(toShanghaiIso(t));
  return out;
}

export interface DayStarts {
  /** YYYY-MM-DD in Shanghai */
  date: string;
  /** "11月24日 周二" */
  label: string;
  /** ISO starts, in time order */
  starts: string[];
}

/** Free slots → bookable starts for a duration, grouped by Shanghai day; days without one are left out. */
export function startsByDay(slots: TimeSlot[], durationMin: number, stepMin = STEP_MIN): DayStarts[] {
  const all = slots
    .flatMap((s) => slotStarts(s, durationMin, stepMin))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const days: DayStarts[] = [];
  for (const start of [...new Set(all)]) {
    const date = inShanghai(start).format('YYYY-MM-DD');
    const last = days[days.length - 1];
    if (last && last.date === date) last.starts.push(start);
    else days.push({ date, label: formatDay(start), starts: [start] });
  }
  return days;
}

/** Earliest and latest bookable instants (ms) seen from `now`. */
export function bookingWindow(now: number): { earliest: number; latest: number } {
  return { earliest: now + MIN_NOTICE_HOURS * 3600_000, latest: now + HORIZON_DAYS * 86_400_000 };
}

/** Is `start` (ISO) bookable from `now` under the notice and horizon rules? */
export function withinWindow(start: string, now: number): boolean {
  const t = Date.parse(start);
  const { earliest, latest } = bookingWindow(now);
  return Number.isFinite(t) && t >= earliest && t <= latest;
}

/** Days (YYYY-MM-DD, Shanghai) from the first to the last bookable day, in order. */
export function bookableDates(now: number, count?: number): string[] {
  const { earliest, latest } = bookingWindow(now);
  const out: string[] = [];
  let d = inShanghai(earliest).startOf('day');
  const last = inShanghai(latest).format('YYYY-MM-DD');
  for (;;) {
    const key = d.format('YYYY-MM-DD');
    if (key > last || (count != null && out.length >= count)) break;
    out.push(key);
    d = d.add(1, 'day');
  }
  return out;
}

/** Open hours offered when nobody is named (the volunteer who grabs the order agrees to the time). */
export const OPEN_FIRST_MINUTE = 8 * 60;
export const OPEN_LAST_START_MINUTE = 20 * 60;

export interface ClockChoice {
  /** "09:30" */
  clock: string;
  /** ISO with +08:00 */
  start: string;
  /** false when outside notice/horizon */
  ok: boolean;
}

/** Times of day on `date` (Shanghai) at the step, 08:00–20:00, each marked bookable or not. */
export function dayClockChoices(date: string, now: number, stepMin = STEP_MIN): ClockChoice[] {
  const out: ClockChoice[] = [];
  for (let m = OPEN_FIRST_MINUTE; m <= OPEN_LAST_START_MINUTE; m += stepMin) {
    const clock = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const start = `${date}T${clock}:00+08:00`;
    out.push({ clock, start, ok: withinWindow(start, now) });
  }
  return out;
}
