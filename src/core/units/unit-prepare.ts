import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { findOverlaps } from '../geo/overlap.ts';
import { checkPolygon } from '../geo/polygon-check.ts';
import { mapPositions, type Reprojection } from '../geo/reproject.ts';
import { describeIssue, type ReportRow, type UnitImportOptions, type UnitIssue } from './unit.ts';

/** A feature as read from a file; `index` counts from 1 in file order. */
export type RawFeature = { index: number; properties: Record<string, unknown>; geometry: Geometry | null };

/** A unit ready to store: WGS 84, RFC 7946 winding, measured, flagged. */
export type PreparedUnit = {
  feature: number;
  code: string;
  name: string;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  areaM2: number;
  issues: UnitIssue[];
  population: number | undefined;
};

export type PreparedUnits = { units: PreparedUnit[]; report: ReportRow[]; skipped: number; repaired: number };

/** Reprojected coordinates are kept to 1e-9° (0.1 mm): more digits are noise from the transformation. */
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).trim();
}

function inLonLatRange(g: Polygon | MultiPolygon | Geometry): boolean {
  let ok = true;
  mapPositions(g, (x, y) => {
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) ok = false;
    return [x, y];
  });
  return ok;
}

/**
 * Turns the features of one file into units: ids and names from the named fields, repeated ids reported, geometry
 * reprojected to WGS 84, checked (and repaired on request), overlaps between the file's units found. Features
 * without an id or without usable geometry are skipped and reported; everything else is imported, flagged.
 */
export function prepareUnits(features: readonly RawFeature[], opts: UnitImportOptions, crs: Reprojection): PreparedUnits {
  const report: ReportRow[] = [];
  const units: PreparedUnit[] = [];
  const byCode = new Map<string, PreparedUnit | number>();
  let skipped = 0;
  let repaired = 0;
  for (const f of features) {
    const code = text(f.properties[opts.idField]);
    const where = `feature ${f.index}`;
    if (!code) {
      report.push({ unit: '', code: 'missing_id', detail: `${where}: field ${opts.idField} is empty` });
      skipped++;
      continue;
    }
    const first = byCode.get(code);
    if (first !== undefined) {
      const firstIndex = typeof first === 'number' ? first : first.feature;
      const issue: UnitIssue = { code: 'duplicate_id', feature: f.index, first: firstIndex };
      if (typeof first !== 'number') first.issues.push(issue);
      report.push({ unit: code, code: 'duplicate_id', detail: `${where}: ${describeIssue(issue)}` });
      skipped++;
      continue;
    }
    let name = text(f.properties[opts.nameField]);
    if (!name) {
      report.push({ unit: code, code: 'missing_name', detail: `${where}: field ${opts.nameField} is empty; the id is used as name` });
      name = code;
    }
    const parentCode = opts.parentField ? text(f.properties[opts.parentField]) || null : null;
    let population: number | undefined;
    if (opts.populationField) {
      const raw = f.properties[opts.populationField];
      const value = typeof raw === 'number' ? raw : text(raw) === '' ? Number.NaN : Number(text(raw));
      if (Number.isFinite(value) && value >= 0) population = value;
      else {
        report.push({
          unit: code,
          code: 'bad_population',
          detail: `${where}: field ${opts.populationField} = ${JSON.stringify(raw ?? null)} is not a number ≥ 0; no population written`,
        });
      }
    }

    let geometry = f.geometry;
    if (geometry && !crs.identity) geometry = mapPositions(geometry, (x, y) => crs.toWgs84(x, y).map(round9) as [number, number]);
    const outOfRange = geometry !== null && !inLonLatRange(geometry);
    const checked = checkPolygon(outOfRange ? null : geometry, { repair: opts.repair });
    if (outOfRange) {
      checked.issues = [{ code: 'invalid_geometry', reason: `coordinates outside longitude/latitude range when read as ${crs.label}` }];
    }
    if (!checked.geometry) {
      for (const issue of checked.issues) report.push({ unit: code, code: issue.code, detail: `${where}: ${describeIssue(issue)}; not imported` });
      byCode.set(code, f.index);
      skipped++;
      continue;
    }
    if (checked.repairs.length > 0) {
      repaired++;
      report.push({ unit: code, code: 'repaired', detail: `${where}: ${checked.repairs.join('; ')}` });
    }
    const unit: PreparedUnit = {
      feature: f.index,
      code,
      name,
      parentCode,
      geometry: checked.geometry,
      bbox: checked.bbox,
      areaM2: checked.areaM2,
      issues: checked.issues,
      population,
    };
    byCode.set(code, unit);
    units.push(unit);
  }

  const { overlaps } = findOverlaps(units);
  const byCodeUnit = new Map(units.map((u) => [u.code, u]));
  for (const o of overlaps) {
    byCodeUnit.get(o.a)?.issues.push({ code: 'overlap', with: o.b, area_m2: o.areaM2 });
    byCodeUnit.get(o.b)?.issues.push({ code: 'overlap', with: o.a, area_m2: o.areaM2 });
  }
  return { units, report, skipped, repaired };
}

/** Flags units whose parent is not among `parents` (the codes at level − 1 valid for the import's year). */
export function flagParents(units: readonly PreparedUnit[], level: number, parents: ReadonlySet<string>): void {
  if (level < 2) return;
  for (const u of units) {
    // The parent code is kept as given, flagged, so a later import of the parent level can settle it.
    if (u.parentCode === null || !parents.has(u.parentCode)) u.issues.push({ code: 'unknown_parent', parent: u.parentCode ?? '', level });
  }
}

/** Report lines for what is flagged on the imported units (repairs and skips are reported as they happen). */
export function issueRows(units: readonly PreparedUnit[]): ReportRow[] {
  return units.flatMap((u) => u.issues.filter((i) => i.code !== 'duplicate_id').map((i) => ({ unit: u.code, code: i.code, detail: `feature ${u.feature}: ${describeIssue(i)}` })));
}
