import type { EChartsCoreOption } from 'echarts/core';
import type { Stats } from '@cloud/contract';

/** The dashboard's charts: stats → plain series (tested) → ECharts options. */
export type ChartName = 'monthly' | 'needs' | 'teams' | 'ratings';

export const COLORS = {
  lectures: '#c8161d',
  services: '#e6a23c',
  needsCollected: '#5470c6',
  needsResolved: '#3ba272',
  rating: '#b7791f',
} as const;

export interface MonthlySeries {
  keys: string[];
  labels: string[];
  lectures: number[];
  services: number[];
  needsCollected: number[];
  needsResolved: number[];
}

/** "9月", or "2025年9月" when the period spans more than one year ("YYYY-MM" keys). */
export function monthLabel(key: string, withYear: boolean): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return key;
  return withYear ? `${m[1]}年${Number(m[2])}月` : `${Number(m[2])}月`;
}

/** Months in calendar order (whatever order the answer had), each with its counts. */
export function monthlySeries(stats: Pick<Stats, 'byMonth'>): MonthlySeries {
  const rows = [...stats.byMonth].sort((a, b) => a.key.localeCompare(b.key));
  const years = new Set(rows.map((r) => r.key.slice(0, 4)));
  return {
    keys: rows.map((r) => r.key),
    labels: rows.map((r) => monthLabel(r.key, years.size > 1)),
    lectures: rows.map((r) => r.lectures),
    services: rows.map((r) => r.services),
    needsCollected: rows.map((r) => r.needsCollected),
    needsResolved: rows.map((r) => r.needsResolved),
  };
}

export interface TeamBar {
  key: string;
  label: string;
  lectures: number;
  services: number;
  total: number;
}

/** The busiest teams (lectures + services), at most `n`, busiest first; idle teams left out. */
export function topTeams(stats: Pick<Stats, 'byTeam'>, n = 8): TeamBar[] {
  return stats.byTeam
    .map((t) => ({ key: t.key, label: t.label, lectures: t.lectures, services: t.services, total: t.lectures + t.services }))
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'zh-Hans-CN'))
    .slice(0, n);
}

/** Counts for the scores 1 to 5, every score present (0 when nobody gave it). */
export function ratingBuckets(stats: Pick<Stats, 'ratingDistribution'>): { score: number; count: number }[] {
  const by = new Map(stats.ratingDistribution.map((r) => [r.score, r.count]));
  return [1, 2, 3, 4, 5].map((score) => ({ score, count: by.get(score) ?? 0 }));
}

/** Whether a chart has nothing but zeros (it still renders, with a note). */
export function chartIsEmpty(name: ChartName, stats: Stats): boolean {
  const s = monthlySeries(stats);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  switch (name) {
    case 'monthly':
      return sum(s.lectures) + sum(s.services) === 0;
    case 'needs':
      return sum(s.needsCollected) + sum(s.needsResolved) === 0;
    case 'teams':
      return topTeams(stats).length === 0;
    case 'ratings':
      return sum(ratingBuckets(stats).map((r) => r.count)) === 0;
  }
}

/** Long team names on a phone: "王关根工匠数控…". */
export function shortLabel(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

const AXIS_TEXT = { color: '#5c6370', fontSize: 11 };
const SPLIT_LINE = { lineStyle: { color: '#eceef1' } };
const base = (compact: boolean) => ({
  animation: !compact,
  textStyle: { fontFamily: 'PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif' },
  tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
  legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12, color: '#5c6370' } },
  grid: { left: 8, right: 12, top: 32, bottom: 4, containLabel: true },
});
const valueAxis = { type: 'value', minInterval: 1, axisLabel: AXIS_TEXT, splitLine: SPLIT_LINE };

/** 订单 per month: lectures and services stacked. */
export function monthlyOption(stats: Stats, compact = false): EChartsCoreOption {
  const s = monthlySeries(stats);
  return {
    ...base(compact),
    xAxis: { type: 'category', data: s.labels, axisLabel: AXIS_TEXT, axisTick: { show: false } },
    yAxis: valueAxis,
    series: [
      { name: '宣讲场次', type: 'bar', stack: 'orders', data: s.lectures, itemStyle: { color: COLORS.lectures }, barMaxWidth: 28 },
      { name: '技术服务', type: 'bar', stack: 'orders', data: s.services, itemStyle: { color: COLORS.services }, barMaxWidth: 28 },
    ],
  };
}

/** Needs collected vs resolved per month: two lines. */
export function needsOption(stats: Stats, compact = false): EChartsCoreOption {
  const s = monthlySeries(stats);
  return {
    ...base(compact),
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: s.labels, boundaryGap: false, axisLabel: AXIS_TEXT, axisTick: { show: false } },
    yAxis: valueAxis,
    series: [
      { name: '收集问题', type: 'line', data: s.needsCollected, smooth: 0.3, symbolSize: 6, itemStyle: { color: COLORS.needsCollected }, areaStyle: { opacity: 0.08 } },
      { name: '已解决', type: 'line', data: s.needsResolved, smooth: 0.3, symbolSize: 6, itemStyle: { color: COLORS.needsResolved }, areaStyle: { opacity: 0.08 } },
    ],
  };
}

/** Top teams: horizontal stacked bars, the busiest on top. */
export function teamsOption(stats: Stats, compact = false): EChartsCoreOption {
  const teams = topTeams(stats, 8);
  return {
    ...base(compact),
    grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
    xAxis: valueAxis,
    yAxis: {
      type: 'category',
      inverse: true,
      data: teams.map((t) => (compact ? shortLabel(t.label, 8) : shortLabel(t.label, 14))),
      axisLabel: AXIS_TEXT,
      axisTick: { show: false },
    },
    series: [
      { name: '宣讲场次', type: 'bar', stack: 'team', data: teams.map((t) => t.lectures), itemStyle: { color: COLORS.lectures }, barMaxWidth: 18 },
      { name: '技术服务', type: 'bar', stack: 'team', data: teams.map((t) => t.services), itemStyle: { color: COLORS.services }, barMaxWidth: 18 },
    ],
  };
}

/** How many ratings of each score. */
export function ratingsOption(stats: Stats, compact = false): EChartsCoreOption {
  const buckets = ratingBuckets(stats);
  return {
    ...base(compact),
    legend: { show: false },
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: buckets.map((b) => `${b.score}星`), axisLabel: AXIS_TEXT, axisTick: { show: false } },
    yAxis: valueAxis,
    series: [
      {
        name: '评价数',
        type: 'bar',
        data: buckets.map((b) => b.count),
        itemStyle: { color: COLORS.rating, borderRadius: [4, 4, 0, 0] },
        barMaxWidth: 36,
        label: { show: true, position: 'top', fontSize: 11, color: '#5c6370' },
      },
    ],
  };
}

export const CHARTS: { name: ChartName; title: string; option: (s: Stats, compact?: boolean) => EChartsCoreOption }[] = [
  { name: 'monthly', title: '每月服务场次', option: monthlyOption },
  { name: 'needs', title: '问题收集与解决', option: needsOption },
  { name: 'teams', title: '服务队排行（前 8）', option: teamsOption },
  { name: 'ratings', title: '评分分布', option: ratingsOption },
];
