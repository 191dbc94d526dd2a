import type { MultiPolygon, Polygon } from 'geojson';
import type { UnitIssue } from './unit.ts';
import type { PreparedUnit } from './unit-prepare.ts';

/** What the store holds for one code at the import's level (one row per boundary version). */
export type StoredVersion = {
  id: number;
  code: string;
  name: string;
  parentCode: string | null;
  validFromYear: number;
  validToYear: number | null;
  geometry: Polygon | MultiPolygon;
  issues: UnitIssue[];
};

export type VersionPlan = {
  inserts: { unit: PreparedUnit; validFromYear: number; validToYear: number | null }[];
  /** Same version, new name, parent or geometry. */
  updates: { id: number; unit: PreparedUnit }[];
  /** Unchanged content whose issues changed (e.g. a new overlap). Counted as unchanged. */
  reflagged: { id: number; issues: UnitIssue[] }[];
  /** Older versions that end where the import's version begins. */
  closes: { id: number; validToYear: number }[];
  imported: number;
  updated: number;
  unchanged: number;
};

/** Geometry as a string whatever key order the store gives back (jsonb reorders keys). */
export const geometryKey = (g: Polygon | MultiPolygon): string => JSON.stringify({ type: g.type, coordinates: g.coordinates });
const issuesKey = (issues: UnitIssue[]): string => JSON.stringify(issues);

/**
 * Decides how one file's units land among the versions already stored at the same level.
 *
 * The import's year is `year`, or 0 without `--year`. For each code, the version valid in that year:
 * - is unchanged (same name, parent, geometry): nothing happens (its issues are refreshed);
 * - begins in that year: it is updated in place;
 * - began earlier: it is closed (`valid_to_year = year`) and a new version begins, ending where the old one ended.
 * A code with no version valid in that year gets one, up to the next stored version if there is one.
 * Codes stored but absent from the file are left as they are.
 */
export function planVersions(stored: readonly StoredVersion[], incoming: readonly PreparedUnit[], year: number | undefined): VersionPlan {
  const at = year ?? 0;
  const byCode = new Map<string, StoredVersion[]>();
  for (const v of stored) {
    const list = byCode.get(v.code) ?? [];
    list.push(v);
    byCode.set(v.code, list);
  }
  const plan: VersionPlan = { inserts: [], updates: [], reflagged: [], closes: [], imported: 0, updated: 0, unchanged: 0 };
  for (const unit of incoming) {
    const versions = byCode.get(unit.code) ?? [];
    const current = versions.find((v) => v.validFromYear <= at && (v.validToYear === null || v.validToYear > at));
    if (!current) {
      const next = versions.filter((v) => v.validFromYear > at).sort((a, b) => a.validFromYear - b.validFromYear)[0];
      plan.inserts.push({ unit, validFromYear: at, validToYear: next?.validFromYear ?? null });
      if (versions.length === 0) plan.imported++;
      else plan.updated++;
      continue;
    }
    const same =
      current.name === unit.name && current.parentCode === unit.parentCode && geometryKey(current.geometry) === geometryKey(unit.geometry);
    if (same) {
      plan.unchanged++;
      if (issuesKey(current.issues) !== issuesKey(unit.issues)) plan.reflagged.push({ id: current.id, issues: unit.issues });
    } else if (current.validFromYear === at) {
      plan.updates.push({ id: current.id, unit });
      plan.updated++;
    } else {
      plan.closes.push({ id: current.id, validToYear: at });
      plan.inserts.push({ unit, validFromYear: at, validToYear: current.validToYear });
      plan.updated++;
    }
  }
  return plan;
}
