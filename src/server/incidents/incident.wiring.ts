import type { CityService } from '../cities/city.service.ts';
import type { Store } from '../db/database.ts';
import { ImportService } from '../imports/import.service.ts';
import { ImportBatchRepository } from '../imports/import-batch.repository.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import { IncidentRepository } from './incident.repository.ts';
import { IncidentImportService } from './incident-import.service.ts';
import { IncidentSummaryRepository } from './incident-summary.repository.ts';
import { IncidentSummaryService } from './incident-summary.service.ts';

export type IncidentServices = {
  incidentImports: IncidentImportService;
  incidents: IncidentSummaryService;
  imports: ImportService;
};

/** Builds the incident and import services on one store (called by createServices). */
export function createIncidentServices(store: Store, cities: CityService, units: UnitService, jobs: JobService): IncidentServices {
  const records = new IncidentRepository(store.db);
  const batches = new ImportBatchRepository(store.db);
  const incidentImports = new IncidentImportService(records, batches, cities, units, store.kind);
  return {
    incidentImports,
    incidents: new IncidentSummaryService(new IncidentSummaryRepository(store.db), records, cities),
    imports: new ImportService(batches, records, cities, jobs, incidentImports),
  };
}
