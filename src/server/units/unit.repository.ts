import type { MultiPolygon, Polygon } from 'geojson';
import type { Kysely, Selectable } from 'kysely';
import type { UnitIssue, UnitLevel, UnitVersion } from '../../core/units/unit.ts';
import type { IndexableUnit } from '../../core/units/unit-index.ts';
import type { PreparedUnit } from '../../core/units/unit-prepare.ts';
import type { StoredVersion } from '../../core/units/unit-versions.ts';
import type { DB, UnitsTable } from '../db/schema.ts';
import { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import { PopulationRepository } from '../population/population.repository.ts';

export type UnitTx = { units: UnitRepository; population: PopulationRepository; batches: ImportBatchRepository };

/** Which versions: those valid in `year`, or without a year the current ones (no end year). */
export type VersionFilter = { level?: number; year?: number };

const CHUNK = 200;

/** The only place with SQL for units and unit levels. */
export class UnitRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Runs `fn` in one transaction: all of it lands, or none. */
  transaction<T>(fn: (tx: UnitTx) => Promise<T>): Promise<T> {
    return this.db
      .transaction()
      .execute((trx) => fn({ units: new UnitRepository(trx), population: new PopulationRepository(trx), batches: new ImportBatchRepository(trx) }));
  }

  async versionsAtLevel(cityId: number, level: number): Promise<StoredVersion[]> {
    const rows = await this.db
      .selectFrom('units')
      .select(['id', 'code', 'name', 'parent_code', 'valid_from_year', 'valid_to_year', 'geometry', 'issues'])
      .where('city_id', '=', cityId)
      .where('level', '=', level)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      parentCode: r.parent_code,
      validFromYear: r.valid_from_year,
      validToYear: r.valid_to_year,
      geometry: r.geometry as Polygon | MultiPolygon,
      issues: r.issues as UnitIssue[],
    }));
  }

  /** Codes at a level: valid in `year`, or in any version when no year is given. */
  async codesAtLevel(cityId: number, level: number, year: number | undefined): Promise<Set<string>> {
    let q = this.db.selectFrom('units').select('code').distinct().where('city_id', '=', cityId).where('level', '=', level);
    if (year !== undefined) q = q.where('valid_from_year', '<=', year).where((eb) => eb.or([eb('valid_to_year', 'is', null), eb('valid_to_year', '>', year)]));
    return new Set((await q.execute()).map((r) => r.code));
  }

  async insertVersions(cityId: number, level: number, rows: readonly { unit: PreparedUnit; validFromYear: number; validToYear: number | null }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('units')
        .values(rows.slice(i, i + CHUNK).map(({ unit, validFromYear, validToYear }) => ({
          city_id: cityId,
          level,
          valid_from_year: validFromYear,
          valid_to_year: validToYear,
          ...content(unit),
        })))
        .execute();
    }
  }

  async updateVersion(cityId: number, id: number, unit: PreparedUnit): Promise<void> {
    await this.db.updateTable('units').set(content(unit)).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async closeVersion(cityId: number, id: number, validToYear: number): Promise<void> {
    await this.db.updateTable('units').set({ valid_to_year: validToYear }).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async setIssues(cityId: number, id: number, issues: readonly UnitIssue[]): Promise<void> {
    await this.db.updateTable('units').set({ issues: JSON.stringify(issues) }).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async list(cityId: number, filter: VersionFilter): Promise<UnitVersion[]> {
    let q = this.db.selectFrom('units').selectAll().where('city_id', '=', cityId);
    if (filter.level !== undefined) q = q.where('level', '=', filter.level);
    const year = filter.year;
    q =
      year === undefined
        ? q.where('valid_to_year', 'is', null)
        : q.where('valid_from_year', '<=', year).where((eb) => eb.or([eb('valid_to_year', 'is', null), eb('valid_to_year', '>', year)]));
    const rows = await q.orderBy('level').orderBy('code').execute();
    return rows.map(toUnitVersion);
  }

  /** What the unit index needs: the finest level's units valid in `year`. */
  async indexable(cityId: number, year: number): Promise<IndexableUnit[]> {
    const valid = this.db
      .selectFrom('units')
      .where('city_id', '=', cityId)
      .where('valid_from_year', '<=', year)
      .where((eb) => eb.or([eb('valid_to_year', 'is', null), eb('valid_to_year', '>', year)]));
    const finest = await valid.select((eb) => eb.fn.max('level').as('level')).executeTakeFirst();
    if (finest?.level === null || finest?.level === undefined) return [];
    const rows = await valid.select(['id', 'code', 'geometry']).where('level', '=', finest.level).execute();
    return rows.map((r) => ({ id: r.id, code: r.code, geometry: r.geometry as Polygon | MultiPolygon }));
  }

  async levels(cityId: number): Promise<UnitLevel[]> {
    const named = await this.db.selectFrom('unit_levels').select(['level', 'name']).where('city_id', '=', cityId).execute();
    const counted = await this.db
      .selectFrom('units')
      .select((eb) => ['level', eb.fn.countAll<number>().as('units')])
      .where('city_id', '=', cityId)
      .where('valid_to_year', 'is', null)
      .groupBy('level')
      .execute();
    const out = new Map<number, UnitLevel>();
    for (const n of named) out.set(n.level, { level: n.level, name: n.name, units: 0 });
    for (const c of counted) out.set(c.level, { level: c.level, name: out.get(c.level)?.name ?? null, units: Number(c.units) });
    return [...out.values()].sort((a, b) => a.level - b.level);
  }

  async setLevelName(cityId: number, level: number, name: string): Promise<void> {
    await this.db
      .insertInto('unit_levels')
      .values({ city_id: cityId, level, name })
      .onConflict((oc) => oc.columns(['city_id', 'level']).doUpdateSet({ name }))
      .execute();
  }
}

function content(unit: PreparedUnit) {
  return {
    code: unit.code,
    name: unit.name,
    parent_code: unit.parentCode,
    geometry: JSON.stringify(unit.geometry),
    min_lon: unit.bbox[0],
    min_lat: unit.bbox[1],
    max_lon: unit.bbox[2],
    max_lat: unit.bbox[3],
    area_m2: unit.areaM2,
    issues: JSON.stringify(unit.issues),
  };
}

function toUnitVersion(r: Selectable<UnitsTable>): UnitVersion {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    validFromYear: r.valid_from_year,
    validToYear: r.valid_to_year,
    geometry: r.geometry as Polygon | MultiPolygon,
    bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
    areaM2: r.area_m2,
    issues: r.issues as UnitIssue[],
  };
}
