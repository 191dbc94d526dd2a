// Synthetic data shared by the benches: a city of units that tile a box without gaps or overlaps, random points in
// it, a seeded random generator, and the small helpers every bench prints with. Deterministic for a given seed.
import type { Polygon, Position } from 'geojson';

/** A city-sized box (about 33 km × 28 km, around Nairobi). */
export const CITY_BOX = { minLon: 36.65, minLat: -1.45, maxLon: 36.95, maxLat: -1.2 } as const;

/** Seeded uniform generator in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A value in [-1, 1) that depends only on its integer arguments: the same vertex always moves the same way. */
function jitter(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 2 ** 32) * 2 - 1;
}

export type SyntheticUnit = { id: number; code: string; name: string; geometry: Polygon };

/**
 * `cols × rows` units tiling CITY_BOX: a regular grid whose interior corners are moved by up to 20 % of a cell and
 * whose edges carry extra vertices moved across the edge by up to 8 % of a cell (two on horizontal edges, one on
 * vertical ones), so each ring has 10 distinct vertices (11 positions, closed). Every vertex is computed from its
 * lattice position alone, so neighbours share their edges bit for bit: the units neither overlap nor leave gaps, and
 * the outer boundary is the box itself. Ids are 1…n and codes `U0001`… in the same order.
 */
export function unitGrid(cols = 25, rows = 20): SyntheticUnit[] {
  const dx = (CITY_BOX.maxLon - CITY_BOX.minLon) / cols;
  const dy = (CITY_BOX.maxLat - CITY_BOX.minLat) / rows;
  const lonAt = (i: number) => (i === cols ? CITY_BOX.maxLon : CITY_BOX.minLon + i * dx);
  const latAt = (j: number) => (j === rows ? CITY_BOX.maxLat : CITY_BOX.minLat + j * dy);
  const corner = (i: number, j: number): Position => [
    i === 0 || i === cols ? lonAt(i) : lonAt(i) + 0.2 * dx * jitter(i, j, 1),
    j === 0 || j === rows ? latAt(j) : latAt(j) + 0.2 * dy * jitter(i, j, 2),
  ];
  /** Points 1/3 and 2/3 along the horizontal edge from corner (i, j) to (i + 1, j), moved north or south. */
  const horizontal = (i: number, j: number): Position[] => {
    const [a, b] = [corner(i, j), corner(i + 1, j)];
    return [1, 2].map((k) => {
      const shift = j === 0 || j === rows ? 0 : 0.08 * dy * jitter(i, j, 2 + k);
      return [a[0]! + ((b[0]! - a[0]!) * k) / 3, a[1]! + ((b[1]! - a[1]!) * k) / 3 + shift];
    });
  };
  /** The middle of the vertical edge from corner (i, j) to (i, j + 1), moved east or west. */
  const vertical = (i: number, j: number): Position => {
    const [a, b] = [corner(i, j), corner(i, j + 1)];
    const shift = i === 0 || i === cols ? 0 : 0.08 * dx * jitter(i, j, 5);
    return [(a[0]! + b[0]!) / 2 + shift, (a[1]! + b[1]!) / 2];
  };
  const units: SyntheticUnit[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const bottom = horizontal(i, j);
      const top = horizontal(i, j + 1);
      // Counter-clockwise: south edge west to east, east edge, north edge east to west, west edge.
      const ring: Position[] = [
        corner(i, j),
        bottom[0]!,
        bottom[1]!,
        corner(i + 1, j),
        vertical(i + 1, j),
        corner(i + 1, j + 1),
        top[1]!,
        top[0]!,
        corner(i, j + 1),
        vertical(i, j),
        corner(i, j),
      ];
      const id = units.length + 1;
      const code = `U${String(id).padStart(4, '0')}`;
      units.push({ id, code, name: `Unit ${id}`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  return units;
}

/** The units as a GeoJSON file (properties `code` and `name`), as a boundary import receives it. */
export function unitsGeoJson(units: readonly SyntheticUnit[]): Uint8Array {
  const features = units.map((u) => ({ type: 'Feature', properties: { code: u.code, name: u.name }, geometry: u.geometry }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

/** `n` points drawn uniformly in CITY_BOX. */
export function randomPoints(n: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const rand = rng(seed);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    lon[k] = CITY_BOX.minLon + rand() * (CITY_BOX.maxLon - CITY_BOX.minLon);
    lat[k] = CITY_BOX.minLat + rand() * (CITY_BOX.maxLat - CITY_BOX.minLat);
  }
  return { lon, lat };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `fn` and returns its result and how long it took in milliseconds. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export type ResultRow = { what: string; figure: string; baseline: string; ratio: string; goal: string; met: string };

/** The table every bench ends with: what, figure, baseline, ratio, goal, goal met. */
export function printTable(rows: readonly ResultRow[]): void {
  const head: ResultRow = { what: 'what', figure: 'figure', baseline: 'baseline', ratio: 'ratio', goal: 'goal', met: 'goal met' };
  const keys = Object.keys(head) as (keyof ResultRow)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[head, ...rows].map((r) => r[k].length))])) as Record<keyof ResultRow, number>;
  const line = (r: ResultRow) => keys.map((k) => r[k].padEnd(width[k])).join(' │ ').trimEnd();
  console.log(line(head));
  console.log(keys.map((k) => '─'.repeat(width[k])).join('─┼─'));
  for (const r of rows) console.log(line(r));
}

/** 1234567.8 → "1,234,568". */
export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en');
}
