import type { MultiPolygon } from 'geojson';
import { cellToParent, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import blocksJson from '../../../test/fixtures/hotspots/sf-blocks.geojson?raw';
import { areaStatistics } from './analysis.ts';
import { type AreaUnit, h3Areas, squareAreas, suggestedResolution, unitAreas } from './grids.ts';
import { hotspotQuerySchema, planHotspots } from './hotspot-query.ts';
import { type HotspotParameters, publicResult, resultCsv, resultGeoJson } from './hotspot-result.ts';

const blocks = JSON.parse(blocksJson) as { features: { geometry: MultiPolygon; properties: { GEO_id2: string; Population: number; Robbery: number } }[] };
const units: AreaUnit[] = blocks.features.map((f) => ({ code: f.properties.GEO_id2, geometry: f.geometry, population: f.properties.Population }));
const total = units.reduce((a, u) => a + u.population!, 0);

describe('grids', () => {
  it('interpolates population onto H3 cells by area, keeping the total', () => {
    const areas = h3Areas(units, 8, []);
    const sum = areas.population.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - total) / total).toBeLessThan(1e-9);
    expect(areas.ids.every((c) => c.length === 15)).toBe(true);
  });

  it('interpolates population onto square cells by area, keeping the total', () => {
    const areas = squareAreas(units, 500, []);
    const sum = areas.population.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - total) / total).toBeLessThan(1e-9);
    expect(areas.ids.length).toBeGreaterThan(400);
  });

  it('suggests the finest resolution with at least 10 records a cell on average', () => {
    const c = latLngToCell(37.77, -122.42, 10);
    expect(suggestedResolution(new Map([[c, 12]])).res).toBe(10);
    const spread = new Map<string, number>();
    for (let i = 0; i < 200; i++) spread.set(latLngToCell(37.7 + i * 0.0005, -122.45, 10), 1);
    const s = suggestedResolution(spread);
    expect(s.res).toBeLessThan(10);
    expect(s.meanPerCell[s.res]!).toBeGreaterThanOrEqual(10);
    expect(cellToParent(c, 7)).toHaveLength(15);
  });
});

describe('plans and outputs', () => {
  const plan = (q: Record<string, string>) => planHotspots(hotspotQuerySchema.parse(q));

  it('names the parameter that cannot work', () => {
    expect(() => plan({ method: 'gi', grid: 'units', weights: 'ring:1' })).toThrow(/^weights: ring:1 needs an H3 grid/);
    expect(() => plan({ method: 'kde', grid: 'units' })).toThrow(/^grid:/);
    expect(hotspotQuerySchema.safeParse({ method: 'gi', grid: 'h3:11' }).error?.issues[0]?.path).toEqual(['grid']);
    expect(plan({ method: 'gistar', grid: 'h3:9' }).weights).toEqual({ kind: 'ring', k: 1 });
  });

  it('writes the CSV columns of the issue and hides small areas publicly', () => {
    const areas = unitAreas(units);
    const counts = Float64Array.from(areas.ids, (id) => blocks.features.find((f) => f.properties.GEO_id2 === id)!.properties.Robbery);
    const p = plan({ method: 'gistar', grid: 'units', weights: 'queen' });
    const { rows, global, islands } = areaStatistics(areas, counts, p);
    const result = {
      kind: 'areas' as const,
      idColumn: 'unit' as const,
      rows: rows.map((r, i) => ({ ...r, geometry: areas.geometries[i]! })),
      global,
      islands,
      parameters: { method: 'gistar' } as HotspotParameters,
      notes: [],
    };
    const csv = resultCsv(resultGeoJson(result));
    expect(csv[0]).toEqual(['unit', 'value', 'statistic', 'z', 'p', 'p_fdr', 'class']);
    expect(csv.slice(1).some((r) => r[6]?.startsWith('hot_'))).toBe(true);
    const pub = resultCsv(resultGeoJson(publicResult(result)));
    const smallIds = new Set(rows.filter((r) => r.records > 0 && r.records < 5).map((r) => r.id));
    expect(smallIds.size).toBeGreaterThan(0);
    for (const r of pub.slice(1)) if (smallIds.has(r[0]!)) expect(r.slice(1)).toEqual(['', '', '', '', '', 'suppressed']);
  });
});
