import { existsSync, mkdirSync, openAsBlob, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { DomainError, isErrorCode } from '../../core/errors.ts';
import type { SurveyTotals } from '../../core/surveys/survey.ts';
import type { Config } from '../../server/config.ts';
import { readOperatorToken } from '../../server/operator-token.ts';
import type { ApiClient } from '../api-client.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { progressBar } from '../progress.ts';
import { CliError, withTarget } from '../target.ts';

const importFlags = z.object({
  city: citySlugSchema,
  form: z.string().min(1),
  data: z.string().min(1),
  mapping: z.string().min(1),
  weight: z.string().min(1).optional(),
  strata: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
  name: z.string().min(1).max(200).optional(),
  format: formatSchema.optional(),
  rejections: z.string().min(1).optional(),
});

type SurveyDto = {
  id: number;
  name: string;
  status: 'running' | 'complete' | 'failed';
  totals: SurveyTotals;
  repeats: string[];
  indicators: string[];
  firstDate: string | null;
  lastDate: string | null;
  createdAt: string;
  error: string | null;
  job: { status: string; progress: { done: number; total: number | null }; error: string | null } | null;
};

const listColumns = ['id', 'name', 'status', 'imported', 'rejected', 'first_date', 'last_date', 'indicators', 'created_at'];

export function surveysCommand(program: Command, config: () => Config): void {
  const surveys = program.command('surveys').description('perception and victimisation surveys: import an XLSForm and its export, list, delete');

  surveys
    .command('import')
    .description('import an XLSForm (KoBoToolbox/ODK), its submissions export and a mapping file (README "Surveys")')
    .argument('<city>', 'city slug')
    .requiredOption('--form <form.xlsx>', 'the XLSForm')
    .requiredOption('--data <data.csv>', 'the submissions export (.csv or .xlsx)')
    .requiredOption('--mapping <mapping.json>', 'which questions answer the standard modules')
    .option('--weight <column>', 'column of the survey weights')
    .option('--strata <column>', 'column of the strata')
    .option('--cluster <column>', 'column of the clusters (primary sampling units)')
    .option('--name <name>', 'name of the survey (default: the form title)')
    .option('--format <format>', 'also print the outcome on stdout: csv or json')
    .option('--rejections <path>', 'where to write the rejected rows (default: <data dir>/reports/survey-<city>-<id>-rejections.csv)')
    .action(async (city: string, opts: Record<string, unknown>) => {
      const f = parseOptions(importFlags, { city, ...opts });
      for (const path of [f.form, f.data, f.mapping]) if (!existsSync(path)) throw new CliError(`${path}: no such file`);
      let mapping: unknown;
      try {
        mapping = JSON.parse(readFileSync(f.mapping, 'utf8'));
      } catch (err) {
        throw new CliError(`${f.mapping}: not JSON (${(err as Error).message})`);
      }
      const design = { weight: f.weight, strata: f.strata, cluster: f.cluster };
      const outcome = await withTarget(config(), async (t) => {
        if (t.kind === 'remote') return importThroughApi(t.api, config(), f.city, f, mapping);
        const bar = progressBar(`importing ${basename(f.data)} (rows)`);
        try {
          const { survey, notes } = await t.services.surveys.imports.importFiles({
            citySlug: f.city,
            formPath: f.form,
            formName: basename(f.form),
            dataPath: f.data,
            dataName: basename(f.data),
            mapping,
            design,
            name: f.name,
            onProgress: (done, total) => bar.update(done, total),
          });
          const rows = await t.services.surveys.rejections(f.city, survey.id);
          const rejectionsCsv = stringify(
            rows.map((r) => [r.line, r.field, r.value, r.reason]),
            { header: true, columns: ['line', 'field', 'value', 'reason'] },
          );
          return { id: survey.id, totals: survey.totals, indicators: survey.indicators, rejectionsCsv, notes };
        } finally {
          bar.stop();
        }
      });
      const path = resolve(f.rejections ?? join(config().dataDir, 'reports', `survey-${f.city}-${outcome.id}-rejections.csv`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, outcome.rejectionsCsv);
      const t = outcome.totals;
      note(`survey ${outcome.id} imported: ${t.read} rows read, ${t.imported} imported, ${t.rejected} rejected, ${t.outside} outside every unit`);
      note(`indicators it computes: ${outcome.indicators.join(', ') || 'none (custom only)'}`);
      note(`rejected rows (${t.rejected}): ${path}`);
      for (const n of outcome.notes) note(n);
      if (f.format === 'json') {
        process.stdout.write(`${JSON.stringify({ survey: outcome.id, totals: t, indicators: outcome.indicators, rejections: path, notes: outcome.notes }, null, 2)}\n`);
      } else if (f.format === 'csv') {
        writeTable('csv', ['survey', 'read', 'imported', 'rejected', 'outside', 'rejections'], [{ survey: outcome.id, ...t, rejections: path }]);
      }
    });

  surveys
    .command('list')
    .description('the surveys imported for a city, newest first')
    .argument('<city>', 'city slug')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (city: string, opts: Record<string, unknown>) => {
      const f = parseOptions(z.object({ city: citySlugSchema, format: formatSchema }), { city, ...opts });
      const list = await withTarget(config(), async (t) => {
        if (t.kind === 'remote') return (await t.api.request<{ surveys: SurveyDto[] }>('GET', `/api/v1/cities/${f.city}/surveys`)).surveys;
        return (await t.services.surveys.list(f.city)).map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), job: null }));
      });
      if (f.format === 'json') {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      writeTable(
        'csv',
        listColumns,
        list.map((s) => ({
          id: s.id,
          name: s.name,
          status: s.status,
          imported: s.totals.imported,
          rejected: s.totals.rejected,
          first_date: s.firstDate ?? '',
          last_date: s.lastDate ?? '',
          indicators: s.indicators.join(' '),
          created_at: s.createdAt,
        })),
      );
    });

  surveys
    .command('delete')
    .description('delete a survey import and its responses')
    .argument('<city>', 'city slug')
    .argument('<survey>', 'survey id (from `safer surveys list`)')
    .action(async (city: string, survey: string) => {
      const f = parseOptions(z.object({ city: citySlugSchema, survey: z.coerce.number().int().positive() }), { city, survey });
      await withTarget(config(), async (t) => {
        if (t.kind === 'remote') return t.api.request('DELETE', `/api/v1/cities/${f.city}/surveys/${f.survey}`);
        return t.services.surveys.delete(f.city, f.survey);
      });
      note(`survey ${f.survey} deleted`);
    });
}

