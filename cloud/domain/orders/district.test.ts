import { describe, expect, it } from '@jest/globals';
import { districtOf } from './district';

describe('districtOf', () => {
  it.each([
    ['义乌市稠城街道工人北路 1 号 3 楼报告厅', '义乌市稠城街道'],
    ['金华市婺城区城北街道八一北街 258 号', '金华市婺城区城北街道'],
    ['浦江县浦阳街道工业园区 6 号', '浦江县浦阳街道'],
    ['德清县钟管镇南舍村工业区', '德清县钟管镇'],
    ['杭州市临安区锦南街道华力路 8 号', '杭州市临安区锦南街道'],
    ['湖州市吴兴区织里镇工业园区 3 号楼', '湖州市吴兴区织里镇'],
    ['浙江省杭州市西湖区文三路 90 号', '杭州市西湖区'],
    ['义乌市工人北路 1 号', '义乌市'],
  ])('%s → %s', (address, district) => {
    expect(districtOf(address)).toBe(district);
  });

  it('says nothing rather than guess, and never lets a road or number through', () => {
    expect(districtOf('测试车间一号')).toBeNull();
    expect(districtOf('工人北路区政府大楼')).toBeNull();
    expect(districtOf('金华经济技术开发区宾虹路 1 号')).toBeNull();
    expect(districtOf('')).toBeNull();
    expect(districtOf(null)).toBeNull();
  });
});
