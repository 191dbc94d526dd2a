import type { Command } from 'commander';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { nameIn } from '../../core/indicators/definition.ts';
import { indicatorCsv } from '../../core/indicators/output.ts';
import { indicatorCodeSchema, indicatorQuerySchema } from '../../core/indicators/query.ts';
import type { Config } from '../../server/config.ts';
import type { IndicatorAnswer } from '../../server/indicators/indicator.service.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { CliError, withTarget } from '../target.ts';

type ListedIndicator = { code: string; framework: string; source: string; unit: string; by: string[]; names: Record<string, { text: string }> };

/** `safer indicators <city> <code>` (exact figures: the CLI is the operator) and `safer indicators <city> --list`. */
export function indicatorsCommand(program: Command, config: () => Config): void {
  program
    .command('indicators')
    .description('indicator values by unit, month, quarter, year, sex, age (exact figures), or the list of indicators')
    .argument('<city>', 'city slug')
    .argument('[code]', 'indicator code: 16.1.1, umf:5.1.1, iccs:<code>, city:<code> … (see --list)')
    .option('--list', 'list the indicators the city can compute')
    .option('--by <keys>', 'comma-separated: unit, month, quarter, year, sex, age (survey indicators also disability, place)')
    .option('--from <YYYY-MM-DD>', 'first day counted (city time zone)')
    .option('--to <YYYY-MM-DD>', 'last day counted, inclusive')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (city: string, code: string | undefined, opts: Record<string, unknown>) => {
      const slug = parseOptions(z.object({ city: citySlugSchema }), { city }).city;
      const fmt = parseOptions(z.object({ format: formatSchema }), { format: opts.format }).format;
      if (opts.list) {
        const list = await withTarget(config(), async (t) => {
          if (t.kind === 'local') {
            return (await t.services.indicators.list(slug)).map((d) => ({ code: d.code, framework: d.framework, source: d.source, unit: d.unit, by: [...d.by], name: nameIn(d, 'en') }));
          }
          const res = await t.api.request<{ indicators: ListedIndicator[] }>('GET', `/api/v1/cities/${slug}/indicators`);
          return res.indicators.map((d) => ({ code: d.code, framework: d.framework, source: d.source, unit: d.unit, by: d.by, name: d.names.en?.text ?? d.code }));
        });
        note('iccs:<code> gives the rate per 100,000 residents per year of any ICCS code and its descendants.');
        writeTable(fmt, ['code', 'framework', 'source', 'unit', 'by', 'name'], list.map((d) => ({ ...d, by: d.by.join(' ') })));
        return;
      }
      if (code === undefined) throw new CliError('name an indicator code, or --list to see them');
      const indicator = parseOptions(z.object({ code: indicatorCodeSchema }), { code }).code;
      const rest = Object.fromEntries(Object.entries({ by: opts.by, from: opts.from, to: opts.to }).filter(([, v]) => typeof v === 'string'));
      const q = parseOptions(indicatorQuerySchema, rest);
      const answer = await withTarget(config(), async (t) => {
        if (t.kind === 'local') return t.services.indicators.compute(slug, indicator, q, 'exact');
        const qs = new URLSearchParams(rest as Record<string, string>);
        return t.api.request<IndicatorAnswer>('GET', `/api/v1/cities/${slug}/indicators/${encodeURIComponent(indicator)}?${qs}`);
      });
      for (const n of answer.notes) note(n);
      note(`method: ${answer.method}`);
      if (fmt === 'json') process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      else process.stdout.write(indicatorCsv(answer.by, answer.rows, false));
    });
}
