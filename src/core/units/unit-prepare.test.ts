import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Reprojection } from '../geo/reproject.ts';
import { unitImportOptionsSchema } from './unit.ts';
import { flagParents, issueRows, prepareUnits, type RawFeature } from './unit-prepare.ts';
import { planVersions, type StoredVersion } from './unit-versions.ts';

const wgs84: Reprojection = { label: 'WGS 84', identity: true, notes: [], toWgs84: (x, y) => [x, y] };
const square = (x: number, y: number, s = 0.01): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
});
const feature = (index: number, properties: Record<string, unknown>, geometry: RawFeature['geometry']): RawFeature => ({
  index,
  properties,
  geometry,
});
const opts = (extra: Record<string, unknown> = {}) => unitImportOptionsSchema.parse({ idField: 'id', nameField: 'name', ...extra });

describe('prepareUnits', () => {
  it('reports repeated ids with both feature numbers, imports the first and flags it', () => {
    const r = prepareUnits(
      [feature(1, { id: 'A', name: 'a' }, square(0, 0)), feature(2, { id: 'B', name: 'b' }, square(1, 0)), feature(3, { id: 'A', name: 'a2' }, square(2, 0))],
      opts(),
      wgs84,
    );
    expect(r.units.map((u) => u.code)).toEqual(['A', 'B']);
    expect(r.skipped).toBe(1);
    expect(r.report).toEqual([
      { unit: 'A', code: 'duplicate_id', detail: 'feature 3: feature 3 repeats the id of feature 1; only feature 1 was imported' },
    ]);
    expect(r.units[0]!.issues).toEqual([{ code: 'duplicate_id', feature: 3, first: 1 }]);
  });

  it('skips features without an id or geometry and names the feature and field', () => {
    const r = prepareUnits([feature(1, { id: ' ', name: 'x' }, square(0, 0)), feature(2, { id: 7, name: '' }, null)], opts(), wgs84);
    expect(r.units).toEqual([]);
    expect(r.report).toEqual([
      { unit: '', code: 'missing_id', detail: 'feature 1: field id is empty' },
      { unit: '7', code: 'missing_name', detail: 'feature 2: field name is empty; the id is used as name' },
      { unit: '7', code: 'empty_geometry', detail: 'feature 2: no usable geometry; not imported' },
    ]);
  });

  it('flags overlapping units on both sides, and self-intersections where they are', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[[5, 5], [5.02, 5.02], [5.02, 5], [5, 5.02], [5, 5]]] };
    const r = prepareUnits(
      [feature(1, { id: 'A', name: 'a' }, square(0, 0)), feature(2, { id: 'B', name: 'b' }, square(0.005, 0)), feature(3, { id: 'K', name: 'k' }, bowtie)],
      opts(),
      wgs84,
    );
    expect(r.units[0]!.issues).toEqual([{ code: 'overlap', with: 'B', area_m2: expect.any(Number) }]);
    expect(r.units[1]!.issues).toEqual([{ code: 'overlap', with: 'A', area_m2: expect.any(Number) }]);
    expect(r.units[2]!.issues).toEqual([{ code: 'self_intersection', at: [5.01, 5.01] }]);
    expect(issueRows(r.units).map((x) => `${x.unit},${x.code}`)).toEqual(['A,overlap', 'B,overlap', 'K,self_intersection']);
  });

  it('reprojects, rounds to 1e-9 degrees, and refuses coordinates that do not land on the globe', () => {
    const shift: Reprojection = { label: 'test', identity: false, notes: [], toWgs84: (x, y) => [x / 1000 + 1 / 3, y / 1000] };
    const r = prepareUnits([feature(1, { id: 'A', name: 'a' }, square(0, 0, 10))], opts(), shift);
    expect((r.units[0]!.geometry as Polygon).coordinates[0]![0]).toEqual([0.333333333, 0]);
    const wrong = prepareUnits([feature(1, { id: 'A', name: 'a' }, square(500000, 0, 10))], opts(), wgs84);
    expect(wrong.report[0]).toMatchObject({ unit: 'A', code: 'invalid_geometry' });
  });

  it('reads the population field and rejects values that are not numbers ≥ 0', () => {
    const r = prepareUnits(
      [feature(1, { id: 'A', name: 'a', pop: 1200 }, square(0, 0)), feature(2, { id: 'B', name: 'b', pop: 'n/a' }, square(1, 0))],
      opts({ populationField: 'pop', year: 2020 }),
      wgs84,
    );
    expect(r.units.map((u) => u.population)).toEqual([1200, undefined]);
    expect(r.report).toEqual([{ unit: 'B', code: 'bad_population', detail: 'feature 2: field pop = "n/a" is not a number ≥ 0; no population written' }]);
  });

  it('flags units whose parent is unknown at the level above', () => {
    const r = prepareUnits(
      [feature(1, { id: 'W1', name: 'w', d: 'D1' }, square(0, 0)), feature(2, { id: 'W2', name: 'w', d: 'D9' }, square(1, 0))],
      opts({ parentField: 'd', level: 2 }),
      wgs84,
    );
    flagParents(r.units, 2, new Set(['D1']));
    expect(r.units[0]!.issues).toEqual([]);
    expect(r.units[1]!.issues).toEqual([{ code: 'unknown_parent', parent: 'D9', level: 2 }]);
  });

  it('refuses --population without --year and --parent at level 1', () => {
    expect(unitImportOptionsSchema.safeParse({ idField: 'id', nameField: 'n', populationField: 'p' }).success).toBe(false);
    expect(unitImportOptionsSchema.safeParse({ idField: 'id', nameField: 'n', parentField: 'p' }).success).toBe(false);
  });
});

describe('planVersions', () => {
  const unit = (code: string, geometry = square(0, 0), name = code) =>
    prepareUnits([feature(1, { id: code, name }, geometry)], opts(), wgs84).units[0]!;
  const stored = (id: number, code: string, from: number, to: number | null, geometry = square(0, 0)): StoredVersion => ({
    id,
    code,
    name: code,
    parentCode: null,
    validFromYear: from,
    validToYear: to,
    geometry: unit(code, geometry).geometry,
    issues: [],
  });

  it('without a year: inserts new codes from year 0, updates changed ones in place, leaves unchanged ones', () => {
    const plan = planVersions([stored(1, 'A', 0, null), stored(2, 'B', 0, null)], [unit('A'), unit('B', square(1, 1)), unit('C')], undefined);
    expect(plan).toMatchObject({ imported: 1, updated: 1, unchanged: 1, closes: [] });
    expect(plan.updates.map((u) => u.id)).toEqual([2]);
    expect(plan.inserts.map((i) => [i.unit.code, i.validFromYear, i.validToYear])).toEqual([['C', 0, null]]);
  });

  it('with a year: closes the older version where the new one begins, and keeps unchanged units', () => {
    const plan = planVersions([stored(1, 'A', 0, null), stored(2, 'B', 0, null)], [unit('A'), unit('B', square(1, 1))], 2020);
    expect(plan).toMatchObject({ imported: 0, updated: 1, unchanged: 1 });
    expect(plan.closes).toEqual([{ id: 2, validToYear: 2020 }]);
    expect(plan.inserts.map((i) => [i.unit.code, i.validFromYear, i.validToYear])).toEqual([['B', 2020, null]]);
  });

  it('fits an older file between versions already stored', () => {
    const plan = planVersions([stored(1, 'A', 2020, null)], [unit('A', square(1, 1))], 2010);
    expect(plan.inserts.map((i) => [i.validFromYear, i.validToYear])).toEqual([[2010, 2020]]);
    expect(plan.closes).toEqual([]);
  });
});
