import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type EpsgTable, epsgTableFrom } from '../../core/geo/reproject.ts';

let table: EpsgTable | undefined;

/** The EPSG table of the epsg-index package (proj4 definitions by code), read once on first use (~8 MB). */
export function loadEpsgTable(): EpsgTable {
  if (!table) {
    const path = createRequire(import.meta.url).resolve('epsg-index/all.json');
    const all = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { code: string; name: string; proj4: string | null; kind: string }>;
    table = epsgTableFrom(Object.values(all));
  }
  return table;
}
