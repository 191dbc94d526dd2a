import { type Kysely, sql } from 'kysely';
import type { MonitoringPriority, MonitoringTarget, PriorityInput, ReportInput, TargetInput } from '../../core/indicators/monitoring.ts';
import type { DB } from '../db/schema.ts';

export type StoredReport = {
  id: number;
  jobId: number | null;
  from: string;
  to: string;
  lang: string;
  status: 'queued' | 'done' | 'failed';
  note: string | null;
  hasHtml: boolean;
  hasPdf: boolean;
  createdAt: Date;
};

/** The only place with SQL for the monitoring framework and its reports. */
export class MonitoringRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async priorities(cityId: number): Promise<MonitoringPriority[]> {
    const ps = await this.db.selectFrom('monitoring_priorities').selectAll().where('city_id', '=', cityId).orderBy('position').orderBy('id').execute();
    const ts = await this.db.selectFrom('monitoring_targets').selectAll().where('city_id', '=', cityId).orderBy('id').execute();
    return ps.map((p) => ({
      id: p.id,
      title: p.title,
      position: p.position,
      targets: ts.filter((t) => t.priority_id === p.id).map(toTarget),
    }));
  }

  async target(cityId: number, id: number): Promise<MonitoringTarget | undefined> {
    const t = await this.db.selectFrom('monitoring_targets').selectAll().where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return t && toTarget(t);
  }

  async insertPriority(cityId: number, p: PriorityInput): Promise<number> {
    const r = await this.db.insertInto('monitoring_priorities').values({ city_id: cityId, title: p.title, position: p.position }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updatePriority(cityId: number, id: number, p: PriorityInput): Promise<boolean> {
    const r = await this.db.updateTable('monitoring_priorities').set({ title: p.title, position: p.position }).where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deletePriority(cityId: number, id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('monitoring_priorities').where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async priorityExists(cityId: number, id: number): Promise<boolean> {
    const r = await this.db.selectFrom('monitoring_priorities').select('id').where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return r !== undefined;
  }

  async insertTarget(cityId: number, t: TargetInput): Promise<number> {
    const r = await this.db.insertInto('monitoring_targets').values({ city_id: cityId, ...targetColumns(t) }).returning('id').executeTakeFirstOrThrow();
    return r.id;
  }

  async updateTarget(cityId: number, id: number, t: TargetInput): Promise<boolean> {
    const r = await this.db.updateTable('monitoring_targets').set(targetColumns(t)).where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deleteTarget(cityId: number, id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('monitoring_targets').where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async insertReport(cityId: number, r: ReportInput): Promise<number> {
    const row = await this.db.insertInto('monitoring_reports').values({ city_id: cityId, period_from: r.from, period_to: r.to, lang: r.lang, status: 'queued' }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async setReportJob(cityId: number, id: number, jobId: number): Promise<void> {
    await this.db.updateTable('monitoring_reports').set({ job_id: jobId }).where('city_id', '=', cityId).where('id', '=', id).execute();
  }

  async finishReport(cityId: number, id: number, out: { status: 'done' | 'failed'; html: string | null; pdf: Uint8Array | null; note: string | null }): Promise<void> {
    await this.db
      .updateTable('monitoring_reports')
      .set({ status: out.status, html: out.html, pdf: out.pdf, note: out.note })
      .where('city_id', '=', cityId)
      .where('id', '=', id)
      .execute();
  }

  async reports(cityId: number): Promise<StoredReport[]> {
    const { rows } = await sql<ReportRow>`
      select id, job_id, period_from::text as period_from, period_to::text as period_to, lang, status, note,
             html is not null as has_html, pdf is not null as has_pdf, created_at
      from monitoring_reports where city_id = ${cityId} order by id desc`.execute(this.db);
    return rows.map(toReport);
  }

  async report(cityId: number, id: number): Promise<StoredReport | undefined> {
    return (await this.reports(cityId)).find((r) => r.id === id);
  }

  async reportBody(cityId: number, id: number, kind: 'html' | 'pdf'): Promise<string | Uint8Array | null> {
    const row = await this.db.selectFrom('monitoring_reports').select(kind).where('city_id', '=', cityId).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    return kind === 'html' ? (row as { html: string | null }).html : (row as { pdf: Uint8Array | null }).pdf;
  }
}

type ReportRow = {
  id: number;
  job_id: number | null;
  period_from: string;
  period_to: string;
  lang: string;
  status: string;
  note: string | null;
  has_html: boolean;
  has_pdf: boolean;
  created_at: Date;
};

function toReport(r: ReportRow): StoredReport {
  return {
    id: r.id,
    jobId: r.job_id,
    from: r.period_from,
    to: r.period_to,
    lang: r.lang,
    status: r.status as StoredReport['status'],
    note: r.note,
    hasHtml: r.has_html,
    hasPdf: r.has_pdf,
    createdAt: r.created_at,
  };
}

function targetColumns(t: TargetInput) {
  return {
    priority_id: t.priorityId,
    indicator_code: t.indicatorCode,
    baseline_value: t.baseline.value,
    baseline_year: t.baseline.year,
    target_value: t.target.value,
    target_year: t.target.year,
  };
}

function toTarget(t: {
  id: number;
  priority_id: number;
  indicator_code: string;
  baseline_value: number;
  baseline_year: number;
  target_value: number;
  target_year: number;
}): MonitoringTarget {
  return {
    id: t.id,
    priorityId: t.priority_id,
    indicatorCode: t.indicator_code,
    baseline: { value: t.baseline_value, year: t.baseline_year },
    target: { value: t.target_value, year: t.target_year },
  };
}
