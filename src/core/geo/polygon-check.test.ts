import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findOverlaps } from './overlap.ts';
import { checkPolygon } from './polygon-check.ts';

// Small hand-made shapes in degrees near the equator (0.001° ≈ 111 m).
const ccwSquare = [[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001], [0, 0]];
const cwSquare = [...ccwSquare].reverse();
const bowtie = [[0, 0], [0.002, 0.002], [0.002, 0], [0, 0.002], [0, 0]];

describe('checkPolygon', () => {
  it('passes a valid square and measures it', () => {
    const r = checkPolygon({ type: 'Polygon', coordinates: [ccwSquare] }, { repair: false });
    expect(r.issues).toEqual([]);
    expect(r.geometry).toEqual({ type: 'Polygon', coordinates: [ccwSquare] });
    expect(r.areaM2).toBeGreaterThan(12_300);
    expect(r.areaM2).toBeLessThan(12_400); // 111.32 m × 110.57 m
    expect(r.bbox).toEqual([0, 0, 0.001, 0.001]);
  });

  it('always stores RFC 7946 winding: outer ring counter-clockwise, holes clockwise', () => {
    const hole = [[0.0004, 0.0004], [0.0006, 0.0004], [0.0006, 0.0006], [0.0004, 0.0006], [0.0004, 0.0004]]; // ccw
    const r = checkPolygon({ type: 'Polygon', coordinates: [cwSquare, hole] }, { repair: false });
    expect(r.issues).toEqual([]);
    expect((r.geometry as Polygon).coordinates[0]).toEqual(ccwSquare);
    expect((r.geometry as Polygon).coordinates[1]).toEqual([...hole].reverse());
  });

  it('flags an unclosed ring, and closes it with repair', () => {
    const open = ccwSquare.slice(0, -1);
    expect(checkPolygon({ type: 'Polygon', coordinates: [open] }, { repair: false }).issues).toEqual([{ code: 'unclosed_ring', part: 1, ring: 1 }]);
    const fixed = checkPolygon({ type: 'Polygon', coordinates: [open] }, { repair: true });
    expect(fixed.issues).toEqual([]);
    expect(fixed.repairs).toEqual(['closed ring 1 of part 1']);
    expect(fixed.geometry).toEqual({ type: 'Polygon', coordinates: [ccwSquare] });
  });

  it('drops repeated consecutive points with repair', () => {
    const repeated = [[0, 0], [0, 0], [0.001, 0], [0.001, 0.001], [0.001, 0.001], [0, 0.001], [0, 0]];
    expect(checkPolygon({ type: 'Polygon', coordinates: [repeated] }, { repair: false }).issues).toEqual([]);
    const fixed = checkPolygon({ type: 'Polygon', coordinates: [repeated] }, { repair: true });
    expect(fixed.repairs).toEqual(['dropped 2 repeated consecutive point(s)']);
    expect(fixed.geometry).toEqual({ type: 'Polygon', coordinates: [ccwSquare] });
  });

  it('flags a ring with too few points; repair drops it, and the unit if nothing is left', () => {
    const sliver = [[0, 0], [0.001, 0], [0, 0]];
    const twoParts = { type: 'MultiPolygon' as const, coordinates: [[ccwSquare], [sliver]] };
    expect(checkPolygon(twoParts, { repair: false }).issues).toEqual([{ code: 'too_few_points', part: 2, ring: 1 }]);
    const fixed = checkPolygon(twoParts, { repair: true });
    expect(fixed.issues).toEqual([]);
    expect(fixed.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ccwSquare]] });
    expect(fixed.repairs).toContain('dropped ring 1 of part 2 (fewer than 3 distinct points)');
    const nothing = checkPolygon({ type: 'Polygon', coordinates: [sliver] }, { repair: true });
    expect(nothing.geometry).toBeUndefined();
    expect(nothing.issues).toEqual([{ code: 'empty_geometry' }]);
  });

  it('flags a self-intersection where it is, and unkinks it with repair', () => {
    const r = checkPolygon({ type: 'Polygon', coordinates: [bowtie] }, { repair: false });
    expect(r.issues).toEqual([{ code: 'self_intersection', at: [0.001, 0.001] }]);
    const fixed = checkPolygon({ type: 'Polygon', coordinates: [bowtie] }, { repair: true });
    expect(fixed.issues).toEqual([]);
    expect(fixed.repairs).toContain('split self-intersecting part 1 into 2 part(s)');
    expect(fixed.geometry?.type).toBe('MultiPolygon');
    expect(fixed.geometry?.coordinates).toHaveLength(2);
    // Two triangles of 0.002° × 0.001° / 2 each; @turf/area works on a sphere of radius 6 371 008.8 m.
    const degree = (6_371_008.8 * Math.PI) / 180;
    expect(fixed.areaM2).toBeCloseTo(2 * 0.5 * 0.002 * 0.001 * degree * degree, -1);
  });

  it('keeps holes when it unkinks a polygon that has them', () => {
    const outer = [[0, 0], [0.004, 0], [0.004, 0.004], [0, 0.004], [0, 0]];
    const kinkedHole = [[0.001, 0.001], [0.001, 0.003], [0.003, 0.001], [0.003, 0.003], [0.001, 0.001]];
    const fixed = checkPolygon({ type: 'Polygon', coordinates: [outer, kinkedHole] }, { repair: true });
    expect(fixed.issues).toEqual([]);
    const whole = checkPolygon({ type: 'Polygon', coordinates: [outer] }, { repair: false }).areaM2;
    expect(fixed.areaM2).toBeLessThan(whole * 0.9); // the two hole triangles are still holes
  });

  it('reports empty and non-polygon geometry', () => {
    expect(checkPolygon(null, { repair: true }).issues).toEqual([{ code: 'empty_geometry' }]);
    expect(checkPolygon({ type: 'MultiPolygon', coordinates: [] }, { repair: true }).issues).toEqual([{ code: 'empty_geometry' }]);
    expect(checkPolygon({ type: 'Point', coordinates: [0, 0] }, { repair: true }).issues).toEqual([
      { code: 'invalid_geometry', reason: 'a Point is not a polygon' },
    ]);
  });
});

describe('findOverlaps', () => {
  const sq = (x: number, y: number, s: number) => ({
    type: 'Polygon' as const,
    coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
  });
  const unit = (code: string, x: number, y: number, s = 0.001) => ({ code, geometry: sq(x, y, s), bbox: [x, y, x + s, y + s] as [number, number, number, number] });

  it('finds units whose interiors overlap, and not neighbours sharing an edge or a corner', () => {
    const { overlaps } = findOverlaps([unit('A', 0, 0), unit('B', 0.001, 0), unit('C', 0.001, 0.001), unit('D', 0.0005, 0, 0.001)]);
    expect(overlaps.map((o) => [o.a, o.b].sort().join('+')).sort()).toEqual(['A+D', 'B+D']);
    const ad = overlaps.find((o) => [o.a, o.b].includes('A') && [o.a, o.b].includes('D'))!;
    expect(ad.areaM2).toBeCloseTo(12_308 / 2, -2);
  });
});
