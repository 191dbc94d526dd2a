import { cellToLatLng, cellToParent, getResolution } from 'h3-js';
import { DomainError } from '../../core/errors.ts';
import { areaStatistics, emergingHotspots, kernelDensity, knox } from '../../core/hotspots/analysis.ts';
import { type AreaSet, type AreaUnit, h3Areas, projectionFor, squareAreas, suggestedResolution, unitAreas } from '../../core/hotspots/grids.ts';
import { gridText, type HotspotPlan, type HotspotQuery, planHotspots, weightsText } from '../../core/hotspots/hotspot-query.ts';
import { type HotspotParameters, type HotspotResult, publicResult } from '../../core/hotspots/hotspot-result.ts';
import { monthStart, planBounds } from '../../core/incidents/summary.ts';
import type { CityService } from '../cities/city.service.ts';
import type { IncidentSummaryService } from '../incidents/incident-summary.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import type { HotspotRepository } from './hotspot.repository.ts';

export type HotspotAccess = 'exact' | 'public';

/** Records read for the Knox test at most (its pairs grow with the square of the records). */
export const KNOX_MAX_EVENTS = 20_000;

/**
 * Hotspot analysis of a city's records on its units, an H3 grid or a square grid (issue: hotspot analysis).
 * Counts come from the aggregates imports maintain; all maths is in core/hotspots.
 */
export class HotspotService {
  constructor(
    private readonly repo: HotspotRepository,
    private readonly cities: CityService,
    private readonly units: UnitService,
    private readonly summaries: IncidentSummaryService,
  ) {}

  async analyse(citySlug: string, query: HotspotQuery, access: HotspotAccess): Promise<HotspotResult> {
    const city = await this.cities.get(citySlug);
    const plan = planHotspots(query);
    const notes: string[] = [`Days and months are counted in ${city.timezone}.`];
    const levels = await this.units.levels(citySlug);
    const level = levels.filter((l) => l.units > 0).reduce<number | undefined>((a, l) => (a === undefined || l.level > a ? l.level : a), undefined);
    const year = plan.to ? Number(plan.to.slice(0, 4)) : undefined;
    const collection = level === undefined ? { features: [] } : await this.units.featureCollection(citySlug, { level, year });
    const units: AreaUnit[] = collection.features.map((f) => ({ code: f.properties.unit, geometry: f.geometry, population: f.properties.population }));
    if (level !== undefined) notes.push(`Units of level ${level} (the finest).`);
    const bounds = planBounds(plan.from, plan.to);
    const r10 = await this.repo.cellCounts(city.id, bounds.months, bounds.days, plan.iccs);
    const suggested = suggestedResolution(r10);
    const parameters: HotspotParameters = {
      method: plan.method,
      grid: gridText(plan.grid),
      weights: weightsText(plan.weights),
      transform: plan.transform,
      variable: plan.variable,
      permutations: plan.permutations,
      seed: plan.seed,
      from: plan.from ?? null,
      to: plan.to ?? null,
      iccs: plan.iccs ?? null,
      bandwidth: null,
      distance: plan.method === 'knox' ? plan.distance : null,
      days: plan.method === 'knox' ? plan.days : null,
      suggestedH3: r10.size > 0 ? suggested.res : null,
      exact: access === 'exact',
    };
    if (plan.grid.kind === 'h3' && r10.size > 0 && plan.grid.res !== suggested.res) {
      notes.push(`Suggested H3 resolution for these records: ${suggested.res} (the finest where cells holding records hold 10 or more on average).`);
    }
    const result = await this.run(city.id, citySlug, plan, units, r10, parameters, notes);
    return access === 'exact' ? result : publicResult(result);
  }

