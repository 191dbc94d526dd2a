import { area } from '@turf/area';
import { booleanValid } from '@turf/boolean-valid';
import { kinks } from '@turf/kinks';
import { unkinkPolygon } from '@turf/unkink-polygon';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { union } from 'polyclip-ts';

/** What is wrong with one unit's geometry. Part and ring numbers count from 1. */
export type GeometryIssue =
  | { code: 'empty_geometry' }
  | { code: 'unclosed_ring'; part: number; ring: number }
  | { code: 'too_few_points'; part: number; ring: number }
  | { code: 'self_intersection'; at: [number, number] }
  | { code: 'invalid_geometry'; reason: string };

export type CheckedGeometry = {
  /** What to store (RFC 7946 winding); undefined when nothing usable is left. */
  geometry: Polygon | MultiPolygon | undefined;
  /** What remains wrong with the stored geometry. */
  issues: GeometryIssue[];
  /** What --repair did, in words. */
  repairs: string[];
  /** Geodesic area of the usable rings, m² (@turf/area). */
  areaM2: number;
  bbox: [number, number, number, number];
};

type Ring = [number, number][];

const same = (a: Position | undefined, b: Position | undefined) => !!a && !!b && a[0] === b[0] && a[1] === b[1];
const MAX_KINKS_REPORTED = 10;

/** Shoelace sum; > 0 for a counter-clockwise ring in lon/lat. Hand-written: @turf/rewind is not installed. */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return s / 2;
}

/** Outer rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6). Returns how many rings were turned. */
function rewind(parts: Ring[][]): number {
  let turned = 0;
  for (const part of parts) {
    part.forEach((ring, i) => {
      if (ring.length >= 3 && signedArea(ring) > 0 !== (i === 0)) {
        ring.reverse();
        turned++;
      }
    });
  }
  return turned;
}

function dropRepeats(ring: Ring): Ring {
  return ring.filter((p, i) => i === 0 || !same(p, ring[i - 1]));
}

/** Splits a self-intersecting part: @turf/unkink-polygon for a simple ring; polyclip-ts union (which keeps holes
 *  and tolerates repeated vertices, where unkink fills holes or throws) for the rest. */
function unkink(part: Ring[]): Ring[][] {
  if (part.length === 1) {
    try {
      const out = unkinkPolygon({ type: 'Polygon', coordinates: structuredClone(part) });
      return out.features.map((f) => f.geometry.coordinates as Ring[]);
    } catch {
      // fall through to the union
    }
  }
  return union(part as [number, number][][]) as Ring[][];
}

/**
 * Checks one unit's (WGS 84) geometry and, with `repair`, fixes what can be fixed: closes rings, drops repeated
 * consecutive points and degenerate rings, splits self-intersecting parts. Winding is always made RFC 7946's.
 */
