import { type Kysely, sql } from 'kysely';
import type { PublicReport, ReportStatus } from '../../core/community/report.ts';
import type { DB } from '../db/schema.ts';

export type CellCount = { cell: string; lat: number; lon: number; category: string; count: number };
export type UnitCount = { unit: string; category: string; count: number };
export type DepartmentTimes = { department: string; reports: number; resolved: number; days: number[] };
export type AuditRow = { cell: string | null; lat: number | null; lon: number | null; unit: string | null; scores: number[] };

/**
 * The only place with SQL for public community outputs and safety audits. Every public read here keeps to
 * approved reports in categories that are not sensitive; none returns an exact point or a contact.
 */
export class CommunityPublicRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private publicReports(cityId: number) {
    return this.db
      .selectFrom('community_reports as r')
      .innerJoin('community_categories as c', (j) => j.onRef('c.city_id', '=', 'r.city_id').onRef('c.code', '=', 'r.category'))
      .where('r.city_id', '=', cityId)
      .where('r.moderation', '=', 'approved')
      .where('c.sensitive', '=', false);
  }

  async cellCounts(cityId: number): Promise<CellCount[]> {
    const rows = await this.publicReports(cityId)
      .where('r.cell', 'is not', null)
      .select(['r.cell', 'r.category', sql<number>`min(r.public_lat)`.as('lat'), sql<number>`min(r.public_lon)`.as('lon'), sql<number>`count(*)::int`.as('count')])
      .groupBy(['r.cell', 'r.category'])
      .orderBy('r.cell')
      .orderBy('r.category')
      .execute();
    return rows.map((r) => ({ cell: r.cell!, category: r.category, lat: r.lat, lon: r.lon, count: r.count }));
  }

  async unitCounts(cityId: number): Promise<UnitCount[]> {
    const rows = await this.publicReports(cityId)
      .where('r.unit_code', 'is not', null)
      .select(['r.unit_code', 'r.category', sql<number>`count(*)::int`.as('count')])
      .groupBy(['r.unit_code', 'r.category'])
      .orderBy('r.unit_code')
      .orderBy('r.category')
      .execute();
    return rows.map((r) => ({ unit: r.unit_code!, category: r.category, count: r.count }));
  }

  /** Per department: reports forwarded to it, and for each resolved one the days from submission to resolution. */
  async departmentTimes(cityId: number): Promise<DepartmentTimes[]> {
    const rows = await this.publicReports(cityId)
      .where('r.department', 'is not', null)
      .select((eb) => [
        'r.department',
        eb
          .selectFrom('community_report_events as e')
          .select(sql<Date>`min(e.at)`.as('at'))
          .whereRef('e.city_id', '=', 'r.city_id')
          .whereRef('e.report_id', '=', 'r.id')
          .where('e.kind', '=', 'status')
          .where('e.status', 'in', ['resolved', 'closed'])
          .as('resolved_at'),
        'r.submitted_at',
      ])
      .execute();
    const by = new Map<string, DepartmentTimes>();
    for (const r of rows) {
      const d = by.get(r.department!) ?? { department: r.department!, reports: 0, resolved: 0, days: [] };
      d.reports++;
      if (r.resolved_at) {
        d.resolved++;
        d.days.push((new Date(r.resolved_at).getTime() - r.submitted_at.getTime()) / 86_400_000);
      }
      by.set(d.department, d);
    }
    return [...by.values()];
  }

  /** Approved, non-sensitive reports with their moderated text, newest first (Open311 GET, the public list). */
  async reports(cityId: number, filter: { category?: string; status?: ReportStatus; from?: Date; to?: Date; ids?: string[] }, limit: number): Promise<PublicReport[]> {
    let q = this.publicReports(cityId);
    if (filter.category) q = q.where('r.category', '=', filter.category);
    if (filter.status) q = q.where('r.status', '=', filter.status);
    if (filter.from) q = q.where('r.submitted_at', '>=', filter.from);
    if (filter.to) q = q.where('r.submitted_at', '<=', filter.to);
    if (filter.ids) q = q.where('r.public_id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
    const rows = await q
      .select(['r.public_id', 'r.category', 'r.public_description', 'r.cell', 'r.public_lat', 'r.public_lon', 'r.unit_code', 'r.status', 'r.department', 'r.submitted_at', 'r.updated_at'])
      .orderBy('r.submitted_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.public_id,
      category: r.category,
      description: r.public_description ?? '',
      cell: r.cell,
      lat: r.public_lat,
      lon: r.public_lon,
      unit: r.unit_code,
      status: r.status as ReportStatus,
      department: r.department,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    }));
  }

  async insertAudit(cityId: number, a: { cell: string | null; lat: number | null; lon: number | null; unit: string | null; place: string | null; scores: number[] }): Promise<number> {
    const row = await this.db
      .insertInto('community_audits')
      .values({ city_id: cityId, cell: a.cell, public_lat: a.lat, public_lon: a.lon, unit_code: a.unit, place: a.place, scores: JSON.stringify(a.scores) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async audits(cityId: number): Promise<AuditRow[]> {
    const rows = await this.db
      .selectFrom('community_audits')
      .select(['cell', 'public_lat', 'public_lon', 'unit_code', 'scores'])
      .where('city_id', '=', cityId)
      .execute();
    return rows.map((r) => ({ cell: r.cell, lat: r.public_lat, lon: r.public_lon, unit: r.unit_code, scores: r.scores }));
  }
}