/** Uploads the three files to the server that holds the store, then follows the import job until it ends. */
async function importThroughApi(
  api: ApiClient,
  config: Config,
  city: string,
  f: z.output<typeof importFlags>,
  mapping: unknown,
): Promise<{ id: number; totals: SurveyTotals; indicators: string[]; rejectionsCsv: string; notes: string[] }> {
  const token = readOperatorToken(config.dataDir);
  if (!token) throw new CliError(`No operator token in ${config.dataDir}.`);
  const body = new FormData();
  body.append('mapping', JSON.stringify(mapping));
  for (const [k, v] of Object.entries({ weight: f.weight, strata: f.strata, cluster: f.cluster, name: f.name })) if (v) body.append(k, v);
  body.append('form', await openAsBlob(f.form), basename(f.form));
  body.append('data', await openAsBlob(f.data), basename(f.data));
  const headers = { authorization: `Bearer ${token}` };
  const base = `${api.baseUrl}/api/v1/cities/${encodeURIComponent(city)}/surveys`;
  let survey = await call<SurveyDto>(await fetch(base, { method: 'POST', headers, body }));
  const bar = progressBar(`importing ${basename(f.data)} (rows)`);
  try {
    while (survey.status === 'running') {
      await new Promise((r) => setTimeout(r, 500));
      survey = await api.request<SurveyDto>('GET', `/api/v1/cities/${encodeURIComponent(city)}/surveys/${survey.id}`);
      if (survey.job) bar.update(survey.job.progress.done, survey.job.progress.total);
      if (survey.job && ['failed', 'cancelled'].includes(survey.job.status) && survey.status === 'running') break;
    }
  } finally {
    bar.stop();
  }
  if (survey.status !== 'complete') throw new CliError(`Survey ${survey.id} ${survey.status}: ${survey.error ?? survey.job?.error ?? 'no reason given'}`);
  const rejections = await fetch(`${base}/${survey.id}/rejections.csv`, { headers });
  if (!rejections.ok) await call(rejections);
  const notes = survey.repeats.length ? [`Repeat groups skipped (their answers are not imported): ${survey.repeats.join(', ')}.`] : [];
  return { id: survey.id, totals: survey.totals, indicators: survey.indicators, rejectionsCsv: await rejections.text(), notes };
}

async function call<T>(res: Response): Promise<T> {
  const text = await res.text();
  const json = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new DomainError(e?.code && isErrorCode(e.code) ? e.code : 'internal', e?.message ?? `HTTP ${res.status}`, e?.details);
  }
  return json as T;
}
