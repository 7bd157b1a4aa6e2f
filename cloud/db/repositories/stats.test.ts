import { describe, expect, it } from '@jest/globals';
import { medianOfHistogram } from './stats';

describe('medianOfHistogram', () => {
  it('gives the lower bound of the bucket holding the middle value', () => {
    expect(medianOfHistogram([{ lower: 10, count: 1 }, { lower: 30, count: 1 }, { lower: 60, count: 1 }])).toBe(30);
    expect(medianOfHistogram([{ lower: 60, count: 5 }, { lower: 0, count: 1 }])).toBe(60);
  });
  it('ignores empty buckets and answers null for no data', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ lower: 5, count: 0 }])).toBeNull();
  });
  it('with an even count takes the lower middle', () => {
    expect(medianOfHistogram([{ lower: 0, count: 2 }, { lower: 30, count: 2 }])).toBe(0);
  });
});
