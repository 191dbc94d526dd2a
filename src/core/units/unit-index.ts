import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Point → administrative unit assignment (DESIGN: incidents are counted per unit).
 *
 * A flatbush R-tree over the bounding box of every polygon part narrows the candidates; an exact
 * crossing-number (even–odd) test over all rings of the part decides, so holes are honoured.
 * Geometry lives in typed arrays; the index holds no reference to the input objects.
 *
 * ## Boundary rule (deterministic, documented in README "Units")
 *
 * A point on a boundary belongs to the unit that contains the point after an infinitesimal shift
 * **east, then north**: a point on a shared (non-horizontal) edge goes to the unit east of the
 * edge; a point on a shared horizontal edge goes to the unit north of it; a vertex shared by
 * several units goes to the unit just north-east of it (for a grid of squares, the one whose
 * south-west corner it is). This is the half-open crossing-number rule: a vertex whose latitude
 * equals the point's counts as below it, and an edge crossing exactly at the point's longitude
 * does not count. Each edge's crossing is computed from its endpoints in a canonical order, so two
 * units that share an edge (same vertices) compute bit-identical crossings and a point on it lands
 * in exactly one of them. Where units overlap (flagged at import), the unit with the lowest `code`
 * (ordinal string order) wins. Points outside every unit give `undefined`.
 *
 * The point-in-polygon test is hand-written: none of the installed libraries offers a half-open
 * test over typed arrays (turf's boolean-point-in-polygon counts boundaries as inside for both
 * neighbours).
 */
export type IndexableUnit = {
  id: number;
  code: string;
  geometry: Polygon | MultiPolygon;
};

export type UnitIndex = {
  /** The numeric id of the unit containing (lon, lat), or undefined when outside every unit. */
  locate(lon: number, lat: number): number | undefined;
  /** Number of units indexed. */
  readonly size: number;
};

export function buildUnitIndex(units: readonly IndexableUnit[]): UnitIndex {
  // Slot order = code order, so "lowest slot wins" is "lowest code wins".
  const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ids = new Float64Array(sorted.length);
  const parts: Position[][][] = [];
  const partSlot: number[] = [];
  sorted.forEach((unit, slot) => {
    ids[slot] = unit.id;
    const polygons = unit.geometry.type === 'Polygon' ? [unit.geometry.coordinates] : unit.geometry.coordinates;
    for (const polygon of polygons) {
      if (polygon.length === 0 || (polygon[0]?.length ?? 0) === 0) continue;
      parts.push(polygon);
      partSlot.push(slot);
    }
  });

  let vertexCount = 0;
  let ringCount = 0;
  for (const polygon of parts) {
    ringCount += polygon.length;
    for (const ring of polygon) vertexCount += ring.length;
  }
  const coords = new Float64Array(vertexCount * 2);
  const ringStart = new Uint32Array(ringCount + 1);
  const partRingStart = new Uint32Array(parts.length + 1);
  const partUnit = new Uint32Array(partSlot);
  const tree = new Flatbush(Math.max(parts.length, 1));

  let v = 0;
  let r = 0;
  parts.forEach((polygon, p) => {
    partRingStart[p] = r;
    let minX = Number.POSITIVE_INFINITY;
    let minY = Number.POSITIVE_INFINITY;
    let maxX = Number.NEGATIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const ring of polygon) {
      ringStart[r++] = v;
      for (const position of ring) {
        const x = position[0] ?? Number.NaN;
        const y = position[1] ?? Number.NaN;
        coords[2 * v] = x;
        coords[2 * v + 1] = y;
        v++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
    tree.add(minX, minY, maxX, maxY);
  });
  ringStart[r] = v;
  partRingStart[parts.length] = r;
  if (parts.length === 0) tree.add(0, 0, 0, 0); // flatbush needs ≥ 1 item; never matched below
  tree.finish();

  const partContains = (p: number, x: number, y: number): boolean =>
    ringsContain(coords, ringStart, partRingStart[p]!, partRingStart[p + 1]!, x, y);

  return {
    size: sorted.length,
    locate(lon: number, lat: number): number | undefined {
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || parts.length === 0) return undefined;
      const candidates = tree.search(lon, lat, lon, lat);
      let best = -1;
      for (const p of candidates) {
        const slot = partUnit[p]!;
        if (best !== -1 && slot >= best) continue;
        if (partContains(p, lon, lat)) best = slot;
      }
      return best === -1 ? undefined : ids[best];
    },
  };
}

/**
 * The half-open crossing-number test of a point against rings `firstRing` to `endRing` (exclusive) of flat
 * coordinates: `coords` holds x, y pairs and `ringStart[r]` the first vertex of ring r (with one entry past the
 * last ring). Holes are rings like any other: a point inside an odd number of rings is inside.
 */
export function ringsContain(
  coords: Float64Array,
  ringStart: Uint32Array,
  firstRing: number,
  endRing: number,
  x: number,
  y: number,
): boolean {
  let inside = false;
  for (let ring = firstRing; ring < endRing; ring++) {
    const start = ringStart[ring]!;
    const end = ringStart[ring + 1]!;
    const n = end - start;
    if (n < 3) continue;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const x1 = coords[2 * (start + i)]!;
      const y1 = coords[2 * (start + i) + 1]!;
      const x2 = coords[2 * (start + j)]!;
      const y2 = coords[2 * (start + j) + 1]!;
      if (y1 > y === y2 > y) continue;
      // Canonical order (lower endpoint first): both owners of a shared edge compute the same xCross.
      const xCross = y1 < y2 ? x1 + ((y - y1) * (x2 - x1)) / (y2 - y1) : x2 + ((y - y2) * (x1 - x2)) / (y1 - y2);
      if (x < xCross) inside = !inside;
    }
  }
  return inside;
}
