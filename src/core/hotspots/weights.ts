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
  const tol = Math.max(tolerance, 1e-9);
  const grid = new Map<string, number[]>();
  const xs: number[] = [];
  const ys: number[] = [];
  const owner: number[] = [];
  const key = (gx: number, gy: number) => `${gx},${gy}`;
  for (const [a, area] of areas.entries()) {
    for (const poly of area)
      for (const ring of poly)
        for (const p of ring) {
          const v = xs.length;
          xs.push(p[0]!);
          ys.push(p[1]!);
          owner.push(a);
          const k = key(Math.floor(p[0]! / tol), Math.floor(p[1]! / tol));
          const list = grid.get(k);
          if (list) list.push(v);
          else grid.set(k, [v]);
        }
  }
  // For each pair of areas, the distinct vertices of the first that touch the second.
  const shared = new Map<number, Map<number, Set<number>>>();
  const tol2 = tol * tol;
  for (let v = 0; v < xs.length; v++) {
    const gx = Math.floor(xs[v]! / tol);
    const gy = Math.floor(ys[v]! / tol);
    const a = owner[v]!;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const cell = grid.get(key(gx + dx, gy + dy));
        if (!cell) continue;
        for (const u of cell) {
          const b = owner[u]!;
          if (b === a) continue;
          const ddx = xs[u]! - xs[v]!;
          const ddy = ys[u]! - ys[v]!;
          if (ddx * ddx + ddy * ddy > tol2) continue;
          let m = shared.get(a);
          if (!m) {
            m = new Map();
            shared.set(a, m);
          }
          let s = m.get(b);
          if (!s) {
            s = new Set();
            m.set(b, s);
          }
          s.add(Math.round(xs[v]! / tol) * 1e7 + Math.round(ys[v]! / tol));
        }
      }
  }
  const need = rule === 'queen' ? 1 : 2;
  const lists = areas.map((_, a) => {
    const m = shared.get(a);
    if (!m) return [];
    const out: number[] = [];
    for (const [b, s] of m) if (s.size >= need && (shared.get(b)?.get(a)?.size ?? 0) >= need) out.push(b);
    return out.sort((x, y) => x - y);
  });
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
