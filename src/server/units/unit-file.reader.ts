import type { Geometry } from 'geojson';
import { DomainError } from '../../core/errors.ts';
import { crsFromGeoJsonMember } from '../../core/geo/crs.ts';
import type { RawFeature } from '../../core/units/unit-prepare.ts';
import { readGeoPackage } from './geopackage.reader.ts';
import { readZippedShapefile } from './shapefile.reader.ts';
import { badFile, fieldsOf, type UnitFile } from './unit-file.ts';

/** Reads GeoJSON, a zipped Shapefile (.shp, .dbf, optional .prj and .cpg) or a GeoPackage, by content and name. */
export async function readUnitFile(bytes: Uint8Array, fileName: string, opts: { layer?: string } = {}): Promise<UnitFile> {
  const head = String.fromCharCode(...bytes.subarray(0, 16));
  if (head.startsWith('PK\u0003\u0004')) return readZippedShapefile(bytes, fileName);
  if (head.startsWith('SQLite format 3')) return readGeoPackage(bytes, fileName, opts.layer);
  if (/\.(geo)?json$/i.test(fileName) || /^\s*[{[]/.test(new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, ''))) {
    return readGeoJson(bytes, fileName);
  }
  throw badFile(fileName, 'not GeoJSON, a zipped Shapefile (.zip) or a GeoPackage (.gpkg)');
}

function readGeoJson(bytes: Uint8Array, fileName: string): UnitFile {
  let doc: unknown;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw badFile(fileName, `not valid JSON (${(err as Error).message})`);
  }
  const root = doc as { type?: unknown; features?: unknown; crs?: unknown };
  let rawFeatures: unknown[];
  if (root?.type === 'FeatureCollection' && Array.isArray(root.features)) rawFeatures = root.features;
  else if (root?.type === 'Feature') rawFeatures = [root];
  else throw badFile(fileName, 'a GeoJSON FeatureCollection or Feature was expected');
  const crsMember = crsFromGeoJsonMember(root.crs);
  if (!crsMember.ok) throw new DomainError('units.bad_crs', `${fileName}: ${crsMember.reason}`, { file: fileName });
  const features = rawFeatures.map((raw, i): RawFeature => {
    const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown; id?: unknown } | null;
    if (f?.type !== 'Feature') throw badFile(fileName, `feature ${i + 1} is not a GeoJSON Feature`, { feature: i + 1 });
    const properties = f?.properties && typeof f.properties === 'object' ? { ...(f.properties as Record<string, unknown>) } : {};
    return { index: i + 1, properties, geometry: (f.geometry ?? null) as Geometry | null };
  });
  return {
    format: 'geojson',
    features,
    crs: root.crs === undefined || root.crs === null ? undefined : crsMember.crs,
    fields: fieldsOf(features),
    notes: [],
  };
}
