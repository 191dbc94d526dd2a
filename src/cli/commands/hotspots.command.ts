import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import { DomainError } from '../../core/errors.ts';
import { hotspotQuerySchema } from '../../core/hotspots/hotspot-query.ts';
import { type HotspotGeoJson, resultCsv, resultGeoJson } from '../../core/hotspots/hotspot-result.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { note } from '../output.ts';
import { CliError, withTarget } from '../target.ts';

const flags = z.object({ city: citySlugSchema, format: z.enum(['geojson', 'csv']) });

/** Query keys that the CLI passes on as they are (its flags are the API's parameters). */
const queryKeys = ['method', 'grid', 'weights', 'transform', 'variable', 'permutations', 'seed', 'from', 'to', 'iccs', 'bandwidth', 'distance', 'days'] as const;

export function hotspotsCommand(program: Command, config: () => Config): void {
  program
    .command('hotspots')
    .description('hotspot analysis: Getis–Ord Gi/Gi*, local Moran (LISA), kernel density, emerging hot spots, Knox test (exact figures)')
    .argument('<city>', 'city slug')
    .requiredOption('--method <method>', 'gi, gistar, lisa, kde, emerging or knox')
    .option('--grid <grid>', 'units, h3:<7-10> or square:<metres> (default units; kde: square:250)')
    .option('--weights <weights>', 'queen, rook, knn:<k>, band:<metres> or ring:<k> (H3 only; default queen, on H3 ring:1)')
    .option('--transform <transform>', 'binary or row (default binary; lisa: row)')
    .option('--variable <variable>', 'count or rate (per 100,000)', 'count')
    .option('--permutations <n>', 'permutations for lisa and knox (default 999)')
    .option('--seed <n>', 'seed of the permutations', '1')
    .option('--from <YYYY-MM-DD>', 'first day (city time zone)')
    .option('--to <YYYY-MM-DD>', 'last day, inclusive')
    .option('--iccs <code>', 'only this ICCS code and its descendants')
    .option('--bandwidth <metres>', 'kde bandwidth (default: the rule in README)')
    .option('--distance <metres>', 'knox: close in space', '200')
    .option('--days <n>', 'knox: close in time', '14')
    .requiredOption('--format <format>', 'geojson or csv')
    .action(async (city: string, opts: Record<string, unknown>) => {
      const f = parseOptions(flags, { city, format: opts.format });
      const raw = Object.fromEntries(queryKeys.filter((k) => typeof opts[k] === 'string').map((k) => [k, opts[k] as string]));
      const q = parseOptions(hotspotQuerySchema, raw);
      let result: HotspotGeoJson;
      try {
        result = await withTarget(config(), async (t) => {
          if (t.kind === 'local') return resultGeoJson(await t.services.hotspots.analyse(f.city, q, 'exact'));
          return t.api.request<HotspotGeoJson>('GET', `/api/v1/cities/${f.city}/hotspots?${new URLSearchParams(raw)}`);
        });
      } catch (err) {
        const field = (err as DomainError).details as { field?: string } | undefined;
        if (err instanceof DomainError && err.code === 'validation' && field?.field) {
          throw new CliError(`--${field.field}: ${err.message.replace(new RegExp(`^${field.field}: `), '')}`);
        }
        throw err;
      }
      for (const n of result.notes) note(n);
      note(`parameters: ${Object.entries(result.parameters).map(([k, v]) => `${k}=${v ?? ''}`).join(' ')}`);
      if (f.format === 'csv') process.stdout.write(stringify(resultCsv(result)));
      else process.stdout.write(`${JSON.stringify(result)}\n`);
    });
}
