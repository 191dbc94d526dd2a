import type { MultiPolygon, Polygon, Position } from 'geojson';
import { cellToBoundary, cellToLatLng, cellToParent, latLngToCell, polygonToCells } from 'h3-js';
import { buildUnitIndex } from '../units/unit-index.ts';
import { type LocalProjection, localProjection } from './projection.ts';
import type { PlanarArea } from './weights.ts';

/** A unit as the hotspot analysis needs it: its imported id, boundary (lon/lat) and population (null = unknown). */
export type AreaUnit = { code: string; geometry: Polygon | MultiPolygon; population: number | null };

/**
 * The areas analysed: units, H3 cells or square cells. Everything beside `ids` is indexed like it; planar
 * coordinates are metres in `projection`.
 */
export type AreaSet = {
  kind: 'units' | 'h3' | 'square';
  ids: string[];
  geometries: (Polygon | MultiPolygon)[];
  planar: PlanarArea[];
  xs: Float64Array;
  ys: Float64Array;
  /** NaN where unknown. */
  population: Float64Array;
  projection: LocalProjection;
};

/** Square grids and their population sampling stop here, so a request cannot ask for millions of cells. */
export const MAX_CELLS = 250_000;

const parts = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** A projection centred on the units (else on the given cells). */
export function projectionFor(units: readonly AreaUnit[], cells: readonly string[]): LocalProjection {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const see = (x: number, y: number) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  };
  for (const u of units) for (const poly of parts(u.geometry)) for (const p of poly[0] ?? []) see(p[0]!, p[1]!);
  if (units.length === 0)
    for (const c of cells.slice(0, 10_000)) {
      const [lat, lng] = cellToLatLng(c);
      see(lng, lat);
    }
  return Number.isFinite(minX) ? localProjection((minX + maxX) / 2, (minY + maxY) / 2) : localProjection(0, 0);
}

function planarOf(g: Polygon | MultiPolygon, proj: LocalProjection): PlanarArea {
  return parts(g).map((poly) => poly.map((ring) => ring.map((p) => proj.forward(p[0]!, p[1]!))));
}

