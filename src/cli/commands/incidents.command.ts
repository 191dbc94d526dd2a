import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import type { ImportTotals } from '../../core/incidents/import-batch.ts';
import { type SummaryRow, summaryQuerySchema } from '../../core/incidents/summary.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { progressBar } from '../progress.ts';
import { CliError, withTarget } from '../target.ts';
import { importThroughApi } from './import-remote.ts';

const importFlags = z.object({
  city: citySlugSchema,
  file: z.string().min(1),
  profile: z.string().min(1),
  format: formatSchema.optional(),
  rejections: z.string().min(1).optional(),
});

export function incidentsCommand(program: Command, config: () => Config): void {
  const incidents = program.command('incidents').description('police and health records: import files, count them');

  incidents
    .command('import')
    .description('import a CSV, XLSX or GeoJSON file of incident records with an import profile (README "Import profiles")')
    .argument('<city>', 'city slug')
    .argument('<file>', '.csv/.tsv/.txt, .xlsx or .geojson/.json')
    .requiredOption('--profile <profile.json>', 'how to read the file: columns, date format, location, categories')
    .option('--format <format>', 'also print the outcome on stdout: csv or json')
    .option('--rejections <path>', 'where to write the rejected rows (default: <data dir>/reports/incidents-<city>-<batch>-rejections.csv)')
    .action(async (city: string, file: string, opts: Record<string, unknown>) => {
      const f = parseOptions(importFlags, { city, file, ...opts });
      if (!existsSync(f.file)) throw new CliError(`${f.file}: no such file`);
      const profile = readProfile(f.profile);
      const outcome = await withTarget(config(), async (t) => {
        if (t.kind === 'remote') {
          const { batch, rejectionsCsv } = await importThroughApi(t.api, config(), f.city, f.file, profile);
          return { id: batch.id, totals: batch.totals, rejectionsCsv, notes: [] as string[] };
        }
        const abort = new AbortController();
        const onSigint = () => abort.abort(new CliError('interrupted: nothing of this import was kept'));
        process.once('SIGINT', onSigint);
        const bar = progressBar(`importing ${basename(f.file)} (bytes)`);
        try {
          const result = await t.services.incidentImports.importFile({
            citySlug: f.city,
            path: f.file,
            fileName: basename(f.file),
            profile,
            signal: abort.signal,
            onProgress: (p) => bar.update(p.bytes, p.totalBytes),
          });
          // The indicators' yearly rollup follows the new records now, not on the first question; the import stands
          // whatever happens here (a question rebuilds a rollup that is behind).
          await t.services.indicators.refreshRollup(f.city).catch(() => false);
          const rows = await t.services.imports.rejections(f.city, result.batch.id);
          const rejectionsCsv = stringify(
            rows.map((r) => [r.line, r.field, r.value, r.reason]),
            { header: true, columns: ['line', 'field', 'value', 'reason'] },
          );
          return { id: result.batch.id, totals: result.batch.totals, rejectionsCsv, notes: result.notes };
        } finally {
          bar.stop();
          process.removeListener('SIGINT', onSigint);
        }
      });
      const path = resolve(f.rejections ?? join(config().dataDir, 'reports', `incidents-${f.city}-${outcome.id}-rejections.csv`));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, outcome.rejectionsCsv);
      note(`import ${outcome.id} complete: ${describeTotals(outcome.totals)}`);
      note(`rejected rows (${outcome.totals.rejected}): ${path}`);
      for (const n of outcome.notes) note(n);
      if (f.format === 'json') {
        process.stdout.write(`${JSON.stringify({ batch: outcome.id, totals: outcome.totals, rejections: path, notes: outcome.notes }, null, 2)}\n`);
      } else if (f.format === 'csv') {
        writeTable('csv', ['batch', ...totalKeys, 'rejections'], [{ batch: outcome.id, ...outcome.totals, rejections: path }]);
      }
    });

  incidents
    .command('summary')
    .description('count records by unit, month, ICCS category, sex, age band and/or source (exact counts)')
    .argument('<city>', 'city slug')
    .requiredOption('--by <keys>', 'comma-separated: unit, month, iccs, sex, age, source')
    .option('--from <YYYY-MM-DD>', 'first day counted (city time zone)')
    .option('--to <YYYY-MM-DD>', 'last day counted, inclusive')
    .option('--iccs <code>', 'only this ICCS code and its descendants')
    .option('--source <source>', 'only records of this source (e.g. police)')
    .option('--level <n>', 'unit level for --by unit (default: the finest)')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (city: string, opts: Record<string, unknown>) => {
      const { format, ...rest } = opts;
      const fmt = parseOptions(z.object({ format: formatSchema }), { format }).format;
      const slug = parseOptions(z.object({ city: citySlugSchema }), { city }).city;
      const q = parseOptions(summaryQuerySchema, rest);
      const summary = await withTarget(config(), async (t) => {
        if (t.kind === 'local') return t.services.incidents.summary(slug, q, 'exact');
        const qs = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string'));
        return t.api.request<{ rows: SummaryRow[]; notes: string[] }>('GET', `/api/v1/cities/${slug}/incidents/summary?${qs}`);
      });
      for (const n of summary.notes) note(n);
      if (fmt === 'json') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else writeTable('csv', [...q.by, 'count'], summary.rows);
    });
}

const totalKeys = ['read', 'imported', 'updated', 'unchanged', 'rejected', 'outside'] as const;

function describeTotals(t: ImportTotals): string {
  return totalKeys.map((k) => `${k} ${t[k]}`).join(', ');
}

function readProfile(path: string): unknown {
  if (!existsSync(path)) throw new CliError(`${path}: no such profile file`);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new CliError(`${path}: the profile is not valid JSON (${(err as Error).message})`);
  }
}
