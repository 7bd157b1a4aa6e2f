import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { TimeSlot, WeeklyWindow } from '@cloud/contract';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TIME_ZONE = 'Asia/Shanghai';
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_MIN = 8 * 60;

/**
 * The timezone plugin needs Intl time-zone data, which some mini-program JS engines lack; with a
 * fixed offset the result is the same for Shanghai, so fall back to it there.
 */
const intlKnowsShanghai = (() => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE }).format(0);
    return true;
  } catch {
    return false;
  }
})();

/** An instant (ISO string with offset, Date or ms) seen on a wall clock in Shanghai. */
export function inShanghai(at: string | number | Date | Dayjs): Dayjs {
  const d = dayjs(at);
  return intlKnowsShanghai ? d.tz(TIME_ZONE) : d.utcOffset(SHANGHAI_OFFSET_MIN);
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "周二" for an ISO weekday number 1 (Monday) … 7 (Sunday), as in WeeklyWindow. */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday % 7] ?? '';
}

/** "11月24日 周二" */
export function formatDay(at: string | Date | Dayjs): string {
  const d = inShanghai(at);
  return `${d.format('M月D日')} ${WEEKDAYS[d.day()]}`;
}

/** "09:00–12:00"; an end at midnight the next day reads 24:00. */
export function formatTimeRange(start: string, end: string): string {
  const s = inShanghai(start);
  const e = inShanghai(end);
  const endText = e.format('HH:mm') === '00:00' && e.isAfter(s, 'day') ? '24:00' : e.format('HH:mm');
  return `${s.format('HH:mm')}–${endText}`;
}

/** "11月24日 周二 09:00–12:00" */
export function formatSlot(slot: TimeSlot): string {
  return `${formatDay(slot.start)} ${formatTimeRange(slot.start, slot.end)}`;
}

/** "2025年11月24日 09:30" */
export function formatDateTime(at: string): string {
  return inShanghai(at).format('YYYY年M月D日 HH:mm');
}

export interface DaySlots {
  /** YYYY-MM-DD in Shanghai, stable as a React key. */
  date: string;
  /** "11月24日 周二" */
  label: string;
  slots: TimeSlot[];
}

/** Free slots grouped by their Shanghai calendar day, days and slots in time order. */
export function groupSlotsByDay(slots: TimeSlot[]): DaySlots[] {
  const sorted = [...slots].sort((a, b) => dayjs(a.start).valueOf() - dayjs(b.start).valueOf());
  const days: DaySlots[] = [];
  for (const slot of sorted) {
    const date = inShanghai(slot.start).format('YYYY-MM-DD');
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(slot);
    else days.push({ date, label: formatDay(slot.start), slots: [slot] });
  }
  return days;
}

export interface WeekdayWindows {
  weekday: number;
  label: string;
  /** "09:00–12:00" each */
  ranges: string[];
}

/** Weekly availability as one line per weekday, Monday first. */
export function groupWeekly(windows: WeeklyWindow[]): WeekdayWindows[] {
  const byDay = new Map<number, WeeklyWindow[]>();
  for (const w of windows) byDay.set(w.weekday, [...(byDay.get(w.weekday) ?? []), w]);
  return [...byDay.keys()]
    .sort((a, b) => a - b)
    .map((weekday) => ({
      weekday,
      label: weekdayName(weekday),
      ranges: (byDay.get(weekday) ?? [])
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((w) => `${w.start}–${w.end}`),
    }));
}
