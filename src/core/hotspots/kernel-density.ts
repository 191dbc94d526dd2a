import Flatbush from 'flatbush';

/**
 * Quartic (biweight) kernel density, as ArcGIS Kernel Density and CrimeStat use it:
 * f(p) = Σ_i c_i · 3/(π h²) · (1 − d_i²/h²)² over the points closer than h, in records per square metre.
 * Points are planar (metres) with a count each; `support` is the number of records within h of each location,
 * which public outputs use to drop kernels resting on fewer records than the threshold (DESIGN §6).
 */
export function quarticDensity(
  points: { xs: Float64Array; ys: Float64Array; counts: Float64Array },
  at: { xs: Float64Array; ys: Float64Array },
  bandwidth: number,
): { density: Float64Array; support: Float64Array } {
  const n = points.xs.length;
  const m = at.xs.length;
  const density = new Float64Array(m);
  const support = new Float64Array(m);
  if (n === 0) return { density, support };
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(points.xs[i]!, points.ys[i]!, points.xs[i]!, points.ys[i]!);
  index.finish();
  const h2 = bandwidth * bandwidth;
  const scale = 3 / (Math.PI * h2);
  for (let k = 0; k < m; k++) {
    const x = at.xs[k]!;
    const y = at.ys[k]!;
    let f = 0;
    let s = 0;
    for (const i of index.search(x - bandwidth, y - bandwidth, x + bandwidth, y + bandwidth)) {
      const d2 = (points.xs[i]! - x) ** 2 + (points.ys[i]! - y) ** 2;
      if (d2 >= h2) continue;
      const u = 1 - d2 / h2;
      f += points.counts[i]! * u * u;
      s += points.counts[i]!;
    }
    density[k] = f * scale;
    support[k] = s;
  }
  return { density, support };
}

/**
 * The bandwidth rule of ArcGIS Kernel Density (Silverman's rule of thumb made spatial and robust to outliers):
 * h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(−0.2), with SD the standard distance of the points about their mean centre,
 * Dm the median distance from that centre and n the number of records (counts are weights).
 */
export function defaultBandwidth(points: { xs: Float64Array; ys: Float64Array; counts: Float64Array }): number {
  const n = points.xs.length;
  let total = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    total += points.counts[i]!;
    mx += points.counts[i]! * points.xs[i]!;
    my += points.counts[i]! * points.ys[i]!;
  }
  if (total === 0) return Number.NaN;
  mx /= total;
  my /= total;
  const dist: { d: number; c: number }[] = [];
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (points.xs[i]! - mx) ** 2 + (points.ys[i]! - my) ** 2;
    ss += points.counts[i]! * d2;
    dist.push({ d: Math.sqrt(d2), c: points.counts[i]! });
  }
  const sd = Math.sqrt(ss / total);
  dist.sort((a, b) => a.d - b.d);
  let acc = 0;
  let median = 0;
  for (const { d, c } of dist) {
    acc += c;
    if (acc >= total / 2) {
      median = d;
      break;
    }
  }
  return 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * median) * total ** -0.2;
}

export type NearestNeighbourIndex = { observed: number; expected: number; ratio: number; z: number; n: number };

/**
 * Clark & Evans' nearest-neighbour index over distinct points in a study area of `areaM2`: the mean distance to
 * the nearest other point against 0.5/√(n/A), with standard error 0.26136/√(n²/A). A ratio under 1 means
 * clustering, over 1 dispersion.
 */
export function nearestNeighbourIndex(xs: Float64Array, ys: Float64Array, areaM2: number): NearestNeighbourIndex {
  const n = xs.length;
  if (n < 2) return { observed: Number.NaN, expected: Number.NaN, ratio: Number.NaN, z: Number.NaN, n };
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(xs[i]!, ys[i]!, xs[i]!, ys[i]!);
  index.finish();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const j = index.neighbors(xs[i]!, ys[i]!, 1, Number.POSITIVE_INFINITY, (k) => k !== i)[0]!;
    sum += Math.hypot(xs[j]! - xs[i]!, ys[j]! - ys[i]!);
  }
  const observed = sum / n;
  const expected = 0.5 / Math.sqrt(n / areaM2);
  const se = 0.26136 / Math.sqrt((n * n) / areaM2);
  return { observed, expected, ratio: observed / expected, z: (observed - expected) / se, n };
}
