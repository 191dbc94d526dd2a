import type { Geometry } from 'geojson';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import wkx from 'wkx';
import { CRS84, type CrsRef, parseCrsName } from '../../core/geo/crs.ts';
import type { RawFeature } from '../../core/units/unit-prepare.ts';
import { badFile, fieldsOf, type UnitFile } from './unit-file.ts';

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

function rows(db: Database, sql: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const out: Record<string, SqlValue>[] = [];
    while (stmt.step()) out.push(stmt.getAsObject());
    return out;
  } finally {
    stmt.free();
  }
}

/**
 * The geometry of a GeoPackage blob (OGC 12-128r18 §2.1.3): a "GP" header with flags, srs id and an optional
 * envelope, then standard or ISO WKB. The header is parsed here (no installed library does); wkx parses the WKB.
 */
export function geoPackageGeometry(blob: Uint8Array): Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('not a GeoPackage geometry blob');
  const flags = blob[3]!;
  if (flags & 0x10) return null; // empty geometry
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelopeBytes === undefined) throw new Error('bad envelope indicator');
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelopeBytes, blob.byteLength - 8 - envelopeBytes);
  return wkx.Geometry.parse(wkb).toGeoJSON() as Geometry;
}

function crsOf(srs: Record<string, SqlValue> | undefined): CrsRef | undefined {
  if (!srs) return undefined;
  const id = Number(srs.srs_id);
  if (id === 0) return CRS84; // "undefined geographic" per the spec
  if (id === -1) return undefined;
  const org = String(srs.organization ?? '').toUpperCase();
  const code = Number(srs.organization_coordsys_id);
  if (org === 'EPSG' && code > 0) return parseCrsName(`EPSG:${code}`);
  const def = String(srs.definition ?? '').trim();
  return def && def.toLowerCase() !== 'undefined' ? { kind: 'wkt', wkt: def } : undefined;
}

/** Reads one feature table of a GeoPackage with sql.js (SQLite in WASM). */
export async function readGeoPackage(bytes: Uint8Array, fileName: string, layer: string | undefined): Promise<UnitFile> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (err) {
    throw badFile(fileName, `not a readable SQLite file (${(err as Error).message})`);
  }
  try {
    let layers: Record<string, SqlValue>[];
    try {
      layers = rows(
        db,
        `select c.table_name, g.column_name, g.srs_id from gpkg_contents c
           join gpkg_geometry_columns g on g.table_name = c.table_name
          where c.data_type = 'features' order by c.table_name`,
      );
    } catch {
      throw badFile(fileName, 'not a GeoPackage (no gpkg_contents or gpkg_geometry_columns table)');
    }
    const names = layers.map((l) => String(l.table_name));
    const chosen = layer ? layers.find((l) => l.table_name === layer) : layers.length === 1 ? layers[0] : undefined;
    if (!chosen) {
      throw badFile(
        fileName,
        layers.length === 0
          ? 'the GeoPackage has no feature table'
          : layer
            ? `no feature table "${layer}"; the file has: ${names.join(', ')}`
            : `the GeoPackage has ${layers.length} feature tables (${names.join(', ')}); name one with --layer`,
        { layers: names },
      );
    }
    const table = String(chosen.table_name);
    const geomColumn = String(chosen.column_name);
    const srs = rows(db, 'select * from gpkg_spatial_ref_sys where srs_id = ?', [Number(chosen.srs_id)])[0];
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const features: RawFeature[] = rows(db, `select * from ${quoted} order by rowid`).map((row, i) => {
      const { [geomColumn]: blob, ...properties } = row;
      let geometry: Geometry | null = null;
      if (blob instanceof Uint8Array) {
        try {
          geometry = geoPackageGeometry(blob);
        } catch (err) {
          throw badFile(fileName, `feature ${i + 1}: column ${geomColumn} is not a readable geometry (${(err as Error).message})`, {
            feature: i + 1,
          });
        }
      }
      return { index: i + 1, properties, geometry };
    });
    return { format: 'geopackage', features, crs: crsOf(srs), fields: fieldsOf(features), notes: [`read layer ${table}`] };
  } finally {
    db.close();
  }
}
