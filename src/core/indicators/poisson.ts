import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

/**
 * Exact (Garwood) 95% limits of a Poisson count, through the chi-square link (Ulm 1990, Am J Epidemiol 131:373):
 * lower = χ²(α/2; 2x) / 2 (0 when x = 0), upper = χ²(1 − α/2; 2x + 2) / 2.
 */
export function poissonLimits(count: number, level = 0.95): { lower: number; upper: number } {
  // The limits depend on the count alone: those of the usual level are kept (counts are integers, so few of them).
  const memo = level === 0.95 && Number.isInteger(count) && count >= 0 && count <= MEMO_MAX;
  if (memo) {
    const hit = limits95.get(count);
    if (hit) return hit;
  }
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  const out = Object.freeze({ lower, upper });
  if (memo) limits95.set(count, out);
  return out;
}

/** Counts whose limits are kept: beyond, each is computed again (a bound on the memory the cache can hold). */
const MEMO_MAX = 100_000;
const limits95 = new Map<number, Readonly<{ lower: number; upper: number }>>();

/** A rate per `per` person-years with its exact interval; null when there is no exposure. */
export function poissonRate(
  count: number,
  personYears: number,
  per = 100_000,
): { value: number | null; lower: number | null; upper: number | null } {
  if (!(personYears > 0)) return { value: null, lower: null, upper: null };
  const { lower, upper } = poissonLimits(count);
  const scale = per / personYears;
  return { value: count * scale, lower: lower * scale, upper: upper * scale };
}
