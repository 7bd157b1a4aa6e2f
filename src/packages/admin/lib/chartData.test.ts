import { describe, expect, it } from '@jest/globals';
import type { CountBy, Stats } from '@cloud/contract';
import { chartIsEmpty, monthLabel, monthlyOption, monthlySeries, ratingBuckets, ratingsOption, shortLabel, teamsOption, topTeams } from './chartData';

const row = (key: string, label: string, n: Partial<CountBy> = {}): CountBy => ({
  key, label, lectures: 0, services: 0, needsCollected: 0, needsResolved: 0, peopleServed: 0, volunteerHours: 0, ...n,
});

function stats(over: Partial<Stats> = {}): Stats {
  return {
    from: '2025-06-01T00:00:00+08:00', to: '2025-12-01T00:00:00+08:00', orgId: '1',
    lectures: 0, services: 0, peopleServed: 0, enterprisesServed: 0, needsCollected: 0, needsResolved: 0,
    volunteerHours: 0, avgRating: null, medianResponseMinutes: null, ordersTotal: 0,
    byStatus: [], byMonth: [], byOrg: [], byTeam: [], byCategory: [], ratingDistribution: [],
    ...over,
  };
}

describe('monthlySeries', () => {
  it('puts months in calendar order whatever the answer order, with their counts', () => {
    const s = monthlySeries(stats({
      byMonth: [
        row('2025-11', '2025-11', { lectures: 3, services: 1, needsCollected: 4, needsResolved: 2 }),
        row('2025-09', '2025-09', { lectures: 1 }),
        row('2025-10', '2025-10', { services: 5 }),
      ],
    }));
    expect(s.keys).toEqual(['2025-09', '2025-10', '2025-11']);
    expect(s.labels).toEqual(['9月', '10月', '11月']);
    expect(s.lectures).toEqual([1, 0, 3]);
    expect(s.services).toEqual([0, 5, 1]);
    expect(s.needsCollected).toEqual([0, 0, 4]);
    expect(s.needsResolved).toEqual([0, 0, 2]);
  });

  it('names the year when the period spans two', () => {
    const s = monthlySeries(stats({ byMonth: [row('2026-01', ''), row('2025-12', '')] }));
    expect(s.labels).toEqual(['2025年12月', '2026年1月']);
    expect(monthLabel('bad', false)).toBe('bad');
  });

  it('feeds the stacked bar chart in that order', () => {
    const opt = monthlyOption(stats({ byMonth: [row('2025-10', '', { lectures: 2 }), row('2025-09', '', { services: 7 })] })) as {
      xAxis: { data: string[] };
      series: { name: string; stack: string; data: number[] }[];
    };
    expect(opt.xAxis.data).toEqual(['9月', '10月']);
    expect(opt.series.map((x) => [x.name, x.stack, x.data])).toEqual([
      ['宣讲场次', 'orders', [0, 2]],
      ['技术服务', 'orders', [7, 0]],
    ]);
  });
});

describe('topTeams', () => {
  const teams = Array.from({ length: 11 }, (_, i) =>
    row(String(i + 1), `服务队${i + 1}`, { lectures: i % 3, services: i }),
  );

  it('keeps the 8 busiest by lectures + services, busiest first, idle teams out', () => {
    const top = topTeams(stats({ byTeam: [...teams, row('99', '空闲队')] }));
    expect(top).toHaveLength(8);
    expect(top.map((t) => t.total)).toEqual([...top.map((t) => t.total)].sort((a, b) => b - a));
    expect(top[0]).toEqual({ key: '11', label: '服务队11', lectures: 1, services: 10, total: 11 });
    expect(top.some((t) => t.label === '空闲队')).toBe(false);
    expect(topTeams(stats({ byTeam: [row('1', 'a')] }))).toEqual([]);
  });

  it('draws them as horizontal bars with the busiest on top and long names shortened on a phone', () => {
    const long = row('7', '王关根工匠数控技术服务队', { services: 50 });
    const opt = teamsOption(stats({ byTeam: [...teams, long] }), true) as {
      yAxis: { type: string; inverse: boolean; data: string[] };
      series: { data: number[] }[];
    };
    expect(opt.yAxis.type).toBe('category');
    expect(opt.yAxis.inverse).toBe(true);
    expect(opt.yAxis.data[0]).toBe('王关根工匠数控…');
    expect(opt.yAxis.data).toHaveLength(8);
    expect(opt.series[1].data[0]).toBe(50);
    expect(shortLabel('短名', 8)).toBe('短名');
  });
});

describe('ratingBuckets', () => {
  it('has every score 1–5, zero where nobody gave it', () => {
    expect(ratingBuckets(stats({ ratingDistribution: [{ score: 5, count: 12 }, { score: 3, count: 2 }] }))).toEqual([
      { score: 1, count: 0 }, { score: 2, count: 0 }, { score: 3, count: 2 }, { score: 4, count: 0 }, { score: 5, count: 12 },
    ]);
    const opt = ratingsOption(stats({ ratingDistribution: [{ score: 4, count: 1 }] })) as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(opt.xAxis.data).toEqual(['1星', '2星', '3星', '4星', '5星']);
    expect(opt.series[0].data).toEqual([0, 0, 0, 1, 0]);
  });
});

describe('chartIsEmpty', () => {
  it('notes charts with nothing but zeros', () => {
    const empty = stats({ byMonth: [row('2025-10', '')] });
    expect(chartIsEmpty('monthly', empty)).toBe(true);
    expect(chartIsEmpty('ratings', empty)).toBe(true);
    const some = stats({ byMonth: [row('2025-10', '', { needsCollected: 1 })] });
    expect(chartIsEmpty('needs', some)).toBe(false);
    expect(chartIsEmpty('monthly', some)).toBe(true);
  });
});
