import { describe, expect, it } from 'vitest';
import { twoSidedPs } from './inference.ts';
import { localMoran } from './moran.ts';
import { localMoranPermutations } from './permutation.ts';
import { normals, uniforms } from './test-data.test-support.ts';
import { knnWeights, transform } from './weights.ts';

function sample(n: number, seed: number) {
  const u = uniforms(seed);
  const xs = Float64Array.from({ length: n }, () => u() * 10_000);
  const ys = Float64Array.from({ length: n }, () => u() * 10_000);
  const w = transform(knnWeights(xs, ys, 8), 'row');
  const g = normals(seed + 1);
  const y = Float64Array.from({ length: n }, () => g());
  return { xs, ys, w, y };
}

const m2Of = (y: Float64Array) => {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  return y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length;
};

describe('seeded permutation inference for local Moran', () => {
  it('repeats with the same seed and changes with another', () => {
    const { w, y } = sample(300, 1);
    const l = localMoran(y, w);
    const opts = { permutations: 99, m2: m2Of(y) };
    const a = localMoranPermutations(y, w, l.I, { ...opts, seed: 7 });
    const b = localMoranPermutations(y, w, l.I, { ...opts, seed: 7 });
    const c = localMoranPermutations(y, w, l.I, { ...opts, seed: 8 });
    expect(a.pseudoP).toEqual(b.pseudoP);
    expect(a.p).toEqual(b.p);
    expect(a.p).not.toEqual(c.p);
  });

  it('agrees with the analytic conditional inference on a large sample', () => {
    const { w, y } = sample(3000, 11);
    const l = localMoran(y, w);
    const perm = localMoranPermutations(y, w, l.I, { permutations: 999, seed: 2026, m2: m2Of(y) });
    const analytic = twoSidedPs(l.zConditional);
    let dz = 0;
    let dp = 0;
    let rejections = 0;
    for (let i = 0; i < y.length; i++) {
      dz += Math.abs(perm.z[i]! - l.zConditional[i]!);
      dp += Math.abs(perm.p[i]! - analytic[i]!);
      if (perm.pseudoP[i]! <= 0.05) rejections++;
    }
    // The permutation z is the analytic z up to Monte Carlo error (sd of a z from 999 draws ≈ 0.03–0.05).
    expect(dz / y.length).toBeLessThan(0.08);
    expect(dp / y.length).toBeLessThan(0.03);
    // Under the null (iid values) about 5 % of areas fall at p ≤ 0.05: 3000 × 0.05 = 150, sd ≈ 12.
    expect(rejections).toBeGreaterThan(150 - 4 * 12 - 20);
    expect(rejections).toBeLessThan(150 + 4 * 12 + 20);
  });

  it('finds a planted cluster', () => {
    const { xs, ys, w, y } = sample(1000, 5);
    for (let i = 0; i < y.length; i++) if (Math.hypot(xs[i]! - 5000, ys[i]! - 5000) < 1500) y[i]! += 3;
    const l = localMoran(y, w);
    const perm = localMoranPermutations(y, w, l.I, { permutations: 199, seed: 1, m2: m2Of(y) });
    let inside = 0;
    let found = 0;
    for (let i = 0; i < y.length; i++)
      if (Math.hypot(xs[i]! - 5000, ys[i]! - 5000) < 1000) {
        inside++;
        if (perm.pseudoP[i]! <= 0.05) found++;
      }
    expect(found / inside).toBeGreaterThan(0.8);
  });
});