/** Area-weighted centroid of the outer rings (planar). */
function centroidOf(area: PlanarArea): [number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of area) {
    const ring = poly[0] ?? [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[i + 1]!;
      const cross = x0! * y1! - x1! * y0!;
      a += cross;
      cx += (x0! + x1!) * cross;
      cy += (y0! + y1!) * cross;
    }
  }
  if (a === 0) {
    const p = area[0]?.[0]?.[0] ?? [0, 0];
    return [p[0]!, p[1]!];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function finish(kind: AreaSet['kind'], ids: string[], geometries: (Polygon | MultiPolygon)[], population: Float64Array, projection: LocalProjection): AreaSet {
  const planar = geometries.map((g) => planarOf(g, projection));
  const xs = new Float64Array(ids.length);
  const ys = new Float64Array(ids.length);
  planar.forEach((p, i) => {
    [xs[i], ys[i]] = centroidOf(p);
  });
  return { kind, ids, geometries, planar, xs, ys, population, projection };
}

export function unitAreas(units: readonly AreaUnit[]): AreaSet {
  const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return finish(
    'units',
    sorted.map((u) => u.code),
    sorted.map((u) => u.geometry),
    Float64Array.from(sorted, (u) => u.population ?? Number.NaN),
    projectionFor(units, []),
  );
}

/**
 * H3 cells of resolution `res`: those whose centre lies in a unit, and those holding records. Population is spread
 * from each unit evenly over its area, sampled by the unit's cells one resolution finer (areal interpolation).
 */
export function h3Areas(units: readonly AreaUnit[], res: number, cellsWithRecords: readonly string[]): AreaSet {
  const set = new Set<string>();
  for (const u of units) for (const poly of parts(u.geometry)) for (const c of polygonToCells(poly, res, true)) set.add(c);
  for (const c of cellsWithRecords) set.add(cellToParent(c, res));
  // Each unit's cells one resolution finer share its population; their parents join the grid so none is lost.
  const fineOf = units.map((u) => {
    if (u.population === null) return [];
    const fine = parts(u.geometry).flatMap((poly) => polygonToCells(poly, res + 1, true));
    const p = parts(u.geometry)[0]?.[0]?.[0];
    if (fine.length === 0 && p) fine.push(latLngToCell(p[1]!, p[0]!, res + 1));
    for (const f of fine) set.add(cellToParent(f, res));
    return fine;
  });
  if (set.size > MAX_CELLS) throw new RangeError(`h3:${res} gives ${set.size} cells, more than ${MAX_CELLS}`);
  const ids = [...set].sort();
  const at = new Map(ids.map((c, i) => [c, i]));
  const population = new Float64Array(ids.length).fill(units.some((u) => u.population !== null) ? 0 : Number.NaN);
  units.forEach((u, k) => {
    const fine = fineOf[k]!;
    for (const f of fine) population[at.get(cellToParent(f, res))!]! += u.population! / fine.length;
  });
  const geometries = ids.map((c): Polygon => ({ type: 'Polygon', coordinates: [cellToBoundary(c, true)] }));
  return finish('h3', ids, geometries, population, projectionFor(units, ids));
}

/** The id of a square cell: its column and row from the projection's origin. */
export const squareId = (ix: number, iy: number) => `${ix}_${iy}`;

/**
 * Square cells of `metres` in a local transverse Mercator projection: those whose centre lies in a unit, and
 * those holding records (given as lon/lat points). Population is interpolated by area: each unit's population
 * spread evenly over sample points a quarter of a cell apart.
 */
export function squareAreas(units: readonly AreaUnit[], metres: number, recordPoints: readonly [number, number][]): AreaSet {
  const projection = projectionFor(units, []);
  const index = buildUnitIndex(units.map((u, id) => ({ id, code: u.code, geometry: u.geometry })));
  const cells = new Map<string, [number, number]>();
  const keep = (ix: number, iy: number) => {
    const id = squareId(ix, iy);
    if (!cells.has(id)) cells.set(id, [ix, iy]);
    if (cells.size > MAX_CELLS) throw new RangeError(`square:${metres} gives more than ${MAX_CELLS} cells`);
  };
  let box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const u of units)
    for (const poly of parts(u.geometry))
      for (const p of poly[0] ?? []) {
        const [x, y] = projection.forward(p[0]!, p[1]!);
        box = [Math.min(box[0]!, x), Math.min(box[1]!, y), Math.max(box[2]!, x), Math.max(box[3]!, y)];
      }
  const cols = Number.isFinite(box[0]!) ? Math.ceil((box[2]! - box[0]!) / metres) + 1 : 0;
  const rows = Number.isFinite(box[0]!) ? Math.ceil((box[3]! - box[1]!) / metres) + 1 : 0;
  if (cols * rows > 4 * MAX_CELLS) throw new RangeError(`square:${metres} gives more than ${MAX_CELLS} cells`);
  const ix0 = Math.floor(box[0]! / metres);
  const iy0 = Math.floor(box[1]! / metres);
  for (let ix = ix0; ix < ix0 + cols; ix++)
    for (let iy = iy0; iy < iy0 + rows; iy++) {
      const [lon, lat] = projection.inverse((ix + 0.5) * metres, (iy + 0.5) * metres);
      if (index.locate(lon, lat) !== undefined) keep(ix, iy);
    }
  for (const [lon, lat] of recordPoints) {
    const [x, y] = projection.forward(lon, lat);
    keep(Math.floor(x / metres), Math.floor(y / metres));
  }
  // Population by area: sample points a quarter cell apart, each unit's population shared by its points; cells
  // that receive population join the grid, and a unit too small for any point gives it to its first vertex's cell.
  const samples: { unit: number; ix: number; iy: number }[] = [];
  const perUnit = new Float64Array(units.length);
  if (units.length > 0 && cols * rows > 0) {
    const step = Math.max(metres / 4, Math.sqrt(((box[2]! - box[0]!) * (box[3]! - box[1]!)) / 2_000_000));
    for (let x = box[0]! + step / 2; x < box[2]!; x += step)
      for (let y = box[1]! + step / 2; y < box[3]!; y += step) {
        const [lon, lat] = projection.inverse(x, y);
        const unit = index.locate(lon, lat);
        if (unit === undefined || units[unit]!.population === null) continue;
        perUnit[unit]!++;
        samples.push({ unit, ix: Math.floor(x / metres), iy: Math.floor(y / metres) });
      }
    units.forEach((u, unit) => {
      const p = parts(u.geometry)[0]?.[0]?.[0];
      if (perUnit[unit] === 0 && u.population !== null && p) {
        const [x, y] = projection.forward(p[0]!, p[1]!);
        perUnit[unit] = 1;
        samples.push({ unit, ix: Math.floor(x / metres), iy: Math.floor(y / metres) });
      }
    });
  }
  for (const s of samples) keep(s.ix, s.iy);
  const ids = [...cells.keys()].sort();
  const at = new Map(ids.map((c, i) => [c, i]));
  const population = new Float64Array(ids.length).fill(units.some((u) => u.population !== null) ? 0 : Number.NaN);
  for (const s of samples) population[at.get(squareId(s.ix, s.iy))!]! += units[s.unit]!.population! / perUnit[s.unit]!;
  const geometries = ids.map((id): Polygon => {
    const [ix, iy] = cells.get(id)!;
    const corners: [number, number][] = [
      [ix, iy],
      [ix + 1, iy],
      [ix + 1, iy + 1],
      [ix, iy + 1],
      [ix, iy],
    ];
    return { type: 'Polygon', coordinates: [corners.map(([cx, cy]) => projection.inverse(cx * metres, cy * metres))] };
  });
  // Planar squares are rebuilt exactly (not through the round trip) so that neighbours share vertices.
  const set = finish('square', ids, geometries, population, projection);
  set.planar = ids.map((id) => {
    const [ix, iy] = cells.get(id)!;
    const corners = [
      [ix, iy],
      [ix + 1, iy],
      [ix + 1, iy + 1],
      [ix, iy + 1],
      [ix, iy],
    ];
    return [[corners.map(([cx, cy]) => [cx! * metres, cy! * metres])]];
  });
  return set;
}

/**
 * The suggested H3 resolution: the finest of 10, 9, 8, 7 at which cells holding records hold on average at least
 * 10 records (twice the public small-cell threshold), else 7.
 */
export function suggestedResolution(r10Counts: ReadonlyMap<string, number>): { res: number; meanPerCell: Record<number, number> } {
  const meanPerCell: Record<number, number> = {};
  let res = 7;
  for (const r of [7, 8, 9, 10]) {
    const cells = new Map<string, number>();
    let total = 0;
    for (const [c, n] of r10Counts) {
      const p = r === 10 ? c : cellToParent(c, r);
      cells.set(p, (cells.get(p) ?? 0) + n);
      total += n;
    }
    meanPerCell[r] = cells.size === 0 ? 0 : total / cells.size;
    if (meanPerCell[r]! >= 10) res = r;
  }
  return { res, meanPerCell };
}
