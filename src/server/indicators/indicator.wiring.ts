import type { SurveyIndicatorSource } from '../../core/indicators/survey-source.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { Store } from '../db/database.ts';
import { IncidentRepository } from '../incidents/incident.repository.ts';
import type { IncidentSummaryService } from '../incidents/incident-summary.service.ts';
import { IndicatorRepository } from './indicator.repository.ts';
import { IndicatorService } from './indicator.service.ts';
import { MonitoringRepository } from './monitoring.repository.ts';
import { MonitoringService } from './monitoring.service.ts';

export type IndicatorServices = { indicators: IndicatorService; monitoring: MonitoringService };

/** Builds the indicator and monitoring services on one store; `surveys` computes the survey-based indicators. */
export function createIndicatorServices(
  store: Store,
  cities: CityService,
  summary: IncidentSummaryService,
  audit: AuditService,
  surveys: SurveyIndicatorSource,
): IndicatorServices {
  const indicators = new IndicatorService(
    new IndicatorRepository(store.db),
    cities,
    new IncidentRepository(store.db),
    summary,
    surveys,
    audit,
  );
  return { indicators, monitoring: new MonitoringService(new MonitoringRepository(store.db), cities, indicators, audit) };
}
