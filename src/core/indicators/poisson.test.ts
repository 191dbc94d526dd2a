import { describe, expect, it } from 'vitest';
import table from './fixtures/poisson-limits.json' with { type: 'json' };
import { poissonLimits, poissonRate } from './poisson.ts';

describe('exact Poisson limits', () => {
  it.each(table.rows)('match the published table for x = $x', ({ x, lower, upper }) => {
    const got = poissonLimits(x);
    expect(Math.abs(got.lower - lower)).toBeLessThan(table.tolerance);
    expect(Math.abs(got.upper - upper)).toBeLessThan(table.tolerance);
  });

  it('scale to a rate per 100,000 person-years, and give nothing without exposure', () => {
    const r = poissonRate(10, 200_000);
    expect(r.value).toBeCloseTo(5, 10);
    expect(r.lower).toBeCloseTo(4.795 / 2, 3);
    expect(r.upper).toBeCloseTo(18.390 / 2, 3);
    expect(poissonRate(3, 0)).toEqual({ value: null, lower: null, upper: null });
  });
});
