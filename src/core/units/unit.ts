import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { GeometryIssue } from '../geo/polygon-check.ts';

/** Levels of a city's units: 1 = the coarsest (e.g. district), 2 = inside it (e.g. ward)… */
export const unitLevelSchema = z.coerce.number().int().min(1).max(9);
export const yearSchema = z.coerce.number().int().min(1800).max(2200);

/** Something flagged on a unit, kept in its `issues` column (feature numbers count from 1). */
export type UnitIssue =
  | GeometryIssue
  | { code: 'overlap'; with: string; area_m2: number }
  | { code: 'duplicate_id'; feature: number; first: number }
  | { code: 'unknown_parent'; parent: string; level: number };

export type UnitIssueCode = UnitIssue['code'];

/** One boundary version of a unit as stored. `code` is the unit's id as imported. */
export type UnitVersion = {
  id: number;
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  validFromYear: number;
  validToYear: number | null;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  areaM2: number;
  issues: UnitIssue[];
};

export type UnitLevel = { level: number; name: string | null; units: number };

export const unitImportOptionsSchema = z
  .object({
    idField: z.string().min(1),
    nameField: z.string().min(1),
    parentField: z.string().min(1).optional(),
    level: unitLevelSchema.default(1),
    populationField: z.string().min(1).optional(),
    year: yearSchema.optional(),
    /** e.g. EPSG:27700 or a CRS URN; overrides what the file says. */
    crs: z.string().min(1).optional(),
    repair: z.boolean().default(false),
  })
  .refine((o) => !o.populationField || o.year !== undefined, { path: ['year'], message: '--population needs --year' })
  .refine((o) => !o.parentField || o.level > 1, { path: ['level'], message: '--parent needs --level 2 or more' });

export type UnitImportOptions = z.output<typeof unitImportOptionsSchema>;

/** One line of an import's report file (`unit,code,detail`). */
export type ReportRow = { unit: string; code: string; detail: string };

export type UnitImportSummary = {
  batchId: number;
  crs: string;
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  flagged: number;
  /** Features not imported (no id, repeated id, no usable geometry). */
  skipped: number;
  repaired: number;
  populationRows: number;
  notes: string[];
  report: ReportRow[];
};

/** The words of a report line for an issue. */
export function describeIssue(issue: UnitIssue): string {
  switch (issue.code) {
    case 'empty_geometry':
      return 'no usable geometry';
    case 'unclosed_ring':
      return `ring ${issue.ring} of part ${issue.part} is not closed`;
    case 'too_few_points':
      return `ring ${issue.ring} of part ${issue.part} has fewer than 3 distinct points`;
    case 'self_intersection':
      return `self-intersection at ${issue.at[0]} ${issue.at[1]}`;
    case 'invalid_geometry':
      return issue.reason;
    case 'overlap':
      return `overlaps ${issue.with} by ${issue.area_m2} m²`;
    case 'duplicate_id':
      return `feature ${issue.feature} repeats the id of feature ${issue.first}; only feature ${issue.first} was imported`;
    case 'unknown_parent':
      return issue.parent === ''
        ? `no parent given (level ${issue.level} needs one at level ${issue.level - 1})`
        : `parent ${issue.parent} is not a unit at level ${issue.level - 1}`;
    default: {
      const never: never = issue;
      throw new Error(`unknown issue ${JSON.stringify(never)}`);
    }
  }
}
