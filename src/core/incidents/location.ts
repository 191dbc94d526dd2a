import { type Cell, cellNumber, cellText, type SourceRow } from './cells.ts';
import type { LocationSpec } from './profile.ts';

/** Where a record is: a point (WGS 84) or an imported unit code. */
export type Place = { kind: 'point'; lon: number; lat: number } | { kind: 'unit'; code: string };

export type PlaceProblem = { field: string; value: string; reason: string };

export type LocationReader = (row: SourceRow) => { ok: true; place: Place } | { ok: false; problems: PlaceProblem[] };

/** Reprojects (x, y) in a coordinate system to (lon, lat) in WGS 84 (the server builds it with proj4). */
export type Projector = (x: number, y: number) => readonly [number, number];

export function buildLocationReader(
  spec: LocationSpec,
  header: readonly string[],
  decimal: '.' | ',',
  project: Projector | undefined,
): LocationReader {
  const at = (column: string) => header.indexOf(column);
  if (spec === 'geometry') {
    return (row) =>
      row.point
        ? checkRange(row.point[0], row.point[1], 'geometry', `${row.point[0]} ${row.point[1]}`)
        : { ok: false, problems: [{ field: 'geometry', value: '', reason: 'feature has no Point geometry' }] };
  }
  if ('unit' in spec) {
    const i = at(spec.unit);
    return (row) => {
      const code = cellText(row.cells[i]);
      if (code === '') return { ok: false, problems: [{ field: spec.unit, value: '', reason: 'unit is empty' }] };
      return { ok: true, place: { kind: 'unit', code } };
    };
  }
  const [xName, yName] = 'lon' in spec ? [spec.lon, spec.lat] : [spec.x, spec.y];
  const xi = at(xName);
  const yi = at(yName);
  const both = `${xName}+${yName}`;
  const reproject = 'lon' in spec ? undefined : project;
  return (row) => {
    const problems: PlaceProblem[] = [];
    const x = coordinate(row.cells[xi], xName, decimal, problems);
    const y = coordinate(row.cells[yi], yName, decimal, problems);
    if (x === undefined || y === undefined) return { ok: false, problems };
    const shown = `${cellText(row.cells[xi])} ${cellText(row.cells[yi])}`;
    if (!reproject) return checkRange(x, y, both, shown);
    const [lon, lat] = reproject(x, y);
    return checkRange(lon, lat, both, shown);
  };
}

function coordinate(cell: Cell, field: string, decimal: '.' | ',', problems: PlaceProblem[]): number | undefined {
  const n = cellNumber(cell, decimal);
  if (n === undefined) {
    const value = cellText(cell);
    problems.push({ field, value, reason: value === '' ? 'coordinate is empty' : 'coordinate is not a number' });
  }
  return n;
}

function checkRange(lon: number, lat: number, field: string, shown: string): ReturnType<LocationReader> {
  if (Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
    return { ok: true, place: { kind: 'point', lon, lat } };
  }
  return { ok: false, problems: [{ field, value: shown, reason: 'coordinates outside longitude/latitude range' }] };
}
