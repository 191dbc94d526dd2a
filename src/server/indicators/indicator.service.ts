import type { Actor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { SummaryKey } from '../../core/incidents/summary.ts';
import { codesAtLevel, finestLevel, type UnitRef, unitCodes } from '../../core/incidents/unit-refs.ts';
import {
  builtInIndicators,
  type CustomIndicatorInput,
  customIndicator,
  findIndicator,
  type IndicatorDefinition,
} from '../../core/indicators/definition.ts';
import { flatten, type IndicatorOutputRow, suppressRows } from '../../core/indicators/output.ts';
import type { IndicatorQuery } from '../../core/indicators/query.ts';
import { computeRates, type KeyedCount, type PopulationLookup, populationLookup, type RecordBy } from '../../core/indicators/rates.ts';
import type { SurveyIndicatorSource } from '../../core/indicators/survey-source.ts';
import type { PopulationRow } from '../../core/units/population.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { IncidentRepository } from '../incidents/incident.repository.ts';
import type { IncidentSummaryService } from '../incidents/incident-summary.service.ts';
import type { IndicatorRepository, RollupKey } from './indicator.repository.ts';

export type IndicatorAccess = 'exact' | 'public';

export type IndicatorAnswer = {
  code: string;
  unit: IndicatorDefinition['unit'];
  source: IndicatorDefinition['source'];
  method: string;
  rule: string;
  by: string[];
  from: string | null;
  to: string | null;
  rows: IndicatorOutputRow[];
  notes: string[];
};

/** Respondents below which a survey value carries `few_respondents`. */
export const MIN_RESPONDENTS = 30;

/**
 * Indicator values for a city: record-based ones from the incident aggregates (a yearly rollup when the period is
 * whole years and no finer time key is asked; the monthly aggregates and the records at the edges otherwise), over
 * the population; survey-based ones from the survey source.
 */
export class IndicatorService {
  private readonly referenceCache = new Map<number, Reference>();

  constructor(
    private readonly repo: IndicatorRepository,
    private readonly cities: CityService,
    private readonly records: IncidentRepository,
    private readonly summary: IncidentSummaryService,
    private readonly surveys: SurveyIndicatorSource,
    private readonly audit: AuditService,
  ) {}

  /** Built-in and the city's own definitions, in the registry's order, then the city's by code. */
  async list(citySlug: string): Promise<IndicatorDefinition[]> {
    const city = await this.cities.get(citySlug);
    const custom = (await this.repo.listCustom(city.id)).map(customIndicator);
    return [...builtInIndicators, ...custom];
  }

  async definition(citySlug: string, code: string): Promise<IndicatorDefinition> {
    return this.definitionIn(await this.cities.get(citySlug), code);
  }

  private async definitionIn(city: { id: number; slug: string }, code: string): Promise<IndicatorDefinition> {
    const def = findIndicator(code, (await this.repo.listCustom(city.id)).map(customIndicator));
    if (!def) throw new DomainError('indicator.not_found', `No indicator "${code}" in ${city.slug}.`, { code });
    return def;
  }

  async compute(citySlug: string, code: string, q: IndicatorQuery, access: IndicatorAccess): Promise<IndicatorAnswer> {
    const city = await this.cities.get(citySlug);
    const def = await this.definitionIn(city, code);
    const bad = q.by.filter((k) => !def.by.includes(k));
    if (bad.length > 0) {
      throw new DomainError('validation', `by: ${code} cannot be broken down by ${bad.join(', ')} (allowed: ${def.by.join(', ')}).`, { field: 'by' });
    }
    let answer: Omit<IndicatorAnswer, 'rows'> & { rows: IndicatorOutputRow[] };
    if (def.source === 'record') {
      answer = await this.computeRecord(city, def, q);
    } else {
      const spec = def.survey!;
      const result = await this.surveys.compute({
        cityId: city.id,
        code: spec.code,
        ...(spec.question ? { question: spec.question } : {}),
        by: q.by,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        minRespondents: MIN_RESPONDENTS,
      });
      answer = {
        code: def.code,
        unit: def.unit,
        source: def.source,
        method: result.method,
        rule: def.rule,
        by: q.by,
        from: q.from ?? null,
        to: q.to ?? null,
        rows: flatten(result.rows),
        notes: [def.rule, ...result.notes],
      };
    }
    switch (access) {
      case 'exact':
        return answer;
      case 'public': {
        const s = suppressRows(answer.rows);
        return { ...answer, rows: s.rows, notes: [...answer.notes, s.note] };
      }
      default: {
        const never: never = access;
        throw new Error(`unexpected access ${String(never)}`);
      }
    }
  }

  private async computeRecord(city: { id: number; slug: string; timezone: string }, def: IndicatorDefinition, q: IndicatorQuery) {
    const spec = def.record!;
    const by = q.by as RecordBy[];
    const notes = [def.rule, `Days and months are counted in ${city.timezone}.`];
    let from = q.from;
    let to = q.to;
    if (from === undefined || to === undefined) {
      const range = await this.repo.monthRange(city.id, spec.iccs);
      if (!range && (from === undefined || to === undefined)) {
        return this.empty(def, q, [...notes, 'No records under this indicator yet: give from and to to see zeros.']);
      }
      from ??= range!.first;
      to ??= lastDay(range!.last);
      notes.push(`Period not given in full: from ${from} to ${to}, the months with records.`);
    }
    if (from > to) return this.empty(def, q, notes);
    const reference = await this.reference(city.id);
    const { refs, codeOf } = reference;
    const level = finestLevel(refs);
    const years = { from: Number(from.slice(0, 4)), to: Number(to.slice(0, 4)) };
    const units = level === undefined ? [] : unitCodes(refs, level, years.from, years.to);
    const wholeYears = from.endsWith('-01-01') && to.endsWith('-12-31') && !by.includes('month') && !by.includes('quarter');
    const counts = wholeYears
      ? await this.fromRollup(city.id, spec.iccs, years, by, spec.bySource, codeOf)
      : await this.fromSummary(city.slug, spec.iccs, from, to, by, spec.bySource);
    notes.push(
      wholeYears
        ? 'Counted from the yearly rollup of the incident aggregates (whole years).'
        : 'Counted from the monthly incident aggregates, and from the records for partial months at the edges.',
    );
    if (by.includes('unit') && level !== undefined) notes.push(`Units of level ${level} (the finest); "outside" counts records outside every unit.`);
    const population = this.lookupFor(reference, years);
    const rates = computeRates({ by, bySource: spec.bySource, period: { from, to }, counts, units, population });
    if (spec.bySource) notes.push('Police and health records are shown side by side (column source), never added.');
    return {
      code: def.code,
      unit: def.unit,
      source: def.source,
      method: 'count ÷ person-years × 100,000; exact Poisson 95% interval (chi-square link, Ulm 1990)',
      rule: def.rule,
      by: q.by,
      from,
      to,
      rows: flatten(rates.rows),
      notes: [...notes, ...rates.notes],
    };
  }

  /**
   * The city's unit versions and population rows, kept between questions while their stamp (counts and sums of
   * both tables) is unchanged: every question reads the stamp, not the rows.
   */
  private async reference(cityId: number): Promise<Reference> {
    const stamp = await this.repo.referenceStamp(cityId);
    const hit = this.referenceCache.get(cityId);
    if (hit && hit.stamp === stamp) return hit;
    const refs = await this.records.unitVersions(cityId);
    const level = finestLevel(refs);
    const codeOf = level === undefined ? new Map<number, string>() : codesAtLevel(refs, level).codeOf;
    const fresh = { stamp, refs, popRows: await this.repo.population(cityId), codeOf, lookups: new Map<string, PopulationLookup>() };
    this.referenceCache.set(cityId, fresh);
    return fresh;
  }

  /**
   * The population lookup for a span of years (the units that make the city depend on it), kept with the reference
   * data it is built from, so that its answers, already worked out, serve the next question too.
   */
  private lookupFor(reference: Reference, years: { from: number; to: number }): PopulationLookup {
    const key = `${years.from}-${years.to}`;
    const hit = reference.lookups.get(key);
    if (hit) return hit;
    const withPop = new Set(reference.popRows.map((r) => r.unitCode));
    const lookup = populationLookup(reference.popRows, cityUnitCodes(reference.refs, withPop, years));
    if (reference.lookups.size >= MAX_LOOKUPS) reference.lookups.clear();
    reference.lookups.set(key, lookup);
    return lookup;
  }

  private async fromRollup(
    cityId: number,
    iccs: string,
    years: { from: number; to: number },
    by: readonly RecordBy[],
    bySource: boolean,
    codeOf: ReadonlyMap<number, string>,
  ): Promise<KeyedCount[]> {
    const stamps = await this.repo.stamps(cityId);
    if (stamps.rollup !== stamps.imports) await this.repo.rebuildRollup(cityId, stamps.imports);
    const keys: RollupKey[] = [];
    for (const k of by) if (k === 'unit' || k === 'year' || k === 'sex' || k === 'age') keys.push(k);
    if (bySource) keys.push('source');
    const rows = await this.repo.fromRollup(cityId, iccs, years, keys);
    return rows.map((r) => ({
      ...(r.unit !== undefined ? { unit: r.unit === '0' ? 'outside' : (codeOf.get(Number(r.unit)) ?? r.unit) } : {}),
      ...(r.year !== undefined ? { month: `${r.year}-01` } : {}),
      ...(r.sex !== undefined ? { sex: r.sex } : {}),
      ...(r.age !== undefined ? { age: r.age } : {}),
      ...(r.source !== undefined ? { source: r.source } : {}),
      count: r.count,
    }));
  }

  /**
   * Brings the city's yearly rollup up to date with its imports, as an import finishes, so that the first question
   * after it does not wait for the rebuild. True when it was rebuilt. (A question still rebuilds it if it is behind.)
   */
  async refreshRollup(citySlug: string): Promise<boolean> {
    const city = await this.cities.get(citySlug);
    const stamps = await this.repo.stamps(city.id);
    if (stamps.rollup === stamps.imports) return false;
    await this.repo.rebuildRollup(city.id, stamps.imports);
    return true;
  }

  private async fromSummary(slug: string, iccs: string, from: string, to: string, by: readonly RecordBy[], bySource: boolean): Promise<KeyedCount[]> {
    const keys: SummaryKey[] = [];
    if (by.includes('unit')) keys.push('unit');
    if (by.some((k) => k === 'month' || k === 'quarter' || k === 'year')) keys.push('month');
    if (by.includes('sex')) keys.push('sex');
    if (by.includes('age')) keys.push('age');
    keys.push('source');
    const s = await this.summary.summary(slug, { by: keys, from, to, iccs }, 'exact');
    return s.rows
      .filter((r) => (r.count ?? 0) > 0)
      .map((r) => ({
        ...(r.unit !== undefined ? { unit: r.unit } : {}),
        ...(r.month !== undefined ? { month: r.month } : {}),
        ...(r.sex !== undefined ? { sex: r.sex } : {}),
        ...(r.age !== undefined ? { age: r.age } : {}),
        ...(bySource ? { source: r.source } : {}),
        count: r.count ?? 0,
      }));
  }

  private empty(def: IndicatorDefinition, q: IndicatorQuery, notes: string[]) {
    return {
      code: def.code,
      unit: def.unit,
      source: def.source,
      method: 'count ÷ person-years × 100,000',
      rule: def.rule,
      by: q.by,
      from: q.from ?? null,
      to: q.to ?? null,
      rows: [] as IndicatorOutputRow[],
      notes,
    };
  }

  async createCustom(citySlug: string, input: CustomIndicatorInput, actor: Actor): Promise<IndicatorDefinition> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.insertCustom(city.id, input))) {
      throw new DomainError('indicator.exists', `${citySlug} already has an indicator city:${input.code}.`, { code: input.code });
    }
    await this.audit.record(actor, { action: 'indicator.create', target: { type: 'indicator', id: `city:${input.code}` }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(input) });
    return customIndicator(input);
  }

  async updateCustom(citySlug: string, input: CustomIndicatorInput, actor: Actor): Promise<IndicatorDefinition> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.updateCustom(city.id, input))) {
      throw new DomainError('indicator.not_found', `No indicator city:${input.code} in ${citySlug}.`, { code: input.code });
    }
    await this.audit.record(actor, { action: 'indicator.update', target: { type: 'indicator', id: `city:${input.code}` }, scope: { kind: 'city', id: city.slug }, fields: Object.keys(input) });
    return customIndicator(input);
  }

  async deleteCustom(citySlug: string, code: string, actor: Actor): Promise<void> {
    const city = await this.cities.get(citySlug);
    if (!(await this.repo.deleteCustom(city.id, code))) {
      throw new DomainError('indicator.not_found', `No indicator city:${code} in ${citySlug}.`, { code });
    }
    await this.audit.record(actor, { action: 'indicator.delete', target: { type: 'indicator', id: `city:${code}` }, scope: { kind: 'city', id: city.slug }, fields: [] });
  }
}

/** The city's unit versions and population, with the codes of its finest units by id. */
type Reference = {
  stamp: string;
  refs: UnitRef[];
  popRows: PopulationRow[];
  codeOf: ReadonlyMap<number, string>;
  /** Population lookups by span of years (`from-to`). */
  lookups: Map<string, PopulationLookup>;
};

/** Spans of years whose lookups a city keeps at once. */
const MAX_LOOKUPS = 16;

/** The last day of the month whose first day is given. */
function lastDay(first: string): string {
  const d = new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0));
  return d.toISOString().slice(0, 10);
}

/** The codes whose populations make the city: those of the coarsest level that has any population. */
function cityUnitCodes(refs: readonly UnitRef[], withPop: ReadonlySet<string>, years: { from: number; to: number }): string[] {
  const levels = [...new Set(refs.map((r) => r.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const codes = unitCodes(refs, level, years.from, years.to).filter((c) => withPop.has(c));
    if (codes.length > 0) return codes;
  }
  return [];
}

