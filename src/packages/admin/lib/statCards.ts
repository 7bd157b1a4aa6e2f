import type { Stats } from '@cloud/contract';

export type StatKey =
  | 'lectures' | 'services' | 'peopleServed' | 'enterprisesServed' | 'needsCollected' | 'needsResolved'
  | 'volunteerHours' | 'avgRating' | 'medianResponseMinutes';

export interface StatCard {
  key: StatKey;
  label: string;
  unit: string;
}

/** The headline numbers, in the order unions report them. */
export const STAT_CARDS: StatCard[] = [
  { key: 'lectures', label: '宣讲场次', unit: '场' },
  { key: 'services', label: '技术服务', unit: '次' },
  { key: 'peopleServed', label: '服务人次', unit: '人次' },
  { key: 'enterprisesServed', label: '服务企业', unit: '家' },
  { key: 'needsCollected', label: '收集问题', unit: '个' },
  { key: 'needsResolved', label: '已解决', unit: '个' },
  { key: 'volunteerHours', label: '志愿服务时长', unit: '小时' },
  { key: 'avgRating', label: '平均评分', unit: '分' },
  { key: 'medianResponseMinutes', label: '响应时间中位数', unit: '分钟' },
];

/** The number as shown: thousands separated, one decimal for hours and ratings, "—" for none. */
export function formatStat(key: StatKey, stats: Pick<Stats, StatKey>): string {
  const v = stats[key];
  if (v == null) return '—';
  if (key === 'avgRating') return v.toFixed(1);
  if (key === 'volunteerHours') return (Math.round(v * 10) / 10).toLocaleString('en-US');
  return Math.round(v).toLocaleString('en-US');
}

/** "解决率 34%" under 已解决, when problems were collected. */
export function resolvedRate(stats: Pick<Stats, 'needsCollected' | 'needsResolved'>): string | null {
  if (stats.needsCollected <= 0) return null;
  return `解决率 ${Math.round((stats.needsResolved / stats.needsCollected) * 100)}%`;
}

/** A second line under a card: the resolution rate, or a long response time in hours. */
export function statHint(key: StatKey, stats: Pick<Stats, StatKey>): string | null {
  if (key === 'needsResolved') return resolvedRate(stats);
  if (key === 'medianResponseMinutes' && stats.medianResponseMinutes != null && stats.medianResponseMinutes >= 90) {
    return `约 ${(Math.round(stats.medianResponseMinutes / 6) / 10).toFixed(1)} 小时`;
  }
  return null;
}
