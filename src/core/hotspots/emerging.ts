import { mannKendall } from './trend.ts';

export const emergingCategories = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingPattern = (typeof emergingCategories)[number];
export type EmergingCategory = `${EmergingPattern}_hot` | `${EmergingPattern}_cold` | 'no_pattern';

/**
 * Emerging hot-spot category of one area from its Gi* z and p per time step (oldest first), following ArcGIS Pro's
 * published definitions (Emerging Hot Spot Analysis, "Learn more"): significant = p ≤ `alpha`; the trend is the
 * Mann–Kendall test on the z series at the same level. Written for hot spots; cold spots mirror them.
 * - new: significant in the final step only.
 * - consecutive: one uninterrupted run of ≥ 2 significant steps ending at the final step, never significant before
 *   the run, fewer than 90 % of steps significant.
 * - intensifying / persistent / diminishing: significant in ≥ 90 % of steps including the final one, with a
 *   significant upward trend / no trend / a significant downward trend in intensity.
 * - sporadic: significant in the final step, on and off before, fewer than 90 % of steps significant, never a
 *   significant spot of the opposite kind.
 * - oscillating: significant in the final step, a significant spot of the opposite kind in some earlier step, fewer
 *   than 90 % of steps significant.
 * - historical: not significant in the final step, significant in ≥ 90 % of steps.
 */
export function emergingCategory(z: ArrayLike<number>, p: ArrayLike<number>, alpha = 0.05): EmergingCategory {
  const T = z.length;
  if (T === 0) return 'no_pattern';
  const kind = (t: number): 1 | -1 | 0 => (p[t]! <= alpha ? (z[t]! > 0 ? 1 : -1) : 0);
  const last = kind(T - 1);
  for (const side of [1, -1] as const) {
    const suffix = side === 1 ? '_hot' : '_cold';
    let count = 0;
    let opposite = false;
    for (let t = 0; t < T; t++) {
      const k = kind(t);
      if (k === side) count++;
      else if (k === -side) opposite = true;
    }
    const mostly = count >= 0.9 * T;
    if (last !== side) {
      if (mostly && count > 0) return `historical${suffix}`;
      continue;
    }
    if (mostly) {
      const trend = mannKendall(Array.from(z, (v) => v * side));
      if (trend.p <= alpha) return trend.S > 0 ? `intensifying${suffix}` : `diminishing${suffix}`;
      return `persistent${suffix}`;
    }
    if (count === 1) return `new${suffix}`;
    let run = 0;
    while (run < T && kind(T - 1 - run) === side) run++;
    if (run === count && run >= 2) return `consecutive${suffix}`;
    return opposite ? `oscillating${suffix}` : `sporadic${suffix}`;
  }
  return 'no_pattern';
}
