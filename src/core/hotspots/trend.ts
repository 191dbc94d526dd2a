import { twoSidedP } from './inference.ts';

export type MannKendall = { S: number; variance: number; z: number; p: number; tau: number };

/**
 * Mann–Kendall trend test: S = Σ_{i<j} sign(x_j − x_i), variance n(n−1)(2n+5)/18 less the ties term, z with a
 * continuity correction of 1, p two-sided (as R's `cor.test(t, x, method = "kendall", exact = FALSE)`).
 */
export function mannKendall(x: ArrayLike<number>): MannKendall {
  const n = x.length;
  let S = 0;
  for (let i = 0; i < n - 1; i++) for (let j = i + 1; j < n; j++) S += Math.sign(x[j]! - x[i]!);
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(x[i]!, (counts.get(x[i]!) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = variance > 0 ? (S - Math.sign(S)) / Math.sqrt(variance) : 0;
  return { S, variance, z, p: variance > 0 ? twoSidedP(z) : 1, tau: n > 1 ? S / ((n * (n - 1)) / 2) : Number.NaN };
}
