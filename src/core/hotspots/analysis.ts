import { cellToLatLng } from 'h3-js';
import { type EmergingCategory, emergingCategory } from './emerging.ts';
import { type GiClass, giClass, globalG, localG } from './getis-ord.ts';
import type { AreaSet } from './grids.ts';
import type { HotspotPlan } from './hotspot-query.ts';
import { benjaminiHochberg, twoSidedP, twoSidedPs } from './inference.ts';
import { defaultBandwidth, type NearestNeighbourIndex, nearestNeighbourIndex, quarticDensity } from './kernel-density.ts';
import { type KnoxResult, knoxTest } from './knox.ts';
import { globalMoran, type LisaQuadrant, lisaQuadrant, localMoran } from './moran.ts';
import { localMoranPermutations } from './permutation.ts';
import { mannKendall } from './trend.ts';
import {
  contiguityWeights,
  distanceBandWeights,
  h3RingWeights,
  knnWeights,
  type SpatialWeights,
  transform,
  withSelf,
} from './weights.ts';

export type AreaClass = GiClass | LisaQuadrant | 'not_significant' | 'no_neighbours' | 'no_population' | 'suppressed';

/** One area's result; null where the area was left out (no population for a rate) or has no neighbours. */
export type AreaStatistic = {
  id: string;
  records: number;
  population: number | null;
  value: number | null;
  statistic: number | null;
  z: number | null;
  p: number | null;
  pFdr: number | null;
  class: AreaClass;
};

export type GlobalStatistic = { name: 'General G' | "Moran's I"; value: number; expected: number; z: number; p: number };

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** The weights of a plan on a subset of areas (indices into the set), before any transform. */
export function buildWeights(areas: AreaSet, plan: Pick<HotspotPlan, 'weights'>, subset: readonly number[]): SpatialWeights {
  const xs = Float64Array.from(subset, (i) => areas.xs[i]!);
  const ys = Float64Array.from(subset, (i) => areas.ys[i]!);
  const w = plan.weights;
  switch (w.kind) {
    case 'queen':
    case 'rook':
      // Hexagons touch their six neighbours along edges only: queen and rook are both the first ring.
      if (areas.kind === 'h3') return h3RingWeights(subset.map((i) => areas.ids[i]!), 1);
      return contiguityWeights(subset.map((i) => areas.planar[i]!), w.kind);
    case 'knn':
      return knnWeights(xs, ys, w.k);
    case 'band':
      return distanceBandWeights(xs, ys, w.metres);
    case 'ring':
      return h3RingWeights(subset.map((i) => areas.ids[i]!), w.k);
    default: {
      const never: never = w;
      throw new Error(`unknown weights ${String(never)}`);
    }
  }
}

/** The variable analysed: the count, or the rate per 100,000 where the area has a population above 0. */
function variableOf(areas: AreaSet, counts: Float64Array, variable: HotspotPlan['variable']): { y: Float64Array; subset: number[] } {
  const subset: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (variable === 'count') {
      subset.push(i);
      values.push(counts[i]!);
    } else if (areas.population[i]! > 0) {
      subset.push(i);
      values.push((counts[i]! / areas.population[i]!) * 100_000);
    }
  }
  return { y: Float64Array.from(values), subset };
}

/** Gi, Gi* or local Moran over the areas, with the global statistic beside. */
export function areaStatistics(
  areas: AreaSet,
  counts: Float64Array,
  plan: HotspotPlan,
): { rows: AreaStatistic[]; global: GlobalStatistic | null; islands: string[] } {
  const { y, subset } = variableOf(areas, counts, plan.variable);
  const rows: AreaStatistic[] = areas.ids.map((id, i) => ({
    id,
    records: counts[i]!,
    population: num(areas.population[i]!),
    value: null,
    statistic: null,
    z: null,
    p: null,
    pFdr: null,
    class: 'no_population',
  }));
  if (subset.length < 4) return { rows, global: null, islands: [] };
  const base = buildWeights(areas, plan, subset);
  const islands = base.islands.map((k) => areas.ids[subset[k]!]!);
  let stat: Float64Array;
  let z: Float64Array;
  let p: Float64Array;
  let global: GlobalStatistic;
  let quadrant: ((k: number) => LisaQuadrant) | undefined;
  if (plan.method === 'lisa') {
    const w = transform(base, plan.transform);
    const l = localMoran(y, w);
    stat = l.I;
    z = l.zConditional;
    if (plan.permutations > 0) {
      const m2 = l.centred.reduce((a, v) => a + v * v, 0) / y.length;
      p = localMoranPermutations(y, w, l.I, { permutations: plan.permutations, seed: plan.seed, m2 }).p;
    } else p = twoSidedPs(z);
    const g = globalMoran(y, w);
    global = { name: "Moran's I", value: g.I, expected: g.expected, z: g.zRandom, p: twoSidedP(g.zRandom) };
    quadrant = (k) => lisaQuadrant(l.centred[k]!, l.lag[k]!);
  } else {
    const star = plan.method === 'gistar';
    const w = transform(star ? withSelf(base) : base, plan.transform);
    const g = localG(y, w, { star });
    stat = g.g;
    z = g.z;
    p = twoSidedPs(z);
    const gg = globalG(y, base);
    global = { name: 'General G', value: gg.G, expected: gg.expected, z: gg.z, p: twoSidedP(gg.z) };
  }
  for (const k of base.islands) {
    z[k] = Number.NaN;
    p[k] = Number.NaN;
  }
  const pFdr = benjaminiHochberg(p);
  subset.forEach((i, k) => {
    const row = rows[i]!;
    row.value = y[k]!;
    row.statistic = num(stat[k]!);
    row.z = num(z[k]!);
    row.p = num(p[k]!);
    row.pFdr = num(pFdr[k]!);
    if (Number.isNaN(z[k]!)) row.class = 'no_neighbours';
    else if (quadrant) row.class = pFdr[k]! <= 0.05 ? quadrant(k) : 'not_significant';
    else row.class = giClass(z[k]!, pFdr[k]!);
  });
  return { rows, global, islands };
}

