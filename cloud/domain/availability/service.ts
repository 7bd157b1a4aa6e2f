import type { Kysely } from 'kysely';
import { AppError, forbidden, type Availability, type WeeklyWindow } from '../../contract';
import { futureBlockedDays, replaceAvailability } from '../../db/repositories/availability';
import { windowsOf } from '../../db/repositories/volunteers';
import type { DB } from '../../db/schema';
import { minutesToClock } from '../catalog/mappers';
import { dayjs, ZONE } from '../time';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const todayOf = (now: Date) => dayjs(now).tz(ZONE).format('YYYY-MM-DD');

export async function getAvailability(db: Kysely<DB>, now: Date, volunteerId: string | null): Promise<Availability> {
  if (!volunteerId) throw forbidden('只有志愿者可以设置可预约时间');
  const [windows, blocked] = await Promise.all([windowsOf(db, volunteerId), futureBlockedDays(db, volunteerId, todayOf(now))]);
  return {
    weekly: windows.map((w) => ({ weekday: w.weekday, start: minutesToClock(w.start_minute), end: minutesToClock(w.end_minute) })),
    blocked,
  };
}

/**
 * Windows must be non-empty and must not overlap on the same weekday; blocked days must be real
 * dates. Existing bookings are kept: the new calendar applies to new bookings.
 */
export async function setAvailability(
  db: Kysely<DB>,
  now: Date,
  volunteerId: string | null,
  input: { weekly: WeeklyWindow[]; blocked: string[] },
): Promise<Availability> {
  if (!volunteerId) throw forbidden('只有志愿者可以设置可预约时间');
  const windows = input.weekly.map((w, i) => ({ i, weekday: w.weekday, start: toMinutes(w.start), end: toMinutes(w.end) }));
  for (const w of windows) {
    if (w.end <= w.start) throw new AppError('VALIDATION', '结束时间应晚于开始时间', { [`weekly.${w.i}.end`]: '结束时间应晚于开始时间' });
  }
  const sorted = [...windows].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (prev.weekday === cur.weekday && cur.start < prev.end) {
      throw new AppError('VALIDATION', '同一天的时段不能重叠', { [`weekly.${cur.i}.start`]: '与同一天的其他时段重叠' });
    }
  }
  input.blocked.forEach((d, i) => {
    // dayjs rolls 2026-02-30 over to March: a date that does not print back as itself is not real.
    if (dayjs(d).format('YYYY-MM-DD') !== d) {
      throw new AppError('VALIDATION', '日期不存在', { [`blocked.${i}`]: '日期不存在' });
    }
  });
  const today = todayOf(now);
  const blocked = [...new Set(input.blocked.filter((d) => d >= today))];
  await db.transaction().execute((trx) => replaceAvailability(trx, volunteerId, sorted, blocked, today));
  return getAvailability(db, now, volunteerId);
}
