import { cellToLatLng, latLngToCell } from 'h3-js';
import { categoryName } from '../../core/community/category.ts';
import { median, type PublicReport, type ReportStatus } from '../../core/community/report.ts';
import { type AuditAggregate, type AuditInput, aggregateAudits, scoresToArray } from '../../core/community/safety-audit.ts';
import { DomainError } from '../../core/errors.ts';
import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '../../core/privacy/small-cells.ts';
import { type CommunityService, PUBLIC_CELL_RESOLUTION } from './community.service.ts';
import type { CommunityPublicRepository } from './community-public.repository.ts';

/** Public map: counts per generalised cell and category, small counts suppressed; audits aggregated per cell. */
export type PublicMap = {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: { cell: string; category: string; name: string; count: number };
  }[];
  notes: string[];
};

export type PublicStats = {
  byUnit: { unit: string; category: string; count: number | null }[];
  departments: { department: string; reports: number | null; resolved: number | null; medianDaysToResolve: number | null }[];
  notes: string[];
};

export type AuditMap = {
  cells: ({ cell: string; lat: number; lon: number } & AuditAggregate)[];
  units: ({ unit: string } & AuditAggregate)[];
};

const CACHE_MS = 10_000;

/**
 * Public outputs of community reports (issue 7 item 4): only approved reports, only generalised places, never a
 * sensitive category; counts from 1 to 4 suppressed. Answers are cached per city for a few seconds and dropped
 * when a moderator changes something, so the map holds thousands of requests per second.
 */
export class CommunityPublicService {
  private readonly cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly repo: CommunityPublicRepository,
    private readonly community: CommunityService,
  ) {}

  invalidate(slug: string): void {
    for (const key of this.cache.keys()) if (key.endsWith(`:${slug}`)) this.cache.delete(key);
  }

  private cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value as Promise<T>;
    const value = make();
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }

  /** The map's GeoJSON, serialised once per cache period (the route sends the bytes as they are). */
  mapJson(slug: string, lang: string): Promise<Buffer> {
    return this.cached(`map-json:${lang}:${slug}`, async () => Buffer.from(JSON.stringify(await this.map(slug, lang))));
  }

  map(slug: string, lang: string): Promise<PublicMap> {
    return this.cached(`map:${lang}:${slug}`, async () => {
      const ctx = await this.community.context(slug);
      const rows = await this.repo.cellCounts(ctx.city.id);
      // A public map never shows a cell resting on fewer reports than the threshold (DESIGN §6): such cells are left out.
      const { rows: counted, suppressed } = suppressSmallCells(rows, SMALL_CELL_THRESHOLD);
      const shown = counted.filter((r) => r.count !== null);
      const names = new Map(ctx.categories.map((c) => [c.code, categoryName(c, lang)]));
      return {
        type: 'FeatureCollection' as const,
        features: shown.map((r) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [r.lon, r.lat] as [number, number] },
          properties: { cell: r.cell, category: r.category, name: names.get(r.category) ?? r.category, count: r.count ?? 0 },
        })),
        notes: [
          `Cells with 1 to ${SMALL_CELL_THRESHOLD - 1} reports of a category are not shown (${suppressed} of ${rows.length}).`,
          'Places are the centres of H3 cells of resolution 8 (about 0.7 km²), never the exact point; sensitive categories are left out.',
        ],
      };
    });
  }

  stats(slug: string): Promise<PublicStats> {
    return this.cached(`stats:${slug}`, async () => {
      const ctx = await this.community.context(slug);
      const [units, departments] = await Promise.all([this.repo.unitCounts(ctx.city.id), this.repo.departmentTimes(ctx.city.id)]);
      const byUnit = suppressSmallCells(units, SMALL_CELL_THRESHOLD);
      const small = (n: number) => (n > 0 && n < SMALL_CELL_THRESHOLD ? null : n);
      return {
        byUnit: byUnit.rows,
        departments: departments
          .sort((a, b) => a.department.localeCompare(b.department))
          .map((d) => ({
            department: d.department,
            reports: small(d.reports),
            resolved: small(d.resolved),
            // A median over fewer resolved reports than the threshold could single one out: not shown.
            medianDaysToResolve: d.resolved >= SMALL_CELL_THRESHOLD ? Math.round((median(d.days) ?? 0) * 10) / 10 : null,
          })),
        notes: [byUnit.note, 'Response time: days from submission to the first resolved or closed status, median per department.'],
      };
    });
  }

  reports(slug: string, filter: { category?: string; status?: ReportStatus; from?: Date; to?: Date; ids?: string[] }, limit: number): Promise<PublicReport[]> {
    return this.community.context(slug).then((ctx) => this.repo.reports(ctx.city.id, filter, limit));
  }

  /** Stores a safety audit; its point is generalised to the H3 cell before it is written. */
  async submitAudit(slug: string, input: AuditInput): Promise<{ id: number }> {
    const ctx = await this.community.context(slug);
    let cell: string | null = null;
    let lat: number | null = null;
    let lon: number | null = null;
    let unit: string | null = null;
    const units = await this.community.unitContext(ctx.city);
    if ('unit' in input.location) {
      const code = input.location.unit;
      if (!units.units.some((u) => u.code === code)) throw new DomainError('community.unit_unknown', `No unit "${code}".`, { field: 'location.unit' });
      unit = code;
    } else {
      cell = latLngToCell(input.location.lat, input.location.lon, PUBLIC_CELL_RESOLUTION);
      [lat, lon] = cellToLatLng(cell);
      const id = units.index.locate(input.location.lon, input.location.lat);
      unit = id === undefined ? null : (units.codeOf.get(id) ?? null);
    }
    const id = await this.repo.insertAudit(ctx.city.id, { cell, lat, lon, unit, place: input.place ?? null, scores: scoresToArray(input.scores) });
    this.invalidate(slug);
    return { id };
  }

  auditMap(slug: string): Promise<AuditMap> {
    return this.cached(`audits:${slug}`, async () => {
      const ctx = await this.community.context(slug);
      const rows = await this.repo.audits(ctx.city.id);
      const byCell = new Map<string, { lat: number; lon: number; scores: number[][] }>();
      const byUnit = new Map<string, number[][]>();
      for (const r of rows) {
        if (r.cell && r.lat !== null && r.lon !== null) {
          const c = byCell.get(r.cell) ?? { lat: r.lat, lon: r.lon, scores: [] };
          c.scores.push(r.scores);
          byCell.set(r.cell, c);
        }
        if (r.unit) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r.scores]);
      }
      return {
        cells: [...byCell.entries()].sort().map(([cell, c]) => ({ cell, lat: c.lat, lon: c.lon, ...aggregateAudits(c.scores)! })),
        units: [...byUnit.entries()].sort().map(([unit, s]) => ({ unit, ...aggregateAudits(s)! })),
      };
    });
  }
}