export type EmergingRow = {
  id: string;
  records: number;
  category: EmergingCategory;
  hotSteps: number;
  coldSteps: number;
  trendTau: number | null;
  trendP: number | null;
};

/**
 * Emerging hot-spot analysis over a space-time cube of monthly counts (`steps[t][i]`, oldest first): Gi* per month
 * with the plan's weights (self included), then the category of each area from its z series.
 */
export function emergingHotspots(areas: AreaSet, steps: readonly Float64Array[], plan: HotspotPlan): EmergingRow[] {
  const all = areas.ids.map((_, i) => i);
  const w = transform(withSelf(buildWeights(areas, plan, all)), plan.transform);
  const zs: Float64Array[] = [];
  const ps: Float64Array[] = [];
  for (const counts of steps) {
    const y = plan.variable === 'rate' ? counts.map((c, i) => (areas.population[i]! > 0 ? (c / areas.population[i]!) * 100_000 : 0)) : counts;
    const z = localG(y, w, { star: true }).z;
    zs.push(z.map((v) => (Number.isNaN(v) ? 0 : v)));
    ps.push(twoSidedPs(z).map((v) => (Number.isNaN(v) ? 1 : v)));
  }
  return areas.ids.map((id, i) => {
    const z = zs.map((s) => s[i]!);
    const p = ps.map((s) => s[i]!);
    const trend = mannKendall(z);
    return {
      id,
      records: steps.reduce((a, s) => a + s[i]!, 0),
      category: emergingCategory(z, p),
      hotSteps: z.filter((v, t) => v > 0 && p[t]! <= 0.05).length,
      coldSteps: z.filter((v, t) => v < 0 && p[t]! <= 0.05).length,
      trendTau: num(trend.tau),
      trendP: num(trend.p),
    };
  });
}

export type DensityRow = { id: string; lon: number; lat: number; density: number; support: number };

/**
 * Quartic kernel density at the centres of the grid's cells, in records per km², from the records' resolution-10
 * H3 cells (centres, about 66 m apart) with their counts. The nearest-neighbour index is over those cells.
 */
export function kernelDensity(
  areas: AreaSet,
  r10: ReadonlyMap<string, number>,
  plan: HotspotPlan,
  studyAreaM2: number,
): { rows: DensityRow[]; bandwidth: number; bandwidthRule: boolean; nni: NearestNeighbourIndex } {
  const cells = [...r10.keys()];
  const xs = new Float64Array(cells.length);
  const ys = new Float64Array(cells.length);
  const counts = Float64Array.from(cells, (c) => r10.get(c)!);
  cells.forEach((c, i) => {
    const [lat, lng] = cellToLatLng(c);
    [xs[i], ys[i]] = areas.projection.forward(lng, lat);
  });
  const points = { xs, ys, counts };
  const bandwidth = plan.bandwidth ?? defaultBandwidth(points);
  const { density, support } = quarticDensity(points, { xs: areas.xs, ys: areas.ys }, Number.isFinite(bandwidth) ? bandwidth : 1);
  const rows = areas.ids.map((id, i) => {
    const [lon, lat] = areas.projection.inverse(areas.xs[i]!, areas.ys[i]!);
    return { id, lon, lat, density: density[i]! * 1e6, support: support[i]! };
  });
  return { rows, bandwidth, bandwidthRule: plan.bandwidth === undefined, nni: nearestNeighbourIndex(xs, ys, studyAreaM2) };
}

/** Knox test over records (lon/lat and day number). */
export function knox(areas: Pick<AreaSet, 'projection'>, events: { lon: Float64Array; lat: Float64Array; day: Float64Array }, plan: HotspotPlan): KnoxResult {
  const n = events.lon.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) [xs[i], ys[i]] = areas.projection.forward(events.lon[i]!, events.lat[i]!);
  return knoxTest({ xs, ys, days: events.day }, { distance: plan.distance, days: plan.days, permutations: plan.permutations, seed: plan.seed });
}
