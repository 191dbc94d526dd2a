import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { Store } from '../db/database.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import { SurveyRepository } from './survey.repository.ts';
import { SurveyService } from './survey.service.ts';
import { SurveyImportService } from './survey-import.service.ts';
import { SurveyIndicatorService } from './survey-indicator.service.ts';

export type SurveyServices = {
  surveys: SurveyService & { indicators: SurveyIndicatorService; imports: SurveyImportService };
};

/** Builds the survey services on one store (called by createServices). */
export function createSurveyServices(store: Store, cities: CityService, units: UnitService, jobs: JobService, audit: AuditService): SurveyServices {
  const repo = new SurveyRepository(store.db);
  const surveys = new SurveyService(repo, cities, jobs, audit);
  return {
    surveys: Object.assign(surveys, {
      indicators: new SurveyIndicatorService(repo),
      imports: new SurveyImportService(repo, cities, units, jobs, audit),
    }),
  };
}
