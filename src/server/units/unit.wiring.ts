import type { Kysely } from 'kysely';
import type { CityService } from '../cities/city.service.ts';
import type { DB } from '../db/schema.ts';
import { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import { PopulationRepository } from '../population/population.repository.ts';
import { PopulationService } from '../population/population.service.ts';
import { UnitRepository } from './unit.repository.ts';
import { UnitService } from './unit.service.ts';
import { UnitImportService } from './unit-import.service.ts';

export type UnitServices = { units: UnitService; unitImports: UnitImportService; population: PopulationService };

/** Builds the units and population services on one store (called by createServices). */
export function createUnitServices(db: Kysely<DB>, cities: CityService): UnitServices {
  const repo = new UnitRepository(db);
  const population = new PopulationRepository(db);
  const units = new UnitService(repo, cities, population, new ImportBatchRepository(db));
  return {
    units,
    unitImports: new UnitImportService(repo, cities, units),
    population: new PopulationService(population, cities, (fn) => repo.transaction(fn)),
  };
}
