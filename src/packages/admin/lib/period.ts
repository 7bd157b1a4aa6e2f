/**
 * Statistics periods as the admin API wants them: ISO strings at Shanghai midnight (+08:00),
 * `from` inclusive and `to` exclusive. Plain arithmetic on the Shanghai calendar (UTC+8, no
 * daylight saving), so the result does not depend on the device's time zone or Intl data.
 */

export type PeriodPreset = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export const PERIOD_PRESETS: { value: PeriodPreset; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '近三个月' },
  { value: 'half', label: '近半年' },
  { value: 'year', label: '今年' },
  { value: 'custom', label: '自定义' },
];

export interface Period {
  /** e.g. 2025-09-01T00:00:00+08:00 */
  from: string;
  /** exclusive, e.g. 2025-12-01T00:00:00+08:00 */
  to: string;
}

const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;
/** The server accepts at most 3 × 366 days. */
export const MAX_PERIOD_DAYS = 3 * 366;

const pad = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar day of an instant. */
export function shanghaiDate(at: Date): { y: number; m: number; d: number } {
  const t = new Date(at.getTime() + SHANGHAI_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Midnight in Shanghai of a calendar day; month and day may overflow (month 0 = December before). */
export function shanghaiMidnight(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T00:00:00+08:00`;
}

/** "YYYY-MM-DD" of an instant in Shanghai (for date pickers). */
export function dateKey(at: Date | string): string {
  const { y, m, d } = shanghaiDate(typeof at === 'string' ? new Date(at) : at);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A preset period up to and including today: 本月 is the 1st to today, not the whole month (the
 * walk-through saw 本月 count days still to come, e.g. in per-day figures and the export's name).
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, now: Date): Period {
  const { y, m, d } = shanghaiDate(now);
  const to = shanghaiMidnight(y, m, d + 1);
  switch (preset) {
    case 'month':
      return { from: shanghaiMidnight(y, m, 1), to };
    case 'quarter':
      return { from: shanghaiMidnight(y, m - 2, 1), to };
    case 'half':
      return { from: shanghaiMidnight(y, m - 5, 1), to };
    case 'year':
      return { from: shanghaiMidnight(y, 1, 1), to };
  }
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A custom period from two picked days (both inclusive): `to` becomes the next day's midnight.
 * Answers an error message (Chinese) for a reversed or too long range.
 */
export function customPeriod(fromDay: string, toDay: string): Period | { error: string } {
  const a = DAY_PATTERN.exec(fromDay);
  const b = DAY_PATTERN.exec(toDay);
  if (!a || !b) return { error: '请选择开始和结束日期' };
  const from = shanghaiMidnight(Number(a[1]), Number(a[2]), Number(a[3]));
  const to = shanghaiMidnight(Number(b[1]), Number(b[2]), Number(b[3]) + 1);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days <= 0) return { error: '结束日期不能早于开始日期' };
  if (days > MAX_PERIOD_DAYS) return { error: '统计区间最多 3 年' };
  return { from, to };
}

/** "2025年9月1日 – 11月30日" (the last day shown is the day before the exclusive `to`). */
export function periodLabel(p: Period): string {
  const a = shanghaiDate(new Date(p.from));
  const b = shanghaiDate(new Date(Date.parse(p.to) - 1));
  const left = `${a.y}年${a.m}月${a.d}日`;
  const right = a.y === b.y ? `${b.m}月${b.d}日` : `${b.y}年${b.m}月${b.d}日`;
  return `${left} – ${right}`;
}

/** The picked days of a period, for the custom date pickers. */
export function periodDays(p: Period): { fromDay: string; toDay: string } {
  return { fromDay: dateKey(p.from), toDay: dateKey(new Date(Date.parse(p.to) - 1)) };
}
