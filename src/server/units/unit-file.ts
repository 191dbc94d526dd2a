import { DomainError } from '../../core/errors.ts';
import type { CrsRef } from '../../core/geo/crs.ts';
import type { RawFeature } from '../../core/units/unit-prepare.ts';

export type UnitFileFormat = 'geojson' | 'shapefile' | 'geopackage';

/** The features of a boundary file, and the CRS the file states (undefined: it states none). */
export type UnitFile = {
  format: UnitFileFormat;
  features: RawFeature[];
  crs: CrsRef | undefined;
  /** Every property name seen, in first-seen order. */
  fields: string[];
  /** e.g. the GeoPackage layer read. */
  notes: string[];
};

export const badFile = (fileName: string, why: string, details?: Record<string, unknown>) =>
  new DomainError('units.bad_file', `${fileName}: ${why}`, { file: fileName, ...details });

export function fieldsOf(features: readonly RawFeature[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties)) seen.add(k);
  return [...seen];
}

