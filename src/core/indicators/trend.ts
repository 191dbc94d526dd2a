import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * Poisson regression of yearly counts on the year with log(population) as offset:
 *   log E[count_y] = log(pop_y) + b0 + b1 · (y − ȳ)
 * fitted by iteratively reweighted least squares (IRLS), written here because no maintained JavaScript GLM
 * library exists. Two parameters, so the normal equations are a 2 × 2 solve. Checked against R `glm(family =
 * poisson, offset = log(pop))` (fixtures/poisson-trend.R).
 */
export type YearPoint = { year: number; count: number; population: number };

export type TrendFit = {
  /** Intercept at the centre year and slope per year, on the log scale. */
  b0: number;
  b1: number;
  se0: number;
  se1: number;
  cov01: number;
  centre: number;
  iterations: number;
  deviance: number;
  /** Annual change of the rate, as a ratio (e.g. 0.95 = −5 % a year). */
  annualRatio: number;
};

export function fitPoissonTrend(points: readonly YearPoint[], maxIterations = 50, tolerance = 1e-10): TrendFit | undefined {
  const usable = points.filter((p) => p.population > 0);
  if (usable.length < 2 || new Set(usable.map((p) => p.year)).size < 2) return undefined;
  if (usable.every((p) => p.count === 0)) return undefined;
  const centre = usable.reduce((s, p) => s + p.year, 0) / usable.length;
  const x = usable.map((p) => p.year - centre);
  const offset = usable.map((p) => Math.log(p.population));
  const y = usable.map((p) => p.count);
  // Start as R does: mu = y + 0.1 (poisson()$initialize uses y + 0.1).
  let eta = y.map((v) => Math.log(v + 0.1));
  let b0 = 0;
  let b1 = 0;
  let deviance = Number.POSITIVE_INFINITY;
  let iterations = 0;
  let inv = [0, 0, 0];
  for (; iterations < maxIterations; iterations++) {
    let s00 = 0;
    let s01 = 0;
    let s11 = 0;
    let t0 = 0;
    let t1 = 0;
    for (let i = 0; i < y.length; i++) {
      const mu = Math.exp(eta[i]!);
      const z = eta[i]! - offset[i]! + (y[i]! - mu) / mu;
      s00 += mu;
      s01 += mu * x[i]!;
      s11 += mu * x[i]! * x[i]!;
      t0 += mu * z;
      t1 += mu * x[i]! * z;
    }
    const det = s00 * s11 - s01 * s01;
    if (!(Math.abs(det) > 0)) return undefined;
    inv = [s11 / det, -s01 / det, s00 / det];
    b0 = inv[0]! * t0 + inv[1]! * t1;
    b1 = inv[1]! * t0 + inv[2]! * t1;
    eta = x.map((xi, i) => offset[i]! + b0 + b1 * xi);
    const dev = poissonDeviance(y, eta);
    if (Math.abs(dev - deviance) / (Math.abs(dev) + 0.1) < tolerance) {
      deviance = dev;
      iterations++;
      break;
    }
    deviance = dev;
  }
  // Covariance at the final estimates.
  let s00 = 0;
  let s01 = 0;
  let s11 = 0;
  for (let i = 0; i < y.length; i++) {
    const mu = Math.exp(eta[i]!);
    s00 += mu;
    s01 += mu * x[i]!;
    s11 += mu * x[i]! * x[i]!;
  }
  const det = s00 * s11 - s01 * s01;
  inv = [s11 / det, -s01 / det, s00 / det];
  return {
    b0,
    b1,
    se0: Math.sqrt(inv[0]!),
    se1: Math.sqrt(inv[2]!),
    cov01: inv[1]!,
    centre,
    iterations,
    deviance,
    annualRatio: Math.exp(b1),
  };
}

function poissonDeviance(y: readonly number[], eta: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const mu = Math.exp(eta[i]!);
    d += 2 * ((y[i]! > 0 ? y[i]! * Math.log(y[i]! / mu) : 0) - (y[i]! - mu));
  }
  return d;
}

/** The fitted rate per `per` in a year, with its Wald 95% interval on the log scale. */
export function projectRate(fit: TrendFit, year: number, per = 100_000, level = 0.95): { value: number; lower: number; upper: number } {
  const d = year - fit.centre;
  const eta = fit.b0 + fit.b1 * d;
  const se = Math.sqrt(fit.se0 ** 2 + 2 * d * fit.cov01 + d * d * fit.se1 ** 2);
  const z = normalQuantile(1 - (1 - level) / 2, 0, 1);
  return { value: Math.exp(eta) * per, lower: Math.exp(eta - z * se) * per, upper: Math.exp(eta + z * se) * per };
}

export type ProgressStatus = 'on_track' | 'off_track' | 'uncertain' | 'no_data';

/**
 * On track when the projection to the target year reaches the target (at or below it when the target is below the
 * baseline, at or above it otherwise); off track when the projection's whole 95% interval misses it; uncertain
 * otherwise (issue 5, scope 4).
 */
export function progressStatus(
  projection: { value: number; lower: number; upper: number } | undefined,
  baseline: number,
  target: number,
): ProgressStatus {
  if (!projection) return 'no_data';
  const down = target <= baseline;
  const reaches = down ? projection.value <= target : projection.value >= target;
  if (reaches) return 'on_track';
  const misses = down ? projection.lower > target : projection.upper < target;
  return misses ? 'off_track' : 'uncertain';
}
