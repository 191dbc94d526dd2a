import { describe, expect, it } from 'vitest';
import ref from '../../../test/fixtures/hotspots/spdep-sf-blocks.json' with { type: 'json' };
import { type EmergingCategory, emergingCategory } from './emerging.ts';
import { defaultBandwidth, nearestNeighbourIndex, quarticDensity } from './kernel-density.ts';
import { knoxTest } from './knox.ts';
import { uniforms } from './test-data.test-support.ts';
import { mannKendall } from './trend.ts';

describe('quartic kernel density', () => {
  it('integrates to the number of records', () => {
    const points = { xs: Float64Array.of(0, 30), ys: Float64Array.of(0, 10), counts: Float64Array.of(3, 2) };
    const xs: number[] = [];
    const ys: number[] = [];
    for (let x = -200; x <= 230; x += 2) for (let y = -200; y <= 210; y += 2) {
        xs.push(x);
        ys.push(y);
      }
    const { density, support } = quarticDensity(points, { xs: Float64Array.from(xs), ys: Float64Array.from(ys) }, 100);
    expect(density.reduce((a, b) => a + b, 0) * 4).toBeCloseTo(5, 2);
    expect(Math.max(...support)).toBe(5);
  });

  it('chooses the bandwidth by the stated rule', () => {
    // Four points on a square of side 2 about the origin: SD = √2, median distance √2, n = 4.
    const h = defaultBandwidth({ xs: Float64Array.of(1, -1, 1, -1), ys: Float64Array.of(1, 1, -1, -1), counts: Float64Array.of(1, 1, 1, 1) });
    expect(h).toBeCloseTo(0.9 * Math.SQRT2 * 4 ** -0.2, 12);
  });
});

describe('nearest-neighbour index', () => {
  it('is 2 for a square lattice without edge effects and under 1 for clustered points', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) {
        xs.push(i);
        ys.push(j);
      }
    expect(nearestNeighbourIndex(Float64Array.from(xs), Float64Array.from(ys), 100).ratio).toBeCloseTo(2, 12);
    const u = uniforms(9);
    const cx = Float64Array.from({ length: 200 }, () => u() * 10);
    const cy = Float64Array.from({ length: 200 }, () => u() * 10);
    const r = nearestNeighbourIndex(cx, cy, 1_000_000);
    expect(r.ratio).toBeLessThan(0.1);
    expect(r.z).toBeLessThan(-10);
  });
});

describe('Mann–Kendall', () => {
  it("pins z and p to R's Kendall test with continuity correction", () => {
    const r = mannKendall(ref.kendall.series);
    expect(r.z).toBeCloseTo(ref.kendall.z, 10);
    expect(r.p).toBeCloseTo(ref.kendall.p, 10);
  });
});

describe('emerging hot-spot categories', () => {
  const hot = 3;
  const cold = -3;
  const no = 0.5;
  const cases: [EmergingCategory, number[]][] = [
    ['new_hot', [no, no, no, no, no, hot]],
    ['consecutive_hot', [no, no, no, no, hot, hot]],
    ['intensifying_hot', [2.1, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5]],
    ['diminishing_hot', [6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2.5, 2.1]],
    ['persistent_hot', [3, 2.5, 3.2, 2.4, 3.1, 2.6, 3, 2.7, 3.3, 2.8]],
    ['sporadic_hot', [hot, no, hot, no, no, hot]],
    ['oscillating_hot', [cold, no, hot, no, no, hot]],
    ['historical_hot', [hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, hot, no]],
    ['new_cold', [no, no, cold]],
    ['oscillating_cold', [hot, no, cold, no, cold]],
    ['consecutive_cold', [hot, no, cold, cold]],
    ['no_pattern', [no, hot, no, no]],
  ];
  it.each(cases)('%s', (expected, z) => {
    const p = z.map((v) => (Math.abs(v) >= 1.96 ? 0.01 : 0.6));
    expect(emergingCategory(z, p)).toBe(expected);
  });
});

describe('Knox test', () => {
  const u = uniforms(21);
  const n = 300;
  const xs = Float64Array.from({ length: n }, () => u() * 5000);
  const ys = Float64Array.from({ length: n }, () => u() * 5000);
  const days = Float64Array.from({ length: n }, () => Math.floor(u() * 365));

  it('counts pairs as all pairs do', () => {
    const r = knoxTest({ xs, ys, days }, { distance: 400, days: 14, permutations: 9, seed: 1 });
    let both = 0;
    let space = 0;
    let time = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const s = Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!) <= 400;
        const t = Math.abs(days[i]! - days[j]!) <= 14;
        if (s && t) both++;
        else if (s) space++;
        else if (t) time++;
      }
    expect(r.table).toEqual({ closeBoth: both, closeSpace: space, closeTime: time, neither: r.pairs - both - space - time });
  });

  it('finds planted near repeats and none where there are none', () => {
    const null_ = knoxTest({ xs, ys, days }, { distance: 400, days: 14, permutations: 199, seed: 1 });
    expect(null_.p).toBeGreaterThan(0.01);
    const rx = Float64Array.from([...xs, ...xs.subarray(0, 60).map((x) => x + 50)]);
    const ry = Float64Array.from([...ys, ...ys.subarray(0, 60)]);
    const rd = Float64Array.from([...days, ...days.subarray(0, 60).map((d) => d + 3)]);
    const repeats = knoxTest({ xs: rx, ys: ry, days: rd }, { distance: 400, days: 14, permutations: 199, seed: 1 });
    expect(repeats.p).toBe(1 / 200);
    expect(repeats.ratio).toBeGreaterThan(1.2);
  });
});
