import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildUnitIndex } from './unit-index.ts';

const square = (x0: number, y0: number, size = 1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

// A 2 × 2 grid of unit squares; codes chosen so that "lowest code" and the boundary rule disagree.
//   C (0,1) | D (1,1)
//   A (0,0) | B (1,0)
const grid = [
  { id: 40, code: 'D', geometry: square(1, 1) },
  { id: 10, code: 'A', geometry: square(0, 0) },
  { id: 20, code: 'B', geometry: square(1, 0) },
  { id: 30, code: 'C', geometry: square(0, 1) },
];

describe('buildUnitIndex', () => {
  const index = buildUnitIndex(grid);

  it('finds the unit around an interior point', () => {
    expect(index.size).toBe(4);
    expect(index.locate(0.5, 0.5)).toBe(10);
    expect(index.locate(1.5, 0.5)).toBe(20);
    expect(index.locate(0.5, 1.5)).toBe(30);
    expect(index.locate(1.5, 1.5)).toBe(40);
  });

  it('gives a point on a shared vertical edge to the unit east of it', () => {
    expect(index.locate(1, 0.5)).toBe(20); // A|B edge → B
    expect(index.locate(1, 1.5)).toBe(40); // C|D edge → D
  });

  it('gives a point on a shared horizontal edge to the unit north of it', () => {
    expect(index.locate(0.5, 1)).toBe(30); // A/C edge → C
    expect(index.locate(1.5, 1)).toBe(40); // B/D edge → D
  });

  it('gives a vertex shared by four units to the one north-east of it', () => {
    expect(index.locate(1, 1)).toBe(40);
  });

  it('keeps points on the outer boundary by the same rule: west and south edges in, east and north out', () => {
    expect(index.locate(0, 0.5)).toBe(10);
    expect(index.locate(0.5, 0)).toBe(10);
    expect(index.locate(0, 0)).toBe(10);
    expect(index.locate(2, 0.5)).toBeUndefined();
    expect(index.locate(0.5, 2)).toBeUndefined();
  });

  it('answers undefined outside every unit and for non-numbers', () => {
    expect(index.locate(5, 5)).toBeUndefined();
    expect(index.locate(-0.0001, 0.5)).toBeUndefined();
    expect(index.locate(Number.NaN, 0.5)).toBeUndefined();
  });

  it('puts every point of a fine lattice over the grid in exactly one unit', () => {
    // Each lattice point is tested against every unit's own closed-polygon rule: exactly one must claim it.
    const singles = grid.map((u) => buildUnitIndex([u]));
    for (let x = 0; x < 2; x += 0.25) {
      for (let y = 0; y < 2; y += 0.25) {
        expect(singles.filter((s) => s.locate(x, y) !== undefined)).toHaveLength(1);
      }
    }
  });

  it('gives a point on a shared slanted edge to exactly one unit (east of it)', () => {
    // Two triangles splitting a square along its diagonal; the edge runs the other way round in each.
    const west: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 7], [0, 7], [0, 0]]] };
    const east: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 7], [0, 0]]] };
    const idx = buildUnitIndex([
      { id: 1, code: 'W', geometry: west },
      { id: 2, code: 'E', geometry: east },
    ]);
    for (const t of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const [x, y] = [3 * t, 7 * t];
      const w = buildUnitIndex([{ id: 1, code: 'W', geometry: west }]).locate(x, y);
      const e = buildUnitIndex([{ id: 2, code: 'E', geometry: east }]).locate(x, y);
      expect([w, e].filter((v) => v !== undefined)).toHaveLength(1);
      expect(idx.locate(x, y)).toBe(e ?? w);
    }
    expect(idx.locate(1, 6)).toBe(1);
    expect(idx.locate(2, 1)).toBe(2);
  });

  it('honours holes, and a unit inside the hole gets its points', () => {
    const donut: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],
      ],
    };
    const idx = buildUnitIndex([
      { id: 1, code: 'donut', geometry: donut },
      { id: 2, code: 'island', geometry: square(4, 4, 2) },
    ]);
    expect(idx.locate(2, 2)).toBe(1);
    expect(idx.locate(5, 5)).toBe(2);
    expect(idx.locate(4, 5)).toBe(2); // west edge of the island: east of the edge is the island
    expect(idx.locate(6, 5)).toBe(1); // east edge of the island: east of it is the donut
    expect(buildUnitIndex([{ id: 1, code: 'donut', geometry: donut }]).locate(5, 5)).toBeUndefined();
  });

  it('finds points in any part of a multipolygon', () => {
    const islands: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(10, 10).coordinates] };
    const idx = buildUnitIndex([{ id: 7, code: 'I', geometry: islands }]);
    expect(idx.locate(0.5, 0.5)).toBe(7);
    expect(idx.locate(10.5, 10.5)).toBe(7);
    expect(idx.locate(5, 5)).toBeUndefined();
  });

  it('settles overlapping units by the lowest code', () => {
    const idx = buildUnitIndex([
      { id: 2, code: 'b', geometry: square(0, 0, 2) },
      { id: 1, code: 'a', geometry: square(1, 1, 2) },
    ]);
    expect(idx.locate(1.5, 1.5)).toBe(1);
    expect(idx.locate(0.5, 0.5)).toBe(2);
  });

  it('accepts unclosed rings and an empty list', () => {
    const open: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] };
    expect(buildUnitIndex([{ id: 1, code: 'o', geometry: open }]).locate(0.5, 0.5)).toBe(1);
    expect(buildUnitIndex([]).locate(0, 0)).toBeUndefined();
  });
});
