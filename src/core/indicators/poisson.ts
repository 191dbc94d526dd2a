import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

/**
 * Exact (Garwood) 95% limits of a Poisson count, through the chi-square link (Ulm 1990, Am J Epidemiol 131:373):
 * lower = χ²(α/2; 2x) / 2 (0 when x = 0), upper = χ²(1 − α/2; 2x + 2) / 2.
 */
export function poissonLimits(count: number, level = 0.95): { lower: number; upper: number } {
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : chisquareQuantile(alpha / 2, 2 * count) / 2;
  const upper = chisquareQuantile(1 - alpha / 2, 2 * count + 2) / 2;
  return { lower, upper };
}

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
