import { area } from '@turf/area';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { type Geom, intersection } from 'polyclip-ts';

export type OverlapInput = {
  code: string;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
};

export type Overlap = { a: string; b: string; areaM2: number };

/** Neighbours that share an edge intersect in a line or in slivers of floating-point noise: below this, no overlap. */
export const OVERLAP_MIN_M2 = 1;

const asGeom = (g: Polygon | MultiPolygon): Geom =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown as Geom;

/**
 * Pairs of units whose interiors overlap by more than OVERLAP_MIN_M2: flatbush finds the pairs whose boxes meet,
 * polyclip-ts intersects them and @turf/area measures the intersection. Pairs polyclip cannot intersect (invalid
 * input it rejects) are returned in `failed`, since their geometry is flagged anyway.
 */
export function findOverlaps(units: readonly OverlapInput[]): { overlaps: Overlap[]; failed: [string, string][] } {
  const overlaps: Overlap[] = [];
  const failed: [string, string][] = [];
  if (units.length < 2) return { overlaps, failed };
  const tree = new Flatbush(units.length);
  for (const u of units) tree.add(u.bbox[0], u.bbox[1], u.bbox[2], u.bbox[3]);
  tree.finish();
  units.forEach((u, i) => {
    for (const j of tree.search(u.bbox[0], u.bbox[1], u.bbox[2], u.bbox[3])) {
      if (j <= i) continue;
      const v = units[j]!;
      try {
        const common = intersection(asGeom(u.geometry), asGeom(v.geometry));
        if (common.length === 0) continue;
        const m2 = area({ type: 'MultiPolygon', coordinates: common });
        if (m2 > OVERLAP_MIN_M2) overlaps.push({ a: u.code, b: v.code, areaM2: Math.round(m2 * 10) / 10 });
      } catch {
        failed.push([u.code, v.code]);
      }
    }
  });
  return { overlaps, failed };
}
