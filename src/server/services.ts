import { CityRepository } from './cities/city.repository.ts';
import { CityService } from './cities/city.service.ts';
import type { Store } from './db/database.ts';
import { createIncidentServices, type IncidentServices } from './incidents/incident.wiring.ts';
import { JobRepository } from './jobs/job.repository.ts';
import { JobService } from './jobs/job.service.ts';
import { createUnitServices, type UnitServices } from './units/unit.wiring.ts';

/** The use cases, wired to one store. The server and the CLI build the same set. */
export type Services = {
  store: Store;
  cities: CityService;
  jobs: JobService;
} & UnitServices &
  IncidentServices;

export function createServices(store: Store): Services {
  const cities = new CityService(new CityRepository(store.db));
  const unitServices = createUnitServices(store.db, cities);
  const jobs = new JobService(new JobRepository(store.db));
  return {
    store,
    cities,
    ...unitServices,
    jobs,
    ...createIncidentServices(store, cities, unitServices.units, jobs),
  };
}
