/**
 * Names of coordinate reference systems as they appear in GeoJSON `crs` members, `--crs` flags and WKT (`.prj`,
 * GeoPackage `gpkg_spatial_ref_sys`). Pure parsing; resolution to a transformation is in reproject.ts.
 */
export type CrsRef =
  /** WGS 84 longitude/latitude, the GeoJSON default (RFC 7946). */
  | { kind: 'crs84' }
  | { kind: 'epsg'; code: number }
  | { kind: 'wkt'; wkt: string };

export const CRS84: CrsRef = { kind: 'crs84' };

const crs84Patterns = [
  /^urn:ogc:def:crs:ogc:[\d.]*:crs84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/ogc\/[^/]+\/crs84$/i,
  /^(?:ogc:)?crs84$/i,
];

const epsgPatterns = [
  // urn:ogc:def:crs:EPSG::27700, urn:ogc:def:crs:EPSG:6.6:27700, urn:x-ogc:def:crs:EPSG:27700
  /^urn:(?:x-)?ogc:def:crs:epsg:[\d.]*:(\d+)$/i,
  /^urn:(?:x-)?ogc:def:crs:epsg:(\d+)$/i,
  /^epsg:{1,2}(\d+)$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[^/]+\/(\d+)$/i,
  /^https?:\/\/www\.opengis\.net\/gml\/srs\/epsg\.xml#(\d+)$/i,
];

/**
 * Reads a CRS name: the OGC URN and URL forms, `EPSG:nnnn`, and `CRS84`. EPSG:4326 is read as WGS 84 with
 * longitude first, as GeoJSON writers use it (the 2008 GeoJSON spec keeps x, y order whatever the CRS says).
 */
export function parseCrsName(name: string): CrsRef | undefined {
  const text = name.trim();
  if (crs84Patterns.some((p) => p.test(text))) return CRS84;
  for (const pattern of epsgPatterns) {
    const m = pattern.exec(text);
    if (m) {
      const code = Number(m[1]);
      return code === 4326 ? CRS84 : { kind: 'epsg', code };
    }
  }
  return undefined;
}

export type CrsMemberResult = { ok: true; crs: CrsRef } | { ok: false; reason: string };

/** Reads the `crs` member of a GeoJSON object (2008 spec: `name` and the older `EPSG` type; `link` is refused). */
export function crsFromGeoJsonMember(member: unknown): CrsMemberResult {
  if (member === undefined || member === null) return { ok: true, crs: CRS84 };
  if (typeof member !== 'object') return { ok: false, reason: `crs member is not an object: ${JSON.stringify(member)}` };
  const m = member as { type?: unknown; properties?: Record<string, unknown> };
  const props = m.properties ?? {};
  if (m.type === 'name' && typeof props.name === 'string') {
    const crs = parseCrsName(props.name);
    return crs ? { ok: true, crs } : { ok: false, reason: `unknown crs name "${props.name}"` };
  }
  if (m.type === 'EPSG' && (typeof props.code === 'number' || typeof props.code === 'string')) {
    const crs = parseCrsName(`EPSG:${props.code}`);
    return crs ? { ok: true, crs } : { ok: false, reason: `unknown EPSG code "${props.code}"` };
  }
  return { ok: false, reason: `unsupported crs member ${JSON.stringify(member)}; give --crs EPSG:nnnn` };
}

/** Splits a WKT (1 or 2) node into its keyword and its top-level arguments (strings unquoted). Hand-written: tiny. */
function wktTopLevel(wkt: string): { keyword: string; args: string[] } | undefined {
  const text = wkt.trim();
  const open = text.search(/[[(]/);
  if (open <= 0) return undefined;
  const keyword = text.slice(0, open).trim().toUpperCase();
  const args: string[] = [];
  let depth = 0;
  let inString = false;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '"' && text[i + 1] === '"') i++; // "" is a quote inside a string
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return { keyword, args };
      }
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return undefined;
}

const unquote = (s: string) => s.replace(/^"(.*)"$/s, '$1').replaceAll('""', '"');

/** The name of the outermost WKT node, e.g. "OSGB36 / British National Grid". */
export function wktName(wkt: string): string | undefined {
  const top = wktTopLevel(wkt);
  const first = top?.args[0];
  return first?.startsWith('"') ? unquote(first) : undefined;
}

/** The EPSG code of the outermost WKT node: `AUTHORITY["EPSG","27700"]` (WKT 1) or `ID["EPSG",27700]` (WKT 2). */
export function wktEpsgCode(wkt: string): number | undefined {
  const top = wktTopLevel(wkt);
  if (!top) return undefined;
  for (const arg of top.args) {
    const node = wktTopLevel(arg);
    if (!node || (node.keyword !== 'AUTHORITY' && node.keyword !== 'ID')) continue;
    const [authority, code] = node.args.map(unquote);
    if (authority?.toUpperCase() === 'EPSG' && code && /^\d+$/.test(code)) return Number(code);
  }
  return undefined;
}

/**
 * A name reduced for matching ESRI-style names against EPSG ones: "NAD_1983_UTM_Zone_10N" and
 * "NAD83 / UTM zone 10N" both become "nad83utmzone10n"; "GCS_WGS_1984" becomes "wgs84".
 */
export function normalizeCrsName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^gcs_/, '')
    .replace(/(?<![a-z])(wgs|nad)[\s_]*19(\d\d)(?!\d)/g, '$1$2')
    .replace(/[^a-z0-9]/g, '');
}
