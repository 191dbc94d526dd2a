import { unzipSync } from 'fflate';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { DomainError } from '../../core/errors.ts';
import type { RawFeature } from '../../core/units/unit-prepare.ts';
import { badFile, fieldsOf, type UnitFile } from './unit-file.ts';

/** Code page names in .cpg files → labels TextDecoder knows. */
function encodingOf(cpg: string | undefined): string {
  const c = (cpg ?? '').trim().toLowerCase();
  if (!c) return 'windows-1252'; // the dBase default
  if (/^(utf-?8|65001)$/.test(c)) return 'utf-8';
  if (/^\d{3,4}$/.test(c)) return `windows-${c}`;
  if (/^ansi[ _]?(\d+)$/.test(c)) return `windows-${c.replace(/\D/g, '')}`;
  return c;
}

/** How much a zipped Shapefile's .shp, .dbf, .prj and .cpg may inflate to, together: 1 GiB. */
export const maxShapefileInflatedBytes = 1024 ** 3;

/**
 * Reads a zipped Shapefile with the `shapefile` package: one .shp with its .dbf (and .prj, .cpg beside it, same base
 * name). The .prj's WKT is the file's CRS.
 */
export async function readZippedShapefile(bytes: Uint8Array, fileName: string, limits: { maxInflatedBytes?: number } = {}): Promise<UnitFile> {
  const maxInflated = limits.maxInflatedBytes ?? maxShapefileInflatedBytes;
  // Only the layer's files are inflated, each into a buffer of the size the zip declares (fflate never grows it).
  // A first pass reads the directory alone and adds those sizes up: a zip bomb is refused before any byte of it is
  // inflated.
  const wanted = (name: string) => /\.(shp|dbf|prj|cpg)$/i.test(name) && !name.startsWith('__MACOSX/');
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (wanted(f.name)) declared += f.originalSize;
        return false;
      },
    });
    if (declared > maxInflated) {
      throw badFile(fileName, `the zip would inflate to more than ${Math.round(maxInflated / 1024 ** 2)} MiB (a zip bomb?); the limit is ${maxInflated} bytes`, {
        limitBytes: maxInflated,
      });
    }
    entries = unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw badFile(fileName, `not a readable zip (${(err as Error).message})`);
  }
  const names = Object.keys(entries).filter((n) => !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length !== 1) {
    throw badFile(fileName, shps.length === 0 ? 'the zip holds no .shp file' : `the zip holds ${shps.length} .shp files (${shps.join(', ')}); zip one layer`);
  }
  const base = shps[0]!.replace(/\.shp$/i, '');
  const sibling = (ext: string) => {
    const name = names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
    return name ? entries[name] : undefined;
  };
  const dbf = sibling('dbf');
  if (!dbf) throw badFile(fileName, `${base}.shp has no ${base}.dbf beside it`);
  const prj = sibling('prj');
  const cpg = sibling('cpg');
  const encoding = encodingOf(cpg && new TextDecoder().decode(cpg));

  const features: RawFeature[] = [];
  try {
    const source = await shapefile.open(toArrayBuffer(entries[shps[0]!]!), toArrayBuffer(dbf), { encoding });
    for (let index = 1; ; index++) {
      const next = await source.read();
      if (next.done) break;
      features.push({
        index,
        properties: { ...(next.value.properties ?? {}) },
        geometry: (next.value.geometry ?? null) as Geometry | null,
      });
    }
  } catch (err) {
    throw badFile(fileName, `record ${features.length + 1} of ${base}.shp cannot be read (${(err as Error).message})`, {
      feature: features.length + 1,
    });
  }
  const wkt = prj && new TextDecoder().decode(prj).trim();
  return {
    format: 'shapefile',
    features,
    crs: wkt ? { kind: 'wkt', wkt } : undefined,
    fields: fieldsOf(features),
    notes: [`read ${base}.shp (${encoding})`],
  };
}

function toArrayBuffer(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}
