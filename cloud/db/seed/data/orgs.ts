/** Union organisations: 省 → 市 → 区县. */
import type { SeedOrg } from '../types';

export const orgs: SeedOrg[] = [
  { key: 'zhejiang', name: '浙江省总工会', level: 'province', region: '浙江' },

  { key: 'hangzhou', name: '杭州市总工会', parentKey: 'zhejiang', level: 'city', region: '杭州' },
  { key: 'jinhua', name: '金华市总工会', parentKey: 'zhejiang', level: 'city', region: '金华' },
  { key: 'huzhou', name: '湖州市总工会', parentKey: 'zhejiang', level: 'city', region: '湖州' },

  { key: 'jiande', name: '建德市总工会', parentKey: 'hangzhou', level: 'county', region: '建德' },
  { key: 'yiwu', name: '义乌市总工会', parentKey: 'jinhua', level: 'county', region: '义乌' },
  { key: 'wucheng', name: '婺城区总工会', parentKey: 'jinhua', level: 'county', region: '婺城' },
  { key: 'pujiang', name: '浦江县总工会', parentKey: 'jinhua', level: 'county', region: '浦江' },
  { key: 'jhkfq', name: '金华经济技术开发区总工会', parentKey: 'jinhua', level: 'county', region: '金华开发区' },
  { key: 'deqing', name: '德清县总工会', parentKey: 'huzhou', level: 'county', region: '德清' },
  { key: 'anji', name: '安吉县总工会', parentKey: 'huzhou', level: 'county', region: '安吉' },
];
