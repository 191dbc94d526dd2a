import { OUTSIDE, planBounds, type SummaryQuery, type SummaryRow, shapeSummary } from '../../core/incidents/summary.ts';
import { codesAtLevel, finestLevel, unitCodes } from '../../core/incidents/unit-refs.ts';
import { suppressSmallCells } from '../../core/privacy/small-cells.ts';
import type { CityService } from '../cities/city.service.ts';
import type { IncidentRepository } from './incident.repository.ts';
import type { CountRow, IncidentSummaryRepository } from './incident-summary.repository.ts';

/** Who is asking: `exact` for the operator (and later analysts), `public` for anyone else (DESIGN §4, §6). */
export type SummaryAccess = 'exact' | 'public';

export type Summary = { rows: SummaryRow[]; notes: string[] };

/**
 * Incident counts by unit, month, ICCS code, sex, age band and source. Whole months inside the bounds come from the
 * aggregate table; the partial months at the edges from the records themselves (complete batches, not replaced).
 */
export class IncidentSummaryService {
  constructor(
    private readonly reads: IncidentSummaryRepository,
    private readonly records: IncidentRepository,
    private readonly cities: CityService,
  ) {}

  async summary(citySlug: string, q: SummaryQuery, access: SummaryAccess): Promise<Summary> {
    const city = await this.cities.get(citySlug);
    const plan = planBounds(q.from, q.to);
    const filter = { iccs: q.iccs, source: q.source };
    const counts: CountRow[] = [];
    if (plan.months) counts.push(...(await this.reads.fromAggregates(city.id, q.by, plan.months, filter)));
    counts.push(...(await this.reads.fromRecords(city.id, q.by, plan.days, filter)));

    const notes: string[] = [`Days and months are counted in ${city.timezone}.`];
    if (plan.days.length > 0) {
      notes.push(`Partial months at the edges (${plan.days.map((d) => `${d.from} to ${d.to}`).join(', ')}) are counted from the records.`);
    }
    let unitList: string[] = [];
    if (q.by.includes('unit')) {
      const refs = await this.records.unitVersions(city.id);
      const level = q.level ?? finestLevel(refs);
      if (level !== undefined) {
        const { codeOf, unplaced } = codesAtLevel(refs, level);
        const years = [q.from, q.to].map((d) => (d === undefined ? undefined : Number(d.slice(0, 4))));
        unitList = unitCodes(refs, level, years[0], years[1]);
        const seenUnplaced = new Set<string>();
        for (const r of counts) {
          const id = Number(r.unit);
          r.unit = id === 0 ? OUTSIDE : (codeOf.get(id) ?? String(id));
          if (unplaced.has(r.unit)) seenUnplaced.add(r.unit);
        }
        notes.push(`Units of level ${level}${q.level === undefined ? ' (the finest)' : ''}; "${OUTSIDE}" counts records outside every unit.`);
        if (seenUnplaced.size > 0) {
          notes.push(`Records located only to units not below level ${level} keep their unit's code: ${[...seenUnplaced].sort().join(', ')}.`);
        }
      } else {
        for (const r of counts) r.unit = OUTSIDE;
        notes.push('The city has no units yet: every record counts as outside.');
      }
    }
    const rows = shapeSummary(q.by, counts, unitList);
    switch (access) {
      case 'exact':
        return { rows, notes };
      case 'public': {
        const suppressed = suppressSmallCells(rows);
        return { rows: suppressed.rows, notes: [...notes, suppressed.note] };
      }
      default: {
        const never: never = access;
        throw new Error(`unexpected access ${String(never)}`);
      }
    }
  }
}
