import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Two-sided p-value of a standard normal z-score (NaN stays NaN). */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

export function twoSidedPs(z: Float64Array): Float64Array {
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) p[i] = twoSidedP(z[i]!);
  return p;
}

/**
 * Benjamini–Hochberg adjusted p-values (as R's `p.adjust(p, "BH")`): p_(i)·m/i, made monotone from the largest
 * down and capped at 1. NaN entries (islands, suppressed areas) are left out of m and stay NaN.
 */
export function benjaminiHochberg(p: Float64Array): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) order.push(i);
  order.sort((a, b) => p[a]! - p[b]!);
  const m = order.length;
  const out = new Float64Array(p.length).fill(Number.NaN);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r]!;
    running = Math.min(running, (p[i]! * m) / (r + 1));
    out[i] = running;
  }
  return out;
}

/** Confidence classes of a two-sided test, as ArcGIS's Hot Spot Analysis bins them. */
export type Confidence = 99 | 95 | 90 | 0;

export function confidenceOf(p: number): Confidence {
  if (Number.isNaN(p)) return 0;
  if (p <= 0.01) return 99;
  if (p <= 0.05) return 95;
  if (p <= 0.1) return 90;
  return 0;
}
