import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildUnitIndex } from '../../core/units/unit-index.ts';

/**
 * Golden test: the 2,761 robberies of San Francisco (July–December 2012) located in the 579 block groups of 2010
 * must match the counts the GeoDa Center published per group. Source, commit, licence and the explanation of the
 * two points that differ: test/fixtures/units/SOURCE.md.
 */
const dir = new URL('../../../test/fixtures/units/', import.meta.url);
type Props = { GEO_ID: string; Robbery: number; Population: number };
const blocks = JSON.parse(readFileSync(new URL('sf-block-groups-2010.geojson', dir), 'utf8')) as FeatureCollection<MultiPolygon, Props>;
const points = readFileSync(new URL('sf-robbery-2012-points.csv', dir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [incident, lon, lat] = line.split(',');
    return { incident: incident!, lon: Number(lon), lat: Number(lat) };
  });

describe('unit index against the published San Francisco robbery counts', () => {
  const index = buildUnitIndex(blocks.features.map((f, i) => ({ id: i, code: f.properties.GEO_ID, geometry: f.geometry })));
  const counts = new Array<number>(blocks.features.length).fill(0);
  const outside: string[] = [];
  for (const p of points) {
    const unit = index.locate(p.lon, p.lat);
    if (unit === undefined) outside.push(p.incident);
    else counts[unit]!++;
  }

  it('reads the fixture whole', () => {
    expect(blocks.features).toHaveLength(579);
    expect(points).toHaveLength(2761);
    expect(blocks.features.reduce((s, f) => s + f.properties.Population, 0)).toBe(805_235);
    expect(blocks.features.reduce((s, f) => s + f.properties.Robbery, 0)).toBe(2761);
  });

  it('matches the published count in 577 of 579 groups; the 2 robberies that differ lie outside every polygon', () => {
    const differing = blocks.features
      .map((f, i) => ({ group: f.properties.GEO_ID, published: f.properties.Robbery, located: counts[i]! }))
      .filter((d) => d.published !== d.located);
    expect(outside.sort()).toEqual(['120533127', '120829089']);
    expect(differing).toEqual([
      { group: '1500000US060750179021', published: 1, located: 0 },
      { group: '1500000US060750229031', published: 15, located: 14 },
    ]);
    const pointsOff = differing.reduce((s, d) => s + Math.abs(d.published - d.located), 0);
    expect(pointsOff).toBe(outside.length);
  });
});
