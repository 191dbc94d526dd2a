import type { Actor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import {
  type MonitoringPriority,
  type MonitoringTarget,
  type PriorityInput,
  type ReportInput,
  type TargetInput,
  type TargetProgress,
  TREND_METHOD,
} from '../../core/indicators/monitoring.ts';
import { suppressRows } from '../../core/indicators/output.ts';
import { fitPoissonTrend, progressStatus, projectRate } from '../../core/indicators/trend.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { IndicatorAccess, IndicatorService } from './indicator.service.ts';
import type { MonitoringRepository, StoredReport } from './monitoring.repository.ts';

export type PriorityProgress = { id: number; title: string; position: number; targets: TargetProgress[] };

/** The city's monitoring framework: priorities, targets, progress, and progress reports (built by a job). */
export class MonitoringService {
  constructor(
    readonly repo: MonitoringRepository,
    private readonly cities: CityService,
    private readonly indicators: IndicatorService,
    private readonly audit: AuditService,
  ) {}

  async framework(citySlug: string): Promise<MonitoringPriority[]> {
    const city = await this.cities.get(citySlug);
    return this.repo.priorities(city.id);
  }

  /** Progress of every target, with values up to `to` (default: the data's last month). */
  async progress(citySlug: string, access: IndicatorAccess, period?: { from?: string; to?: string }): Promise<PriorityProgress[]> {
    const priorities = await this.framework(citySlug);
    const out: PriorityProgress[] = [];
    for (const p of priorities) {
      const targets: TargetProgress[] = [];
      for (const t of p.targets) targets.push(await this.targetProgress(citySlug, t, access, period));
      out.push({ id: p.id, title: p.title, position: p.position, targets });
    }
    return out;
  }

  async targetProgress(citySlug: string, t: MonitoringTarget, access: IndicatorAccess, period?: { from?: string; to?: string }): Promise<TargetProgress> {
    const def = await this.indicators.definition(citySlug, t.indicatorCode);
    const from = period?.from ?? `${t.baseline.year}-01-01`;
    const answer = await this.indicators.compute(citySlug, t.indicatorCode, { by: ['year'], from, ...(period?.to ? { to: period.to } : {}) }, 'exact');
    const notes = [...answer.notes];
    // 16.1.1 splits by source: the trend follows the police series when there is one, else the first source.
    const sources = [...new Set(answer.rows.map((r) => r.source).filter((s): s is string => s !== undefined))].sort();
    const source = sources.includes('police') ? 'police' : sources[0];
    if (source !== undefined && sources.length > 1) notes.push(`Progress follows the ${source} records (${sources.join(' and ')} exist).`);
    const rows = answer.rows.filter((r) => r.source === source);
    const series = rows
      .filter((r) => r.year !== undefined)
      .map((r) => ({ year: Number(r.year), value: r.value, lower: r.lower, upper: r.upper, numerator: r.numerator, denominator: r.denominator }))
      .sort((a, b) => a.year - b.year);
    const last = [...series].reverse().find((s) => s.value !== null);
    let trend: TargetProgress['trend'] = null;
    if (def.source === 'record') {
      const fit = fitPoissonTrend(
        series.filter((s) => s.numerator !== null && s.denominator !== null).map((s) => ({ year: s.year, count: s.numerator!, population: s.denominator! })),
      );
      if (fit) {
        trend = {
          method: TREND_METHOD,
          annualChangePercent: (fit.annualRatio - 1) * 100,
          projection: { year: t.target.year, ...projectRate(fit, t.target.year) },
        };
      } else {
        notes.push('No trend: it needs counts in at least two years with population.');
      }
    } else {
      notes.push('No trend is fitted for survey indicators here: progress shows the latest value only.');
    }
    let latest: TargetProgress['latest'] = last ? { year: last.year, value: last.value, lower: last.lower, upper: last.upper } : null;
    let shownSeries = series;
    if (access === 'public') {
      // Small yearly counts are withheld from the public; the trend rests on all years together.
      const s = suppressRows(rows);
      shownSeries = s.rows
        .filter((r) => r.year !== undefined)
        .map((r) => ({ year: Number(r.year), value: r.value, lower: r.lower, upper: r.upper, numerator: r.numerator, denominator: r.denominator }))
        .sort((a, b) => a.year - b.year);
      const shown = shownSeries.find((r) => r.year === latest?.year);
      if (latest && shown && shown.value === null) latest = { ...latest, value: null, lower: null, upper: null, suppressed: true };
      notes.push(s.note);
    }
    return {
      target: t,
      latest,
      series: shownSeries,
      trend,
      status: progressStatus(trend?.projection, t.baseline.value, t.target.value),
      notes,
    };
  }

  async addPriority(citySlug: string, p: PriorityInput, actor: Actor): Promise<number> {
    const city = await this.cities.get(citySlug);
    const id = await this.repo.insertPriority(city.id, p);
    await this.audit.record(actor, { action: 'monitoring.priority_write', target: { type: 'monitoring_priority', id }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(p) });
    return id;
  }

  async updatePriority(citySlug: string, id: number, p: PriorityInput, actor: Actor): Promise<void> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.updatePriority(city.id, id, p))) throw notFound('priority', id);
    await this.audit.record(actor, { action: 'monitoring.priority_write', target: { type: 'monitoring_priority', id }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(p) });
  }

  async deletePriority(citySlug: string, id: number, actor: Actor): Promise<void> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.deletePriority(city.id, id))) throw notFound('priority', id);
    await this.audit.record(actor, { action: 'monitoring.priority_write', target: { type: 'monitoring_priority', id }, scope: { kind: 'city', id: city.slug }, fields: ['deleted'] });
  }

  async addTarget(citySlug: string, t: TargetInput, actor: Actor): Promise<number> {
    const city = await this.cities.get(citySlug);
    await this.indicators.definition(citySlug, t.indicatorCode);
    if (!(await this.repo.priorityExists(city.id, t.priorityId))) throw notFound('priority', t.priorityId);
    const id = await this.repo.insertTarget(city.id, t);
    await this.audit.record(actor, { action: 'monitoring.target_write', target: { type: 'monitoring_target', id }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(t) });
    return id;
  }

  async updateTarget(citySlug: string, id: number, t: TargetInput, actor: Actor): Promise<void> {
    const city = await this.cities.get(citySlug);
    await this.indicators.definition(citySlug, t.indicatorCode);
    if (!(await this.repo.priorityExists(city.id, t.priorityId))) throw notFound('priority', t.priorityId);
    if (!(await this.repo.updateTarget(city.id, id, t))) throw notFound('target', id);
    await this.audit.record(actor, { action: 'monitoring.target_write', target: { type: 'monitoring_target', id }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(t) });
  }

  async deleteTarget(citySlug: string, id: number, actor: Actor): Promise<void> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.deleteTarget(city.id, id))) throw notFound('target', id);
    await this.audit.record(actor, { action: 'monitoring.target_write', target: { type: 'monitoring_target', id }, scope: { kind: 'city', id: city.slug }, fields: ['deleted'] });
  }

  async reports(citySlug: string): Promise<StoredReport[]> {
    const city = await this.cities.get(citySlug);
    return this.repo.reports(city.id);
  }

  async report(citySlug: string, id: number): Promise<StoredReport> {
    const city = await this.cities.get(citySlug);
    const r = await this.repo.report(city.id, id);
    if (!r) throw notFound('report', id);
    return r;
  }

  async reportBody(citySlug: string, id: number, kind: 'html' | 'pdf'): Promise<string | Uint8Array> {
    const city = await this.cities.get(citySlug);
    const body = await this.repo.reportBody(city.id, id, kind);
    if (body === null) {
      throw new DomainError('monitoring.not_found', `Report ${id} has no ${kind === 'pdf' ? 'PDF (see its note; the HTML is there to print)' : 'HTML yet'}.`, { id });
    }
    return body;
  }

  /** Records a report to build; the caller queues its job. */
  async newReport(citySlug: string, r: ReportInput, actor: Actor): Promise<{ cityId: number; id: number }> {
    const city = await this.cities.get(citySlug);
    const id = await this.repo.insertReport(city.id, r);
    await this.audit.record(actor, { action: 'monitoring.report', target: { type: 'monitoring_report', id }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(r) });
    return { cityId: city.id, id };
  }
}

function notFound(what: 'priority' | 'target' | 'report', id: number): DomainError {
  return new DomainError('monitoring.not_found', `No monitoring ${what} ${id} in this city.`, { id, field: what });
}
