// Everything the city page reads: the city, its unit levels, its units with population, and the
// incident counts by unit and by month for the reader's filters.
import { getCity, getSummary, getUnits, listUnitLevels } from '../../api/client.ts';
import type { UnitLevel } from '../../api/types.ts';
import { type Filters, periodIsValid } from './city-filters.tsx';
import { latestOf, useLoad } from './use-load.ts';

/** The finest level that has units: the one the incident summary uses by default. */
function finestLevel(levels: readonly UnitLevel[]): number | undefined {
  const used = levels.filter((l) => l.units > 0).map((l) => l.level);
  return used.length > 0 ? Math.max(...used) : undefined;
}

/** The year whose boundaries and population the rates use: that of the period's end, else its start. */
export function populationYearOf(filters: Filters): number | undefined {
  const day = filters.to || filters.from;
  return day ? Number(day.slice(0, 4)) : undefined;
}

export function useCityData(slug: string, filters: Filters, token: string) {
  const city = useLoad(slug, (signal) => getCity(slug, signal));
  // An older server without the levels endpoint: fall back to each endpoint's default level.
  const levelsLoad = useLoad(`levels:${slug}`, (signal) => listUnitLevels(slug, signal).catch(() => []));
  const levels = latestOf(levelsLoad) ?? [];
  const ready = levelsLoad.state !== 'loading';
  const level = filters.level ?? finestLevel(levels);
  const year = populationYearOf(filters);
  const valid = periodIsValid(filters);
  const counted = {
    from: filters.from || undefined,
    to: filters.to || undefined,
    iccs: filters.iccs || undefined,
    source: filters.source || undefined,
  };

  const units = useLoad(ready ? JSON.stringify(['units', slug, level, year]) : undefined, (signal) =>
    getUnits(slug, { level, year }, signal),
  );
  const byUnit = useLoad(
    ready && valid ? JSON.stringify(['byUnit', slug, counted, level, token]) : undefined,
    (signal) => getSummary(slug, { by: 'unit', ...counted, level }, token, signal),
  );
  const byMonth = useLoad(valid ? JSON.stringify(['byMonth', slug, counted, token]) : undefined, (signal) =>
    getSummary(slug, { by: 'month', ...counted }, token, signal),
  );
  return { city, levels, level, year, units, byUnit, byMonth };
}
