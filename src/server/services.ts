import { CityRepository } from './cities/city.repository.ts';
import { CityService } from './cities/city.service.ts';
import type { Store } from './db/database.ts';
import { JobRepository } from './jobs/job.repository.ts';
import { JobService } from './jobs/job.service.ts';

/** The use cases, wired to one store. The server and the CLI build the same set. */
export type Services = {
  store: Store;
  cities: CityService;
  jobs: JobService;
};

export function createServices(store: Store): Services {
  return {
    store,
    cities: new CityService(new CityRepository(store.db)),
    jobs: new JobService(new JobRepository(store.db)),
  };
}
