import { invalid } from '../../contract';
import { RECORD_RULES } from '../rules';

export interface BookedFacts {
  start_at: Date;
  end_at: Date;
  duration_min: number;
  checked_in_at: Date | null;
}

/**
 * When the service ran and how many minutes it earns. The volunteer files the actual start and end
 * (the walk-through filed a 4-hour job right after a late check-in and was credited 0 hours);
 * older clients send neither, and then check-in → now stands, as before.
 * Bad times are VALIDATION on `record.actualStart` / `record.actualEnd`.
 */
export function recordTimes(row: BookedFacts, now: Date, actualStart?: string, actualEnd?: string): { start: Date; end: Date; minutes: number } {
  const start = actualStart ? new Date(actualStart) : row.checked_in_at ?? now;
  const end = actualEnd ? new Date(actualEnd) : now;
  if (actualStart || actualEnd) {
    const earliest = row.start_at.getTime() - RECORD_RULES.earliestBeforeStartMinutes * 60_000;
    const latest = row.end_at.getTime() + RECORD_RULES.latestAfterEndMinutes * 60_000;
    if (start.getTime() < earliest) throw invalid('record.actualStart', `开始时间不能早于预约开始前 ${RECORD_RULES.earliestBeforeStartMinutes / 60} 小时`);
    if (start.getTime() > now.getTime()) throw invalid('record.actualStart', '开始时间不能晚于现在');
    if (end.getTime() > now.getTime()) throw invalid('record.actualEnd', '结束时间不能晚于现在');
    if (end.getTime() > latest) throw invalid('record.actualEnd', `结束时间不能晚于预约结束后 ${RECORD_RULES.latestAfterEndMinutes / 60} 小时`);
    if (end.getTime() <= start.getTime()) throw invalid('record.actualEnd', '结束时间应晚于开始时间');
  }
  return { start, end, minutes: creditedMinutes(start, end, row.duration_min) };
}

/** Service minutes between start and end, capped at the booked duration (RECORD_RULES). */
export const creditedMinutes = (start: Date, end: Date, bookedMin: number) => {
  const ran = Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
  return RECORD_RULES.capAtBookedDuration ? Math.min(bookedMin, ran) : ran;
};
