/**
 * Calendar days in Shanghai (UTC+8, no daylight saving since 1991) without dayjs: for code in the
 * mini-program's main package, which must stay small (dayjs with its time-zone plugins is 13 KB).
 * Subpackages use utils/time.ts.
 */
const OFFSET_MS = 8 * 3600_000;

export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function shanghaiDay(at: Date | number = Date.now()): CalendarDay {
  const d = new Date((typeof at === 'number' ? at : at.getTime()) + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day `days` after `d` (negative: before), month and year lengths handled by Date. */
export function addDays(d: CalendarDay, days: number): CalendarDay {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** "2026-12-02" */
export function isoDay(d: CalendarDay): string {
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return `${d.year}-${two(d.month)}-${two(d.day)}`;
}
