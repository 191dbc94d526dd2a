import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { twoSidedP } from './inference.ts';
import type { SpatialWeights } from './weights.ts';

export type PermutationResult = {
  /** Two-sided p of the permutation z (spdep `localmoran_perm`'s "Pr(z != E(Ii)) Sim"); continuous, so the FDR can act. */
  p: Float64Array;
  /** Two-sided rank-based pseudo p: min(1, 2 · (min(#I* ≥ I, #I* ≤ I) + 1) / (R + 1)); it cannot go below 2/(R + 1). */
  pseudoP: Float64Array;
  /** (I − mean I*) / sd I*, from the permutations. */
  z: Float64Array;
};

/**
 * Conditional permutation inference for local Moran's I (Anselin 1995): for each area, x_i is held and its
 * |N(i)| neighbours' values are drawn without replacement from the other n − 1 values (a partial Fisher–Yates
 * shuffle), `permutations` times, with the seeded xoroshiro128+ generator of pure-rand. The same seed gives the same
 * answer.
 */
export function localMoranPermutations(
  y: Float64Array,
  w: SpatialWeights,
  observed: Float64Array,
  opts: { permutations: number; seed: number; m2: number },
): PermutationResult {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]!;
  mean /= n;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = y[i]! - mean;
  const rng = xoroshiro128plus(opts.seed);
  const R = opts.permutations;
  const p = new Float64Array(n);
  const pseudoP = new Float64Array(n);
  const zs = new Float64Array(n);
  const pool = new Int32Array(n);
  const where = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pool[i] = i;
    where[i] = i;
  }
  for (let i = 0; i < n; i++) {
    const start = w.offsets[i]!;
    const k = w.offsets[i + 1]! - start;
    if (k === 0) {
      p[i] = Number.NaN;
      pseudoP[i] = Number.NaN;
      zs[i] = Number.NaN;
      continue;
    }
    const obs = observed[i]!;
    const factor = z[i]! / opts.m2;
    let ge = 0;
    let le = 0;
    let s = 0;
    let s2 = 0;
    // Values other than i live in pool[0..n-2] once i is swapped to the end.
    swap(pool, where[i]!, n - 1, where);
    for (let r = 0; r < R; r++) {
      let lag = 0;
      for (let t = 0; t < k; t++) {
        // t + ⌊u · (n − 1 − t)⌋ with u from the generator's 32 bits: a bias below (n − 1)/2³² per draw.
        const pick = t + Math.floor(((rng.next() >>> 0) / 4_294_967_296) * (n - 1 - t));
        swap(pool, t, pick, where);
        lag += w.weights[start + t]! * z[pool[t]!]!;
      }
      const v = factor * lag;
      if (v >= obs) ge++;
      if (v <= obs) le++;
      s += v;
      s2 += v * v;
    }
    const m = s / R;
    const sd = Math.sqrt(Math.max(s2 / R - m * m, 0) * (R / (R - 1)));
    pseudoP[i] = Math.min(1, (2 * (Math.min(ge, le) + 1)) / (R + 1));
    zs[i] = (obs - m) / sd;
    p[i] = twoSidedP(zs[i]!);
  }
  return { p, pseudoP, z: zs };
}

function swap(a: Int32Array, i: number, j: number, where: Int32Array) {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
  where[a[i]!] = i;
  where[t] = j;
}
