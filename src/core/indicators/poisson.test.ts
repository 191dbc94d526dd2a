import { describe, expect, it } from 'vitest';
import table from './fixtures/poisson-limits.json' with { type: 'json' };
import { poissonLimits, poissonRate } from './poisson.ts';

describe('exact Poisson limits', () => {
  it.each(table.rows)('match the published table for x = $x', ({ x, lower, upper }) => {
    const got = poissonLimits(x);
    expect(Math.abs(got.lower - lower)).toBeLessThan(table.tolerance);
    expect(Math.abs(got.upper - upper)).toBeLessThan(table.tolerance);
  });

  it('give the same limits when asked again (kept per count) as at another level computed afresh', () => {
    for (const x of [0, 1, 7, 250]) {
      const first = poissonLimits(x);
      expect(poissonLimits(x)).toEqual(first);
      const fresh = poissonLimits(x, 0.9500000000000001);
      expect(first.lower).toBeCloseTo(fresh.lower, 9);
      expect(first.upper).toBeCloseTo(fresh.upper, 9);
    }
    expect(poissonLimits(3, 0.9).upper).toBeLessThan(poissonLimits(3).upper);
  });

  it('scale to a rate per 100,000 person-years, and give nothing without exposure', () => {
    const r = poissonRate(10, 200_000);
    expect(r.value).toBeCloseTo(5, 10);
    expect(r.lower).toBeCloseTo(4.795 / 2, 3);
    expect(r.upper).toBeCloseTo(18.390 / 2, 3);
    expect(poissonRate(3, 0)).toEqual({ value: null, lower: null, upper: null });
  });
});
