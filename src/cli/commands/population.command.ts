import type { Command } from 'commander';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { note } from '../output.ts';
import { withTarget } from '../target.ts';
import { defaultReportPath, readInput, remoteImportRefused, writeReport } from './units.command.ts';

export function populationCommand(program: Command, config: () => Config): void {
  const population = program.command('population').description("a city's population by unit, year, sex and age band");

  population
    .command('import')
    .description('import a CSV with columns unit,year,sex,age_band,population (upsert; bad rows rejected to a report)')
    .argument('<city>', 'city slug')
    .argument('<file>', 'CSV file, header row first')
    .option('--report <path>', 'where to write rejected rows (default: <data dir>/reports/population-<city>-<batch>.csv)')
    .action(async (city: string, file: string, opts: Record<string, unknown>) => {
      const o = parseOptions(z.object({ city: citySlugSchema, file: z.string().min(1), report: z.string().min(1).optional() }), {
        city,
        file,
        ...opts,
      });
      const upload = readInput(o.file);
      const s = await withTarget(config(), async (t) =>
        t.kind === 'local' ? t.services.population.importCsv(o.city, upload) : remoteImportRefused(),
      );
      note(`read ${s.read}, imported ${s.imported}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}`);
      const path = writeReport(o.report ?? defaultReportPath(config(), 'population', o.city, s.batchId), ['line', 'field', 'value', 'reason'], s.rejections);
      note(`report (${s.rejections.length} rejection(s)): ${path}`);
    });
}
