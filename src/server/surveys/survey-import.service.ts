import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Actor, operatorActor } from '../../core/audit/audit-entry.ts';
import { DomainError } from '../../core/errors.ts';
import type { Rejection } from '../../core/imports/rejection.ts';
import type { Job } from '../../core/jobs/job.ts';
import { type Respondent, readRespondent, resolveColumns } from '../../core/surveys/respondent.ts';
import type { Survey } from '../../core/surveys/survey.ts';
import { columnBytes, encodeColumns } from '../../core/surveys/survey-columns.ts';
import { checkMapping, indicatorsOf, type SurveyMapping, surveyMappingSchema } from '../../core/surveys/survey-mapping.ts';
import { parseXlsForm, type XlsForm } from '../../core/surveys/xlsform.ts';
import type { UnitIndex } from '../../core/units/unit-index.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CityService } from '../cities/city.service.ts';
import type { JobService } from '../jobs/job.service.ts';
import type { UnitService } from '../units/unit.service.ts';
import type { SurveyRepository } from './survey.repository.ts';
import { readFormWorkbook, readSubmissions, type Submissions } from './survey-file.reader.ts';

export const SURVEYS_IMPORT_JOB = 'surveys.import';

/** Design columns given beside the mapping (CLI flags, upload fields); they win over the mapping's `design`. */
export type DesignOverrides = { weight?: string | undefined; strata?: string | undefined; cluster?: string | undefined };

export type ImportInput = {
  citySlug: string;
  formPath: string;
  formName: string;
  dataPath: string;
  dataName: string;
  mapping: unknown;
  design?: DesignOverrides;
  name?: string | undefined;
  /** A survey created at upload (the job fills it); without one the import creates it. */
  surveyId?: number;
  actor?: Actor;
  onProgress?: (done: number, total: number, note: string) => void;
};

export type SurveyView = { survey: Survey; job: Job | null };

