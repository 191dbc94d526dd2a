import Flatbush from 'flatbush';
import { gridDisk } from 'h3-js';

/**
 * Spatial weights in compressed sparse rows: the neighbours of area i are `neighbours[offsets[i]..offsets[i+1])`
 * with their weights beside them. Areas without a neighbour are islands and are listed.
 */
export type SpatialWeights = {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  islands: number[];
};

export type Transform = 'binary' | 'row';

/** Builds binary weights from neighbour lists (each list ascending, without i itself). */
export function fromLists(lists: readonly (readonly number[])[]): SpatialWeights {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const neighbours = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) neighbours.set(lists[i]!, offsets[i]!);
  const weights = new Float64Array(neighbours.length).fill(1);
  const islands: number[] = [];
  for (let i = 0; i < n; i++) if (offsets[i + 1] === offsets[i]) islands.push(i);
  return { n, offsets, neighbours, weights, islands };
}

/** Neighbour lists back from weights (for tests and exports). */
export function toLists(w: SpatialWeights): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < w.n; i++) out.push([...w.neighbours.subarray(w.offsets[i]!, w.offsets[i + 1]!)]);
  return out;
}

/**
 * Adds i to its own neighbourhood with weight 1, for Gi*. Done on binary weights, before any row
 * standardisation (as esda and spdep's `include.self` do).
 */
export function withSelf(w: SpatialWeights): SpatialWeights {
  const n = w.n;
  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(w.neighbours.length + n);
  const weights = new Float64Array(w.neighbours.length + n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    let placed = false;
    for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) {
      const j = w.neighbours[e]!;
      if (!placed && j > i) {
        neighbours[k] = i;
        weights[k++] = 1;
        placed = true;
      }
      neighbours[k] = j;
      weights[k++] = w.weights[e]!;
    }
    if (!placed) {
      neighbours[k] = i;
      weights[k++] = 1;
    }
  }
  offsets[n] = k;
  return { n, offsets, neighbours, weights, islands: [] };
}

/** Binary weights stay as they are; row standardisation makes each row sum to 1 (islands keep an empty row). */
export function transform(w: SpatialWeights, t: Transform): SpatialWeights {
  switch (t) {
    case 'binary':
      return w;
    case 'row': {
      const weights = new Float64Array(w.weights.length);
      for (let i = 0; i < w.n; i++) {
        let s = 0;
        for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) s += w.weights[e]!;
        for (let e = w.offsets[i]!; e < w.offsets[i + 1]!; e++) weights[e] = w.weights[e]! / s;
      }
      return { ...w, weights };
    }
    default: {
      const never: never = t;
      throw new Error(`unknown transform ${String(never)}`);
    }
  }
}

/** Ring coordinates of one polygon: outer ring first, then holes; x, y in metres in a local projection. */
export type PlanarPolygon = number[][][];
/** One area: the polygons of a multipolygon. */
export type PlanarArea = PlanarPolygon[];

/**
 * Queen (a shared vertex) or rook (at least two shared vertices, i.e. a shared edge, as R spdep's `poly2nb`)
 * contiguity. Vertices closer than `tolerance` (metres) count as the same point, so small digitising gaps do
 * not break a neighbourhood.
 */
export function contiguityWeights(areas: readonly PlanarArea[], rule: 'queen' | 'rook', tolerance = 0.01): SpatialWeights {
  const tol = Math.max(tolerance, 1e-12);
  let count = 0;
  for (const area of areas) for (const poly of area) for (const ring of poly) count += ring.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const owner = new Int32Array(count);
  let v = 0;
  for (const [a, area] of areas.entries())
    for (const poly of area)
      for (const ring of poly)
        for (const p of ring) {
          xs[v] = p[0]!;
          ys[v] = p[1]!;
          owner[v++] = a;
        }
  // Vertices by x, so that those within the tolerance of one another are found by a short sweep.
  const order = Int32Array.from({ length: count }, (_, i) => i).sort((i, j) => xs[i]! - xs[j]!);
  // For each pair of areas (a < b), the distinct snapped points where they touch.
  const shared = new Map<number, Set<string>>();
  const tol2 = tol * tol;
  const n = areas.length;
  for (let k = 0; k < count; k++) {
    const i = order[k]!;
    for (let m = k + 1; m < count; m++) {
      const j = order[m]!;
      if (xs[j]! - xs[i]! > tol) break;
      const a = owner[i]!;
      const b = owner[j]!;
      if (a === b) continue;
      const dy = ys[j]! - ys[i]!;
      if ((xs[j]! - xs[i]!) ** 2 + dy * dy > tol2) continue;
      const key = a < b ? a * n + b : b * n + a;
      let set = shared.get(key);
      if (!set) {
        set = new Set();
        shared.set(key, set);
      }
      // The touching point, snapped, from the lower area's vertex: repeated ring closures count once.
      const at = a < b ? i : j;
      set.add(`${Math.round(xs[at]! / tol)},${Math.round(ys[at]! / tol)}`);
    }
  }
  const need = rule === 'queen' ? 1 : 2;
  const lists: number[][] = areas.map(() => []);
  for (const [key, set] of shared) {
    if (set.size < need) continue;
    const a = Math.floor(key / n);
    const b = key - a * n;
    lists[a]!.push(b);
    lists[b]!.push(a);
  }
  for (const l of lists) l.sort((x, y) => x - y);
  return fromLists(lists);
}

function pointIndex(xs: Float64Array, ys: Float64Array): Flatbush {
  const index = new Flatbush(Math.max(xs.length, 1));
  for (let i = 0; i < xs.length; i++) index.add(xs[i]!, ys[i]!, xs[i]!, ys[i]!);
  if (xs.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

/** Neighbours within `band` metres (0 < d ≤ band), found through a spatial index. */
export function distanceBandWeights(xs: Float64Array, ys: Float64Array, band: number): SpatialWeights {
  const index = pointIndex(xs, ys);
  const b2 = band * band;
  const lists: number[][] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const found = index.search(x - band, y - band, x + band, y + band, (j) => {
      if (j === i) return false;
      const d2 = (xs[j]! - x) ** 2 + (ys[j]! - y) ** 2;
      return d2 > 0 && d2 <= b2;
    });
    lists.push(found.sort((a, c) => a - c));
  }
  return fromLists(lists);
}

/** The k nearest other areas (by centroid), found through a spatial index; ties broken by the index order. */
export function knnWeights(xs: Float64Array, ys: Float64Array, k: number): SpatialWeights {
  const index = pointIndex(xs, ys);
  const lists: number[][] = [];
  for (let i = 0; i < xs.length; i++) {
    lists.push(index.neighbors(xs[i]!, ys[i]!, k, Number.POSITIVE_INFINITY, (j) => j !== i).sort((a, c) => a - c));
  }
  return fromLists(lists);
}

/** H3 cells within k grid steps of each cell (the k-ring, without the cell itself) that are in the grid. */
export function h3RingWeights(cells: readonly string[], k: number): SpatialWeights {
  const at = new Map<string, number>();
  for (const [i, c] of cells.entries()) at.set(c, i);
  const lists: number[][] = [];
  for (let i = 0; i < cells.length; i++) {
    const out: number[] = [];
    for (const c of gridDisk(cells[i]!, k)) {
      const j = at.get(c);
      if (j !== undefined && j !== i) out.push(j);
    }
    lists.push(out.sort((a, b) => a - b));
  }
  return fromLists(lists);
}
