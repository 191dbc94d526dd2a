import { type Confidence, confidenceOf } from './inference.ts';
import type { SpatialWeights } from './weights.ts';

/**
 * How row-standardised weights enter the z-score of Gi and Gi*:
 * - `spdep` (the platform's default; also ArcGIS and Getis & Ord 1995): z = (Σ w_ij x_j − W_i x̄) /
 *   (s √((N S1_i − W_i²)/(N − 1))), with W_i = Σ w_ij and S1_i = Σ w_ij². It does not change when a row is scaled,
 *   so row-standardised and binary weights give the same z.
 * - `esda` (PySAL): the variance of G_i = Σ w_ij x_j / Σ x_j under randomisation written with W_i only,
 *   W_i (N − W_i) / (N − 1) / N² · s² / x̄², which equals the above for binary weights but not for row-standardised.
 * For Gi, N = n − 1 and x̄, s leave x_i out; for Gi*, N = n.
 */
export type GiConvention = 'spdep' | 'esda';

export type LocalG = { g: Float64Array; z: Float64Array };

/**
 * Local Getis–Ord statistics. For Gi* pass weights that include the area itself (`withSelf` before any
 * transform) and `star: true`. Areas without neighbours get NaN.
 */
export function localG(y: Float64Array, w: SpatialWeights, opts: { star: boolean; convention?: GiConvention }): LocalG {
  const n = y.length;
  const convention = opts.convention ?? 'spdep';
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    sum += y[i]!;
    sum2 += y[i]! * y[i]!;
  }
  const g = new Float64Array(n);
  const z = new Float64Array(n);
  const drop = opts.star ? 0 : 1;
  const N = n - drop;
  const { offsets, neighbours, weights } = w;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const total = sum - drop * yi;
    const mean = total / N;
    const variance = (sum2 - drop * yi * yi) / N - mean * mean;
    let lag = 0;
    let W = 0;
    let S1 = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const wij = weights[e]!;
      lag += wij * y[neighbours[e]!]!;
      W += wij;
      S1 += wij * wij;
    }
    g[i] = lag / total;
    if (W === 0) {
      z[i] = Number.NaN;
      continue;
    }
    if (convention === 'spdep') {
      z[i] = (lag - W * mean) / Math.sqrt((variance * (N * S1 - W * W)) / (N - 1));
    } else {
      const expected = W / N;
      const v = ((W * (N - W)) / (N - 1) / (N * N)) * (variance / (mean * mean));
      z[i] = (g[i]! - expected) / Math.sqrt(v);
    }
  }
  return { g, z };
}

export type GiClass = 'hot_99' | 'hot_95' | 'hot_90' | 'cold_99' | 'cold_95' | 'cold_90' | 'not_significant' | 'no_neighbours';

/** The class of an area from its z and the p that decides (the platform uses the FDR-adjusted p). */
export function giClass(z: number, p: number): GiClass {
  if (Number.isNaN(z)) return 'no_neighbours';
  const c: Confidence = confidenceOf(p);
  if (c === 0) return 'not_significant';
  return `${z > 0 ? 'hot' : 'cold'}_${c}`;
}

export type GlobalG = { G: number; expected: number; variance: number; z: number };

/**
 * Global General G (Getis & Ord 1992) with its analytic moments under randomisation, as esda's `G`:
 * G = Σ_i Σ_j≠i w_ij x_i x_j / Σ_i Σ_j≠i x_i x_j. Expects weights without self-neighbours.
 */
export function globalG(y: Float64Array, w: SpatialWeights): GlobalG {
  const n = y.length;
  const { s0, s1, s2 } = weightSums(w);
  let sy = 0;
  let sy2 = 0;
  let sy3 = 0;
  let sy4 = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    sy += v;
    sy2 += v * v;
    sy3 += v * v * v;
    sy4 += v * v * v * v;
  }
  let num = 0;
  for (let i = 0; i < n; i++)
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) num += w.weights[e]! * y[i]! * y[w.neighbours[e]!]!;
  const G = num / (sy * sy - sy2);
  const expected = s0 / (n * (n - 1));
  const n2 = n * n;
  const s02 = s0 * s0;
  const b0 = (n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02;
  const b1 = -((n2 - n) * s1 - 2 * n * s2 + 6 * s02);
  const b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s02);
  const b3 = 4 * (n - 1) * s1 - 2 * (n + 1) * s2 + 8 * s02;
  const b4 = s1 - s2 + s02;
  const eg2 =
    (b0 * sy2 * sy2 + b1 * sy4 + b2 * sy * sy * sy2 + b3 * sy * sy3 + b4 * sy ** 4) /
    ((sy * sy - sy2) ** 2 * n * (n - 1) * (n - 2) * (n - 3));
  const variance = eg2 - expected * expected;
  return { G, expected, variance, z: (G - expected) / Math.sqrt(variance) };
}

/** S0 = Σ w_ij, S1 = ½ Σ (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)². */
export function weightSums(w: SpatialWeights): { s0: number; s1: number; s2: number } {
  const rowSum = new Float64Array(w.n);
  const colSum = new Float64Array(w.n);
  const entry = new Map<number, number>();
  let s0 = 0;
  for (let i = 0; i < w.n; i++)
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) {
      const j = w.neighbours[e]!;
      const v = w.weights[e]!;
      s0 += v;
      rowSum[i]! += v;
      colSum[j]! += v;
      entry.set(i * w.n + j, v);
    }
  let s1 = 0;
  for (const [key, v] of entry) {
    const i = Math.floor(key / w.n);
    const j = key - i * w.n;
    const t = entry.get(j * w.n + i) ?? 0;
    // Ordered pairs (i, j) and (j, i) both add ½ (w_ij + w_ji)²: a pair stored both ways is visited twice, a
    // one-way pair once.
    s1 += t === 0 ? v * v : 0.5 * (v + t) ** 2;
  }
  let s2 = 0;
  for (let i = 0; i < w.n; i++) s2 += (rowSum[i]! + colSum[i]!) ** 2;
  return { s0, s1, s2 };
}