/** Parses and checks a mapping, with the design overrides applied. */
export function validMapping(input: unknown, design: DesignOverrides = {}): SurveyMapping {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw new DomainError('survey.bad_mapping', `mapping: not JSON (${err instanceof Error ? err.message : String(err)}).`, { field: 'mapping' });
    }
  }
  const parsed = surveyMappingSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(mapping)', reason: i.message }));
    throw new DomainError('survey.bad_mapping', `mapping: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, { problems });
  }
  const m = parsed.data;
  if (design.weight) m.design.weight = design.weight;
  if (design.strata) m.design.stratum = design.strata;
  if (design.cluster) m.design.cluster = design.cluster;
  return m;
}

/** Survey imports: the form, its submissions and the mapping, checked, then stored in one transaction. */
export class SurveyImportService {
  /** Where uploads are kept (`<data dir>/uploads`); set when the job is registered. */
  uploadsDir: string | undefined;

  constructor(
    private readonly repo: SurveyRepository,
    private readonly cities: CityService,
    private readonly units: UnitService,
    private readonly jobs: JobService,
    private readonly audit: AuditService,
  ) {}

  /** Reads and checks the form, the mapping and the export's header; problems throw with every field named. */
  async check(formPath: string, dataPath: string, dataName: string, mappingInput: unknown, design?: DesignOverrides) {
    const { form, problems } = parseXlsForm(await readFormWorkbook(formPath));
    if (problems.length) {
      const text = problems.map((p) => `${p.sheet} sheet row ${p.line}, ${p.field}: ${p.reason}`).join('; ');
      throw new DomainError('survey.bad_form', `form: ${text}`, { problems });
    }
    const mapping = validMapping(mappingInput, design);
    const mappingProblems = checkMapping(form, mapping);
    const data = await readSubmissions(dataPath, dataName);
    const cols = resolveColumns(form, mapping, data.header);
    // Columns are looked for only once the mapping matches the form (a wrong question is one problem, not two).
    const all = mappingProblems.length ? mappingProblems : cols.problems;
    if (all.length) throw new DomainError('survey.bad_mapping', `mapping: ${all.map((p) => `${p.field}: ${p.reason}`).join('; ')}`, { problems: all });
    return { form, mapping, data, cols };
  }

  /** Runs a whole import (the CLI calls it directly; the `surveys.import` job calls it for uploads). */
  async importFiles(input: ImportInput): Promise<{ survey: Survey; notes: string[] }> {
    const city = await this.cities.get(input.citySlug);
    let surveyId = input.surveyId;
    try {
      const { form, mapping, data, cols } = await this.check(input.formPath, input.dataPath, input.dataName, input.mapping, input.design);
      if (surveyId === undefined) {
        const created = await this.repo.create(this.newSurvey(city.id, form, mapping, input));
        surveyId = created.id;
      }
      const notes: string[] = [];
      if (form.repeats.length) notes.push(`Repeat groups skipped (their answers are not imported): ${form.repeats.join(', ')}.`);
      if (data.otherSheets.length) notes.push(`Sheets not read (repeat groups): ${data.otherSheets.join(', ')}.`);
      const result = await this.readRows(city, form, mapping, data, cols, input.onProgress);
      if (result.outside) notes.push(`${result.outside} respondents' GPS points fall outside every unit; they count for the city as a whole.`);
      const { meta, columns } = encodeColumns(
        result.respondents,
        form.questions.filter((q) => q.listName && !q.repeat).map((q) => ({ path: q.path, choices: (form.choices.get(q.listName!) ?? []).map((c) => c.name) })),
      );
      const survey = await this.repo.complete(
        city.id,
        surveyId,
        { respondents: result.respondents, rejections: result.rejections, read: data.rows.length, outside: result.outside, meta, columns: columnBytes(columns) },
        (done) => input.onProgress?.(data.rows.length + done, data.rows.length * 2, `${done} responses stored`),
      );
      await this.audit.record(input.actor ?? operatorActor, {
        action: 'survey.import',
        target: { type: 'survey', id: survey.id },
        scope: { kind: 'city', id: city.slug },
        fields: ['form', 'data', 'mapping'],
      });
      return { survey, notes };
    } catch (err) {
      if (surveyId !== undefined) await this.repo.fail(city.id, surveyId, err instanceof Error ? err.message : String(err));
      throw err;
    }
  }

  private newSurvey(cityId: number, form: XlsForm, mapping: SurveyMapping, input: Pick<ImportInput, 'name' | 'formName' | 'dataName'>) {
    return {
      cityId,
      name: input.name || form.title || form.formId || basename(input.dataName, extname(input.dataName)),
      formId: form.formId,
      formVersion: form.version,
      formFile: input.formName,
      dataFile: input.dataName,
      mapping,
      languages: form.languages,
      repeats: form.repeats,
      indicators: indicatorsOf(mapping),
    };
  }

  private async readRows(
    city: { id: number; slug: string },
    form: XlsForm,
    mapping: SurveyMapping,
    data: Submissions,
    cols: ReturnType<typeof resolveColumns>,
    onProgress: ImportInput['onProgress'],
  ) {
    const respondents: (Respondent & { unit: string | null })[] = [];
    const rejections: Rejection[] = [];
    const cityUnits = cols.unit || cols.gps ? await this.units.list(city.slug, {}) : [];
    const known = cols.unit ? new Set(cityUnits.map((u) => u.code)) : null;
    const codeOf = cols.gps ? new Map(cityUnits.map((u) => [u.id, u.code])) : null;
    const indexes = new Map<number, UnitIndex>();
    let outside = 0;
    for (const [i, row] of data.rows.entries()) {
      const read = readRespondent(row.line, row.values, form, mapping, cols);
      if ('problems' in read) {
        rejections.push(...read.problems);
        continue;
      }
      const r = read.respondent;
      if (known && r.unit !== null && !known.has(r.unit)) {
        rejections.push({ line: row.line, field: cols.unit!, value: r.unit, reason: `no unit "${r.unit}" in this city` });
        continue;
      }
      if (codeOf && r.point) {
        const year = r.date ? Number(r.date.slice(0, 4)) : new Date().getUTCFullYear();
        let index = indexes.get(year);
        if (!index) {
          index = await this.units.indexFor(city.id, year);
          indexes.set(year, index);
        }
        const id = index.locate(r.point[0], r.point[1]);
        r.unit = id === undefined ? null : (codeOf.get(id) ?? null);
        if (r.unit === null) outside++;
      }
      respondents.push(r);
      if (i % 1000 === 999) onProgress?.(i + 1, data.rows.length * 2, `${i + 1} rows read`);
    }
    return { respondents, rejections, outside };
  }

  /** Stores uploaded files, checks them, creates the survey (running) and queues the import job. */
  async upload(
    citySlug: string,
    files: { form: { name: string; path: string }; data: { name: string; path: string } },
    mappingInput: unknown,
    design: DesignOverrides,
    name: string | undefined,
    actor: Actor,
  ): Promise<SurveyView> {
    const city = await this.cities.get(citySlug);
    try {
      const { form, mapping } = await this.check(files.form.path, files.data.path, files.data.name, mappingInput, design);
      const survey = await this.repo.create(this.newSurvey(city.id, form, mapping, { name, formName: files.form.name, dataName: files.data.name }));
      const job = await this.jobs.enqueue(
        SURVEYS_IMPORT_JOB,
        { city: city.slug, surveyId: survey.id, formPath: files.form.path, formName: files.form.name, dataPath: files.data.path, dataName: files.data.name },
        { actor },
      );
      await this.repo.setJob(city.id, survey.id, job.id);
      return { survey: { ...survey, jobId: job.id }, job };
    } catch (err) {
      await rm(files.form.path, { force: true });
      await rm(files.data.path, { force: true });
      throw err;
    }
  }

  /** Writes one uploaded part under the data directory. */
  async saveUpload(citySlug: string, file: { name: string; stream: Readable }, field: 'form' | 'data'): Promise<{ name: string; path: string }> {
    const name = safeName(file.name);
    const ext = extname(name);
    if (field === 'form' ? ext !== '.xlsx' : !['.csv', '.txt', '.xlsx'].includes(ext)) {
      file.stream.resume();
      throw new DomainError('survey.bad_file', `${field}: ${name} must be ${field === 'form' ? '.xlsx' : '.csv or .xlsx'}.`, { field });
    }
    if (!this.uploadsDir) throw new DomainError('internal', 'Uploads are not configured on this server.');
    const dir = join(this.uploadsDir, 'surveys', citySlug);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}-${name}`);
    await pipeline(file.stream, createWriteStream(path, { mode: 0o600 }));
    if ((file.stream as Readable & { truncated?: boolean }).truncated) {
      await rm(path, { force: true });
      throw new DomainError('validation', 'The file is larger than this server accepts.', { field });
    }
    return { name, path };
  }

  isUpload(path: string): boolean {
    if (!this.uploadsDir) return false;
    const rel = relative(resolve(this.uploadsDir), resolve(path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  }

  async mappingOf(cityId: number, surveyId: number): Promise<unknown> {
    return this.repo.mapping(cityId, surveyId);
  }
}

function safeName(name: string): string {
  const base = basename(name.replaceAll('\\', '/')) || 'upload';
  const ext = extname(base).toLowerCase();
  const stem = base.slice(0, base.length - ext.length).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'upload';
  return `${stem}${ext}`;
}