export function checkPolygon(input: Geometry | null | undefined, opts: { repair: boolean }): CheckedGeometry {
  const issues: GeometryIssue[] = [];
  const repairs: string[] = [];
  const empty = (issue: GeometryIssue): CheckedGeometry => ({
    geometry: undefined,
    issues: [issue],
    repairs,
    areaM2: 0,
    bbox: [0, 0, 0, 0],
  });
  if (!input) return empty({ code: 'empty_geometry' });
  if (input.type !== 'Polygon' && input.type !== 'MultiPolygon') {
    return empty({ code: 'invalid_geometry', reason: `a ${input.type} is not a polygon` });
  }
  const rawParts = (input.type === 'Polygon' ? [input.coordinates] : input.coordinates) as Position[][][];
  if (!rawParts.some((part) => part.some((ring) => ring.length > 0))) return empty({ code: 'empty_geometry' });

  // `stored` keeps the input as given unless repairing; `clean` (closed, no repeats, no degenerate rings) is measured.
  const stored: Ring[][] = [];
  let clean: Ring[][] = [];
  let repeats = 0;
  for (const [pi, rawPart] of rawParts.entries()) {
    const storedPart: Ring[] = [];
    const cleanPart: Ring[] = [];
    let outerUsable = true;
    for (const [ri, rawRing] of rawPart.entries()) {
      const ring: Ring = rawRing.map((p) => [Number(p[0]), Number(p[1])]);
      if (ring.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
        return empty({ code: 'invalid_geometry', reason: `part ${pi + 1} ring ${ri + 1} has a coordinate that is not a number` });
      }
      if (!opts.repair) storedPart.push(ring);
      const at = { part: pi + 1, ring: ri + 1 };
      const deduped = dropRepeats(ring);
      const closed = deduped.length > 1 && same(deduped[0], deduped.at(-1));
      const open = closed ? deduped.slice(0, -1) : deduped;
      repeats += ring.length - deduped.length;
      if (!closed) {
        if (opts.repair) repairs.push(`closed ring ${at.ring} of part ${at.part}`);
        else issues.push({ code: 'unclosed_ring', ...at });
      }
      if (open.length < 3) {
        if (opts.repair) repairs.push(`dropped ring ${at.ring} of part ${at.part} (fewer than 3 distinct points)`);
        else issues.push({ code: 'too_few_points', ...at });
        if (ri === 0) outerUsable = false; // without a usable outer ring the part's holes mean nothing
        continue;
      }
      if (outerUsable) cleanPart.push([...open, open[0]!]);
    }
    if (!opts.repair && storedPart.length > 0) stored.push(storedPart);
    if (cleanPart.length > 0) clean.push(cleanPart);
  }
  if (opts.repair && repeats > 0) repairs.push(`dropped ${repeats} repeated consecutive point(s)`);
  if (clean.length === 0) return { ...empty({ code: 'empty_geometry' }), issues: [...issues, { code: 'empty_geometry' }] };

  // Self-intersections, part by part (@turf/kinks also finds a hole crossing its shell).
  const unkinked: Ring[][] = [];
  let kinksFound = 0;
  for (const [pi, part] of clean.entries()) {
    const points = kinks({ type: 'Polygon', coordinates: part }).features.map((f) => f.geometry.coordinates as [number, number]);
    const unique = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()];
    if (unique.length === 0) {
      unkinked.push(part);
      continue;
    }
    kinksFound += unique.length;
    if (opts.repair) {
      const pieces = unkink(part);
      unkinked.push(...pieces);
      repairs.push(`split self-intersecting part ${pi + 1} into ${pieces.length} part(s)`);
    } else {
      for (const at of unique.slice(0, MAX_KINKS_REPORTED)) issues.push({ code: 'self_intersection', at });
      unkinked.push(part);
    }
  }
  if (opts.repair && kinksFound > 0) clean = unkinked;
  const out = opts.repair ? clean : stored; // repair: the clean rings are what is stored

  const turned = rewind(out);
  if (opts.repair && turned > 0) repairs.push(`turned ${turned} ring(s) to RFC 7946 winding`);

  const geometry: Polygon | MultiPolygon =
    input.type === 'Polygon' && out.length === 1 ? { type: 'Polygon', coordinates: out[0]! } : { type: 'MultiPolygon', coordinates: out };
  const measured: MultiPolygon = { type: 'MultiPolygon', coordinates: clean };
  // Part by part: @turf/boolean-valid also refuses parts of a multipolygon that touch at a point, which OGC allows.
  if (issues.length === 0 && clean.some((part) => !booleanValid({ type: 'Polygon', coordinates: part }))) {
    issues.push({ code: 'invalid_geometry', reason: 'a spike, a puncture or a hole crossing its shell' });
  }
  return { geometry, issues, repairs, areaM2: area(measured), bbox: bboxOf(clean) };
}

export function bboxOf(parts: Position[][][]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    for (const ring of part) {
      for (const p of ring) {
        const x = p[0]!;
        const y = p[1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}
