import { type AccountServices, type AccountSettings, createAccountServices } from './accounts/account.wiring.ts';
import { AuditRepository } from './audit/audit.repository.ts';
import { AuditService } from './audit/audit.service.ts';
import { CityRepository } from './cities/city.repository.ts';
import { CityService } from './cities/city.service.ts';
import type { Store } from './db/database.ts';
import { createIncidentServices, type IncidentServices } from './incidents/incident.wiring.ts';
import { JobRepository } from './jobs/job.repository.ts';
import { JobService } from './jobs/job.service.ts';
import { createReviewServices, type ReviewServices } from './review/review.wiring.ts';
import { createReviewReportServices, type ReviewReportServices } from './review/review-reports.wiring.ts';
import { createUnitServices, type UnitServices } from './units/unit.wiring.ts';

/** The use cases, wired to one store. The server and the CLI build the same set. */
export type Services = {
  store: Store;
  cities: CityService;
  jobs: JobService;
  audit: AuditService;
  accounts: AccountServices;
} & UnitServices &
  IncidentServices & { review: ReviewServices } & { reviewReports: ReviewReportServices };

/** `accounts` says where links point and how mail goes out (the server's config); the CLI sends no mail. */
export function createServices(store: Store, accounts?: AccountSettings): Services {
  const audit = new AuditService(new AuditRepository(store.db));
  const cities = new CityService(new CityRepository(store.db), audit);
  const unitServices = createUnitServices(store.db, cities);
  const jobs = new JobService(new JobRepository(store.db), audit);
  const accountServices = createAccountServices(store.db, cities, audit, accounts);
  return {
    store,
    cities,
    ...unitServices,
    jobs,
    audit,
    accounts: accountServices,
    ...createIncidentServices(store, cities, unitServices.units, jobs),
    ...createReviewServices(store.db, accountServices.users, audit, accounts),
    ...createReviewReportServices(store.db, audit),
  };
}
