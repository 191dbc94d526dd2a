import { weightSums } from './getis-ord.ts';
import type { SpatialWeights } from './weights.ts';

export type GlobalMoran = {
  I: number;
  expected: number;
  /** Variance under normality and under randomisation (spdep's `moran.test(randomisation = TRUE)`). */
  varianceNormal: number;
  varianceRandom: number;
  zNormal: number;
  zRandom: number;
};

/** Global Moran's I, I = n / S0 · Σ w_ij z_i z_j / Σ z_i², with its analytic moments (Cliff & Ord). */
export function globalMoran(y: Float64Array, w: SpatialWeights): GlobalMoran {
  const n = y.length;
  const z = centre(y);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    m2 += z[i]! * z[i]!;
    m4 += z[i]! ** 4;
  }
  let cross = 0;
  for (let i = 0; i < n; i++)
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) cross += w.weights[e]! * z[i]! * z[w.neighbours[e]!]!;
  const { s0, s1, s2 } = weightSums(w);
  const I = (n / s0) * (cross / m2);
  const expected = -1 / (n - 1);
  const s02 = s0 * s0;
  const varianceNormal = (n * n * s1 - n * s2 + 3 * s02) / ((n * n - 1) * s02) - expected * expected;
  const b2 = (n * m4) / (m2 * m2);
  const varianceRandom =
    (n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s02) - b2 * ((n * n - n) * s1 - 2 * n * s2 + 6 * s02)) /
      ((n - 1) * (n - 2) * (n - 3) * s02) -
    expected * expected;
  return {
    I,
    expected,
    varianceNormal,
    varianceRandom,
    zNormal: (I - expected) / Math.sqrt(varianceNormal),
    zRandom: (I - expected) / Math.sqrt(varianceRandom),
  };
}

/**
 * Scaling of local Moran's I_i = z_i Σ w_ij z_j / m2: `n` divides Σ z² by n (spdep's default `mlvar = TRUE`,
 * GeoDa) and is the platform's; `n-1` divides by n − 1 (PySAL esda, spdep `mlvar = FALSE`), which multiplies
 * every I_i by (n − 1)/n.
 */
export type LocalMoranScaling = 'n' | 'n-1';

export type LocalMoran = {
  I: Float64Array;
  /** Expectation and variance under total randomisation (spdep `localmoran(conditional = FALSE)`). */
  expected: Float64Array;
  variance: Float64Array;
  z: Float64Array;
  /** The same under conditional randomisation, x_i held fixed (spdep ≥ 1.2 default, `conditional = TRUE`). */
  expectedConditional: Float64Array;
  varianceConditional: Float64Array;
  zConditional: Float64Array;
  /** z_i and the spatial lag Σ w_ij z_j, for the LISA quadrant. */
  centred: Float64Array;
  lag: Float64Array;
};

export function localMoran(y: Float64Array, w: SpatialWeights, scaling: LocalMoranScaling = 'n'): LocalMoran {
  const n = y.length;
  const z = centre(y);
  let sz2 = 0;
  let sz4 = 0;
  for (let i = 0; i < n; i++) {
    sz2 += z[i]! * z[i]!;
    sz4 += z[i]! ** 4;
  }
  const m2 = sz2 / (scaling === 'n' ? n : n - 1);
  const b2 = sz4 / n / (sz2 / n) ** 2;
  const I = new Float64Array(n);
  const lag = new Float64Array(n);
  const expected = new Float64Array(n);
  const variance = new Float64Array(n);
  const zs = new Float64Array(n);
  const expectedC = new Float64Array(n);
  const varianceC = new Float64Array(n);
  const zc = new Float64Array(n);
  const A = (n - b2) / (n - 1);
  const B = (2 * b2 - n) / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) {
    let l = 0;
    let W = 0;
    let W2 = 0;
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) {
      const v = w.weights[e]!;
      l += v * z[w.neighbours[e]!]!;
      W += v;
      W2 += v * v;
    }
    lag[i] = l;
    I[i] = (z[i]! / m2) * l;
    expected[i] = -W / (n - 1);
    variance[i] = A * W2 + B * (W * W - W2) - expected[i]! ** 2;
    zs[i] = (I[i]! - expected[i]!) / Math.sqrt(variance[i]!);
    const zi2 = z[i]! * z[i]!;
    expectedC[i] = -(zi2 * W) / ((n - 1) * m2);
    varianceC[i] = (zi2 / (m2 * m2)) * (n / (n - 2)) * (W2 - (W * W) / (n - 1)) * (m2 - zi2 / (n - 1));
    zc[i] = (I[i]! - expectedC[i]!) / Math.sqrt(varianceC[i]!);
  }
  return {
    I,
    expected,
    variance,
    z: zs,
    expectedConditional: expectedC,
    varianceConditional: varianceC,
    zConditional: zc,
    centred: z,
    lag,
  };
}

export type LisaQuadrant = 'high_high' | 'low_low' | 'high_low' | 'low_high';

/** The LISA quadrant of an area: its own deviation from the mean and that of its neighbours (mean-centred). */
export function lisaQuadrant(centred: number, lag: number): LisaQuadrant {
  if (centred >= 0) return lag >= 0 ? 'high_high' : 'high_low';
  return lag >= 0 ? 'low_high' : 'low_low';
}

function centre(y: Float64Array): Float64Array {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  const z = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) z[i] = y[i]! - mean;
  return z;
}