  private async run(
    cityId: number,
    citySlug: string,
    plan: HotspotPlan,
    units: AreaUnit[],
    r10: Map<string, number>,
    parameters: HotspotParameters,
    notes: string[],
  ): Promise<HotspotResult> {
    if (plan.method === 'knox') {
      const events = await this.repo.events(cityId, plan.from, plan.to, plan.iccs, KNOX_MAX_EVENTS + 1);
      if (events.length > KNOX_MAX_EVENTS) {
        throw new DomainError('validation', `from: the period holds more than ${KNOX_MAX_EVENTS} located records; narrow from/to or iccs for the Knox test`, { field: 'from' });
      }
      const projection = projectionFor(units, [...r10.keys()]);
      const k = knox({ projection }, { lon: Float64Array.from(events, (e) => e.lon), lat: Float64Array.from(events, (e) => e.lat), day: Float64Array.from(events, (e) => e.day) }, plan);
      notes.push(
        `Knox test on ${events.length} located records: pairs closer than ${plan.distance} m and ${plan.days} days; p from ${plan.permutations} random shuffles of the days (seed ${plan.seed}). The grid and weights do not apply.`,
      );
      return { kind: 'knox', knox: k, parameters, notes };
    }
    const areas = this.areaSet(plan, units, r10);
    if (areas.kind === 'h3' && (plan.weights.kind === 'queen' || plan.weights.kind === 'rook')) {
      notes.push(`${plan.weights.kind} on hexagons is the first ring (ring:1): H3 cells touch their six neighbours along edges only.`);
    }
    const idColumn = areas.kind === 'units' ? 'unit' : 'cell';
    if (areas.kind !== 'units' && plan.variable === 'rate') {
      notes.push('Population of grid cells is interpolated from the units by area: each unit’s population is spread evenly over its area.');
    }
    if (plan.variable === 'rate') {
      if (!units.some((u) => u.population !== null)) throw new DomainError('validation', 'variable: the city has no population figures; use count', { field: 'variable' });
      notes.push('Rates are per 100,000 residents; areas without population are left out (class no_population).');
    }
    if (plan.method === 'emerging') return this.emerging(cityId, citySlug, plan, areas, parameters, notes, idColumn);
    const counts = await this.countsOn(areas, citySlug, plan, r10, notes);
    if (plan.method === 'kde') {
      const studyArea = units.length > 0 ? unitAreasM2(units) : areas.ids.length * cellArea(areas);
      const k = kernelDensity(areas, r10, plan, studyArea);
      parameters.bandwidth = Math.round(k.bandwidth * 10) / 10;
      notes.push(
        `Quartic kernel, bandwidth ${parameters.bandwidth} m${k.bandwidthRule ? ' by the rule 0.9 · min(SD, √(1/ln 2) · Dm) · n^−0.2 (ArcGIS Kernel Density)' : ' as given'}; density in records per km² at cell centres, from the records’ resolution-10 H3 cells.`,
        `Nearest-neighbour index of the cells holding records: ${fmt(k.nni.ratio)} (z ${fmt(k.nni.z)}; under 1 means clustered).`,
      );
      return { kind: 'density', rows: k.rows.map((r, i) => ({ ...r, geometry: areas.geometries[i]! })), parameters, notes };
    }
    const s = areaStatistics(areas, counts, plan);
    if (s.islands.length > 0) {
      notes.push(`${s.islands.length} areas have no neighbours with these weights (class no_neighbours): ${s.islands.slice(0, 20).join(', ')}${s.islands.length > 20 ? ', …' : ''}.`);
    }
    if (plan.method === 'lisa') {
      notes.push(
        plan.permutations > 0
          ? `p two-sided from the mean and spread of ${plan.permutations} conditional permutations (seed ${plan.seed}), as spdep localmoran_perm's Pr(z != E(Ii)) Sim; z from the analytic conditional moments (spdep localmoran).`
          : 'p two-sided from the analytic conditional moments (spdep localmoran).',
        "Local Moran's I divides by Σz²/n (spdep, GeoDa); PySAL esda's values are these times (n − 1)/n.",
      );
    } else {
      notes.push('z by Getis & Ord (1995), unchanged by row standardisation (as spdep and ArcGIS; PySAL esda differs for row-standardised weights).');
    }
    notes.push('p is two-sided; p_fdr is Benjamini–Hochberg adjusted, and the class is decided by p_fdr at 90, 95 and 99 % confidence.');
    return { kind: 'areas', idColumn, rows: s.rows.map((r, i) => ({ ...r, geometry: areas.geometries[i]! })), global: s.global, islands: s.islands, parameters, notes };
  }

  private areaSet(plan: HotspotPlan, units: AreaUnit[], r10: Map<string, number>): AreaSet {
    try {
      switch (plan.grid.kind) {
        case 'units':
          if (units.length < 4) throw new DomainError('validation', 'grid: the city has fewer than four units; use h3:<res> or square:<metres>', { field: 'grid' });
          return unitAreas(units);
        case 'h3':
          return h3Areas(units, plan.grid.res, [...r10.keys()]);
        case 'square':
          return squareAreas(units, plan.grid.metres, [...r10.keys()].map((c) => lngLat(c)));
        default: {
          const never: never = plan.grid;
          throw new Error(`unknown grid ${String(never)}`);
        }
      }
    } catch (e) {
      if (e instanceof RangeError) throw new DomainError('validation', `grid: ${e.message}; choose larger cells`, { field: 'grid' });
      throw e;
    }
  }

