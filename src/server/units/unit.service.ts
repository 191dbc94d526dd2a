import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { type PopulationRow, populationTotal } from '../../core/units/population.ts';
import type { UnitLevel, UnitVersion } from '../../core/units/unit.ts';
import { buildUnitIndex, type UnitIndex } from '../../core/units/unit-index.ts';
import type { CityService } from '../cities/city.service.ts';
import type { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import type { PopulationRepository } from '../population/population.repository.ts';
import type { UnitRepository, VersionFilter } from './unit.repository.ts';

export type UnitProperties = {
  unit: string;
  name: string;
  level: number;
  parent: string | null;
  population: number | null;
  populationYear: number | null;
  issues: number;
  areaM2: number;
};

export type UnitFeatureCollection = FeatureCollection<Polygon | MultiPolygon, UnitProperties>;

/** Reading units: lists, levels, the GeoJSON the map shows, and the point → unit index for other imports. */
export class UnitService {
  private readonly indexes = new Map<string, { batch: number; index: Promise<UnitIndex> }>();

  constructor(
    private readonly repo: UnitRepository,
    private readonly cities: CityService,
    private readonly population: PopulationRepository,
    private readonly batches: ImportBatchRepository,
  ) {}

  /**
   * The point → unit index of a city for a year: its finest level's units valid in that year. Cached per (city,
   * year); a newer units import (in this process or another one on the same store) replaces the cached index.
   */
  async indexFor(cityId: number, year: number): Promise<UnitIndex> {
    const key = `${cityId}:${year}`;
    const batch = await this.batches.latestId(cityId, 'units');
    const cached = this.indexes.get(key);
    if (cached && cached.batch === batch) return cached.index;
    const index = this.repo.indexable(cityId, year).then(buildUnitIndex);
    this.indexes.set(key, { batch, index });
    index.catch(() => this.indexes.delete(key));
    return index;
  }

  /** Drops a city's cached indexes (called after its units change). */
  invalidate(cityId: number): void {
    for (const key of this.indexes.keys()) if (key.startsWith(`${cityId}:`)) this.indexes.delete(key);
  }

  async list(citySlug: string, filter: VersionFilter): Promise<UnitVersion[]> {
    const city = await this.cities.get(citySlug);
    return this.repo.list(city.id, filter);
  }

  async levels(citySlug: string): Promise<UnitLevel[]> {
    const city = await this.cities.get(citySlug);
    return this.repo.levels(city.id);
  }

  async setLevelName(citySlug: string, level: number, name: string): Promise<UnitLevel> {
    const city = await this.cities.get(citySlug);
    await this.repo.setLevelName(city.id, level, name);
    const levels = await this.repo.levels(city.id);
    return levels.find((l) => l.level === level) ?? { level, name, units: 0 };
  }

  /**
   * The units of one level (default 1) as GeoJSON: those valid in `year`, else the current ones. Each carries its
   * population total for `year`, else for the nearest year with data (the earlier one on a tie), else the latest.
   */
  async featureCollection(citySlug: string, filter: VersionFilter): Promise<UnitFeatureCollection> {
    const city = await this.cities.get(citySlug);
    const units = await this.repo.list(city.id, { level: filter.level ?? 1, year: filter.year });
    const rows = await this.population.totalsInput(city.id, [...new Set(units.map((u) => u.code))]);
    const byUnit = new Map<string, Map<number, PopulationRow[]>>();
    for (const r of rows) {
      const years = byUnit.get(r.unitCode) ?? new Map<number, PopulationRow[]>();
      years.set(r.year, [...(years.get(r.year) ?? []), r]);
      byUnit.set(r.unitCode, years);
    }
    const features = units.map((u): Feature<Polygon | MultiPolygon, UnitProperties> => {
      const { population, year } = totalFor(byUnit.get(u.code), filter.year);
      return {
        type: 'Feature',
        geometry: u.geometry,
        properties: {
          unit: u.code,
          name: u.name,
          level: u.level,
          parent: u.parentCode,
          population,
          populationYear: year,
          issues: u.issues.length,
          areaM2: u.areaM2,
        },
      };
    });
    return { type: 'FeatureCollection', features };
  }
}

function totalFor(years: Map<number, PopulationRow[]> | undefined, want: number | undefined): { population: number | null; year: number | null } {
  if (!years) return { population: null, year: null };
  const candidates = [...years.entries()]
    .map(([year, rows]) => ({ year, total: populationTotal(rows) }))
    .filter((c): c is { year: number; total: number } => c.total !== undefined)
    .sort((a, b) => (want === undefined ? b.year - a.year : Math.abs(a.year - want) - Math.abs(b.year - want) || a.year - b.year));
  const best = candidates[0];
  return best ? { population: best.total, year: best.year } : { population: null, year: null };
}
