import type { Command } from 'commander';
import { z } from 'zod';
import { type City, newCitySchema, type PublicCity } from '../../core/cities/city.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';

export function cityCommand(program: Command, config: () => Config): void {
  const city = program.command('city').description('manage cities');

  city
    .command('list')
    .description('list the cities on this platform')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: { format: string }) => {
      const { format } = parseOptions(z.object({ format: formatSchema }), opts);
      const cities = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? (await t.services.cities.list()).map((c: City) => ({ slug: c.slug, name: c.name, country: c.country, timezone: c.timezone }))
          : (await t.api.request<{ cities: PublicCity[] }>('GET', '/api/v1/cities')).cities,
      );
      writeTable(format, ['slug', 'name', 'country', 'timezone'], cities);
    });

  city
    .command('add')
    .description('create a city')
    .argument('<slug>', 'identifier used in every path, e.g. nairobi')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--country <ISO3>', 'ISO 3166-1 alpha-3 code, e.g. KEN')
    .requiredOption('--timezone <IANA>', 'IANA time zone, e.g. Africa/Nairobi')
    .action(async (slug: string, opts: { name: string; country: string; timezone: string }) => {
      const input = parseOptions(newCitySchema, { slug, ...opts });
      const created = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? await t.services.cities.create(input)
          : await t.api.request<City>('POST', '/api/v1/cities', input),
      );
      note(`city ${created.slug} created`);
    });
}
