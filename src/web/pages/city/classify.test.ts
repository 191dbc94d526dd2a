import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, classRanges } from './classify.ts';

describe('class breaks', () => {
  it('quantiles put the same number of values in each class', () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(classBreaks(values, 5, 'quantile')).toEqual([2, 4, 6, 8, 10]);
  });

  it('Jenks finds the natural groups', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 22, 50];
    expect(classBreaks(values, 4, 'jenks')).toEqual([3, 12, 22, 50]);
    expect(classBreaks([4, 5, 9, 10], 2, 'jenks')).toEqual([5, 10]);
  });

  it('makes fewer classes than asked when values repeat, never two equal breaks', () => {
    expect(classBreaks([3, 3, 3, 3, 7], 5, 'quantile')).toEqual([3, 7]);
    expect(classBreaks([3, 3, 3, 3, 7], 5, 'jenks')).toEqual([3, 7]);
    expect(classBreaks([5], 5, 'jenks')).toEqual([5]);
    expect(classBreaks([], 5, 'quantile')).toEqual([]);
  });

  it('assigns each value to the first class whose bound it does not exceed', () => {
    const breaks = [2, 4, 6];
    expect([1, 2, 2.5, 6, 9].map((v) => classOf(v, breaks))).toEqual([0, 0, 1, 2, 2]);
    expect(classRanges([1, 2, 3, 5, 6], breaks)).toEqual([
      { min: 1, max: 2 },
      { min: 3, max: 3 },
      { min: 5, max: 6 },
    ]);
  });
});
