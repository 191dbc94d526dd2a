import { type AccountServices, type AccountSettings, createAccountServices } from './accounts/account.wiring.ts';
import { AuditRepository } from './audit/audit.repository.ts';
import { AuditService } from './audit/audit.service.ts';
import { CityRepository } from './cities/city.repository.ts';
import { CityService } from './cities/city.service.ts';
import { type CommunityServices, createCommunityServices } from './community/community.wiring.ts';
import type { Store } from './db/database.ts';
import { createHotspotServices, type HotspotServices } from './hotspots/hotspot.wiring.ts';
import { createIncidentServices, type IncidentServices } from './incidents/incident.wiring.ts';
import { createIndicatorServices, type IndicatorServices } from './indicators/indicator.wiring.ts';
import { JobRepository } from './jobs/job.repository.ts';
import { JobService } from './jobs/job.service.ts';
import { createReviewServices, type ReviewServices } from './review/review.wiring.ts';
import { createReviewReportServices, type ReviewReportServices } from './review/review-reports.wiring.ts';
import { createSurveyServices, type SurveyServices } from './surveys/survey.wiring.ts';
import { createUnitServices, type UnitServices } from './units/unit.wiring.ts';

/** The use cases, wired to one store. The server and the CLI build the same set. */
export type Services = {
  store: Store;
  cities: CityService;
  jobs: JobService;
  audit: AuditService;
  accounts: AccountServices;
} & UnitServices &
  IncidentServices &
  HotspotServices &
  IndicatorServices &
  SurveyServices &
  CommunityServices & { review: ReviewServices } & { reviewReports: ReviewReportServices };

/** `accounts` says where links point and how mail goes out (the server's config); the CLI sends no mail. */
export function createServices(store: Store, accounts?: AccountSettings): Services {
  const audit = new AuditService(new AuditRepository(store.db));
  const cities = new CityService(new CityRepository(store.db), audit);
  const unitServices = createUnitServices(store.db, cities);
  const jobs = new JobService(new JobRepository(store.db), audit);
  const incidentServices = createIncidentServices(store, cities, unitServices.units, jobs);
  const surveyServices = createSurveyServices(store, cities, unitServices.units, jobs, audit);
  const accountServices = createAccountServices(store.db, cities, audit, accounts);
  return {
    store,
    cities,
    ...unitServices,
    jobs,
    audit,
    accounts: accountServices,
    ...incidentServices,
    ...createHotspotServices(store.db, cities, unitServices.units, incidentServices.incidents),
    ...surveyServices,
    // Survey-based indicators are computed from the stored responses.
    ...createIndicatorServices(store, cities, incidentServices.incidents, audit, surveyServices.surveys.indicators),
    ...createCommunityServices(store.db, cities, unitServices.units, audit),
    ...createReviewServices(store.db, accountServices.users, audit, accounts),
    ...createReviewReportServices(store.db, audit),
  };
}
