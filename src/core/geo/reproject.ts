import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { DomainError } from '../errors.ts';
import { type CrsRef, normalizeCrsName, wktEpsgCode, wktName } from './crs.ts';

/** One row of the EPSG table (epsg-index): the server loads it, the core only looks things up. */
export type EpsgRecord = { code: number; name: string; proj4: string };

export type EpsgTable = {
  byCode(code: number): EpsgRecord | undefined;
  /** By a name reduced with normalizeCrsName: the full name, or the part after " / " when that is unambiguous. */
  byName(name: string): EpsgRecord | undefined;
};

export function epsgTableFrom(
  records: Iterable<{ code: string | number; name: string; proj4?: string | null; kind?: string }>,
): EpsgTable {
  const codes = new Map<number, EpsgRecord>();
  const names = new Map<string, EpsgRecord | null>();
  const addName = (key: string, rec: EpsgRecord, exactOnly: boolean) => {
    if (!key) return;
    const seen = names.get(key);
    if (seen === undefined) names.set(key, rec);
    else if (seen !== null && seen.code !== rec.code && !exactOnly) names.set(key, null); // ambiguous short name
  };
  for (const r of records) {
    if (!r.proj4 || (r.kind && !/^CRS-(PROJCRS|GEOGCRS)$/.test(r.kind))) continue;
    const rec: EpsgRecord = { code: Number(r.code), name: r.name, proj4: r.proj4 };
    codes.set(rec.code, rec);
    addName(normalizeCrsName(rec.name), rec, true);
  }
  for (const rec of codes.values()) {
    const short = rec.name.split(' / ')[1];
    if (short) addName(normalizeCrsName(short), rec, false);
  }
  return {
    byCode: (code) => codes.get(code),
    byName: (name) => names.get(normalizeCrsName(name)) ?? undefined,
  };
}

export type Reprojection = {
  /** For messages: "EPSG:27700 (OSGB36 / British National Grid)", "WGS 84". */
  label: string;
  identity: boolean;
  /** Caveats to pass on to the user, e.g. a datum shift done with a Helmert transformation instead of a grid. */
  notes: string[];
  toWgs84(x: number, y: number): [number, number];
};

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

/**
 * Datum shifts for systems whose EPSG definition needs a grid file we do not ship. OSGB36: EPSG transformation
 * 1314 "OSGB36 to WGS 84 (6)", the Ordnance Survey's published Helmert parameters, about 2–5 m against OSTN15.
 */
const helmertInsteadOfGrid: Record<number, string> = {
  27700: '446.448,-125.157,542.06,0.15,0.247,0.842,-20.489',
  4277: '446.448,-125.157,542.06,0.15,0.247,0.842,-20.489',
};

/** Removes mandatory `+nadgrids` (no grid files are loaded) and says what that costs. */
function withoutGrids(def: string, code: number, notes: string[]): string {
  const m = /\s*\+nadgrids=(\S+)/.exec(def);
  if (!m || m[1]!.split(',').every((g) => g.startsWith('@'))) return def;
  let out = def.replace(m[0], '');
  const helmert = helmertInsteadOfGrid[code];
  if (helmert) {
    out += ` +towgs84=${helmert}`;
    notes.push(`EPSG:${code}: datum shift by the published Helmert transformation instead of grid ${m[1]} (about 2–5 m)`);
  } else {
    notes.push(`EPSG:${code}: datum shift grid ${m[1]} is not available; the datum shift is ignored`);
  }
  return out;
}

function converter(def: string | object, label: string, notes: string[]): Reprojection {
  const conv = proj4(def as string, WGS84);
  return {
    label,
    identity: false,
    notes,
    toWgs84(x, y) {
      const [lon, lat] = conv.forward([x, y]);
      return [lon!, lat!];
    },
  };
}

const isLonLat = ([lon, lat]: [number, number]) =>
  Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

function fromEpsg(code: number, table: EpsgTable): Reprojection {
  const rec = table.byCode(code);
  if (!rec) throw new DomainError('units.bad_crs', `EPSG:${code} is not in the EPSG table (or has no proj4 definition).`, { crs: `EPSG:${code}` });
  const notes: string[] = [];
  return converter(withoutGrids(rec.proj4, code, notes), `EPSG:${code} (${rec.name})`, notes);
}

/**
 * The transformation from `ref` to WGS 84 longitude/latitude. WKT goes to proj4's own parser first; WKT that
 * proj4 cannot read (it throws, or `sample` does not land on the globe) is matched to the EPSG table by its
 * AUTHORITY/ID code, then by name.
 */
export function resolveCrs(ref: CrsRef, table: EpsgTable, sample?: [number, number]): Reprojection {
  switch (ref.kind) {
    case 'crs84':
      return { label: 'WGS 84', identity: true, notes: [], toWgs84: (x, y) => [x, y] };
    case 'epsg':
      return fromEpsg(ref.code, table);
    case 'wkt': {
      const code = wktEpsgCode(ref.wkt);
      const name = wktName(ref.wkt);
      if (code === 4326 || (name && /^(gcs_)?wgs[\s_]*(19)?84$/i.test(name))) return resolveCrs({ kind: 'crs84' }, table);
      // A WKT naming a grid file (epsg.io/epsg-index style) would need that grid: prefer the table then.
      if (!(code && /PROJ4_GRIDS/i.test(ref.wkt))) {
        try {
          const r = converter(ref.wkt, name ? `WKT "${name}"` : 'WKT', []);
          if (!sample || isLonLat(r.toWgs84(sample[0], sample[1]))) return r;
        } catch {
          // not readable by proj4: fall through to the EPSG table
        }
      }
      const byCode = code ? table.byCode(code) : undefined;
      if (byCode) return fromEpsg(byCode.code, table);
      const byName = name ? table.byName(name) : undefined;
      if (byName) return fromEpsg(byName.code, table);
      throw new DomainError(
        'units.bad_crs',
        `The coordinate system ${name ? `"${name}" ` : ''}cannot be read and matches no EPSG code or name; give --crs EPSG:nnnn.`,
        { crs: name ?? ref.wkt.slice(0, 200) },
      );
    }
    default: {
      const never: never = ref;
      throw new Error(`unknown CRS ${JSON.stringify(never)}`);
    }
  }
}

/** Applies `fn` to every position of a geometry (2D: z and m are dropped). */
export function mapPositions<G extends Geometry>(geometry: G, fn: (x: number, y: number) => [number, number]): G {
  const p = (pos: Position): Position => fn(pos[0]!, pos[1]!);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: p(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(p) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((r) => r.map(p)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((poly) => poly.map((r) => r.map(p))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => mapPositions(g, fn)) };
    default: {
      const never: never = geometry;
      throw new Error(`unknown geometry ${JSON.stringify(never)}`);
    }
  }
}

/** The first position of a geometry, to test a transformation on. */
export function firstPosition(geometry: Geometry | null | undefined): [number, number] | undefined {
  if (!geometry) return undefined;
  if (geometry.type === 'GeometryCollection') {
    for (const g of geometry.geometries) {
      const f = firstPosition(g);
      if (f) return f;
    }
    return undefined;
  }
  let c: unknown = geometry.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : undefined;
}
