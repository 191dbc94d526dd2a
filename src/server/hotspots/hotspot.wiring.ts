import type { Kysely } from 'kysely';
import type { CityService } from '../cities/city.service.ts';
import type { DB } from '../db/schema.ts';
import type { IncidentSummaryService } from '../incidents/incident-summary.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import { HotspotRepository } from './hotspot.repository.ts';
import { HotspotService } from './hotspot.service.ts';

export type HotspotServices = { hotspots: HotspotService };

/** Builds the hotspot service on one store (called by createServices). */
export function createHotspotServices(db: Kysely<DB>, cities: CityService, units: UnitService, summaries: IncidentSummaryService): HotspotServices {
  return { hotspots: new HotspotService(new HotspotRepository(db), cities, units, summaries) };
}