  /** Counts per area: units from the incident summary (its edge-month handling), grids from the H3 cells. */
  private async countsOn(areas: AreaSet, citySlug: string, plan: HotspotPlan, r10: Map<string, number>, notes: string[]): Promise<Float64Array> {
    const counts = new Float64Array(areas.ids.length);
    const at = new Map(areas.ids.map((id, i) => [id, i]));
    if (areas.kind === 'units') {
      const summary = await this.summaries.summary(citySlug, { by: ['unit'], from: plan.from, to: plan.to, iccs: plan.iccs }, 'exact');
      for (const r of summary.rows) {
        const i = at.get(r.unit ?? '');
        if (i !== undefined) counts[i] = r.count ?? 0;
        else if (r.unit === 'outside' && (r.count ?? 0) > 0) notes.push(`${r.count} records outside every unit are left out.`);
      }
      return counts;
    }
    const toArea = cellMapper(areas);
    for (const [cell, n] of r10) {
      const i = at.get(toArea(cell));
      if (i !== undefined) counts[i]! += n;
    }
    if (areas.kind === 'square') notes.push('Records are placed in square cells by the centre of their resolution-10 H3 cell (about 66 m across).');
    return counts;
  }

  private async emerging(
    cityId: number,
    citySlug: string,
    plan: HotspotPlan,
    areas: AreaSet,
    parameters: HotspotParameters,
    notes: string[],
    idColumn: 'unit' | 'cell',
  ): Promise<HotspotResult> {
    const months = { from: plan.from ? monthStart(plan.from) : undefined, to: plan.to ? monthStart(plan.to) : undefined };
    const at = new Map(areas.ids.map((id, i) => [id, i]));
    const byMonth = new Map<string, Float64Array>();
    const slot = (m: string) => {
      let s = byMonth.get(m);
      if (!s) {
        s = new Float64Array(areas.ids.length);
        byMonth.set(m, s);
      }
      return s;
    };
    if (areas.kind === 'units') {
      const from = months.from;
      const to = months.to ? endOfMonth(months.to) : undefined;
      const summary = await this.summaries.summary(citySlug, { by: ['unit', 'month'], from, to, iccs: plan.iccs }, 'exact');
      for (const r of summary.rows) {
        const i = at.get(r.unit ?? '');
        if (i !== undefined && r.month) slot(r.month)[i]! += r.count ?? 0;
      }
    } else {
      const toArea = cellMapper(areas);
      for (const r of await this.repo.cellMonthCounts(cityId, months, plan.iccs)) {
        const i = at.get(toArea(r.cell));
        if (i !== undefined) slot(r.month)[i]! += r.n;
      }
    }
    const keys = [...byMonth.keys()].sort();
    if (keys.length === 0) throw new DomainError('validation', 'from: no records in the period', { field: 'from' });
    const steps: Float64Array[] = [];
    for (let m = keys[0]!; m <= keys[keys.length - 1]!; m = nextMonth(m)) steps.push(byMonth.get(m) ?? new Float64Array(areas.ids.length));
    if (steps.length < 4) throw new DomainError('validation', `from: emerging hot spots need at least 4 months; the period has ${steps.length}`, { field: 'from' });
    const rows = emergingHotspots(areas, steps, plan);
    notes.push(
      `Space-time cube of ${steps.length} monthly steps from ${keys[0]} (whole months: from/to are widened to the months they fall in). Gi* per month with these weights; significant at p ≤ 0.05 (two-sided); trend by Mann–Kendall on the Gi* z series.`,
    );
    if (steps.length < 10) notes.push('Fewer than 10 time steps: categories rest on short series (ArcGIS asks for at least 10).');
    return { kind: 'emerging', idColumn, rows: rows.map((r, i) => ({ ...r, geometry: areas.geometries[i]! })), parameters, notes };
  }
}

function lngLat(cell: string): [number, number] {
  const [lat, lng] = cellToLatLng(cell);
  return [lng, lat];
}

/** Where a resolution-10 cell's records go in a grid: the parent cell, or the square holding its centre. */
function cellMapper(areas: AreaSet): (cell: string) => string {
  if (areas.kind === 'h3') {
    const res = areas.ids[0] ? getResolution(areas.ids[0]) : 10;
    return (cell) => (getResolution(cell) === res ? cell : cellToParent(cell, res));
  }
  const metres = squareSide(areas);
  return (cell) => {
    const [x, y] = areas.projection.forward(...lngLat(cell));
    return `${Math.floor(x / metres)}_${Math.floor(y / metres)}`;
  };
}

function squareSide(areas: AreaSet): number {
  const ring = (areas.planar[0]?.[0]?.[0] ?? []) as number[][];
  return Math.abs(ring[1]![0]! - ring[0]![0]!);
}

function cellArea(areas: AreaSet): number {
  const ring = areas.planar[0]?.[0]?.[0];
  if (!ring) return 1;
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(a / 2);
}

function unitAreasM2(units: AreaUnit[]): number {
  const set = unitAreas(units);
  let total = 0;
  for (const area of set.planar)
    for (const poly of area)
      poly.forEach((ring, r) => {
        let a = 0;
        for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
        total += r === 0 ? Math.abs(a / 2) : -Math.abs(a / 2);
      });
  return total;
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function endOfMonth(first: string): string {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
