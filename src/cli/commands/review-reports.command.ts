import type { Command } from 'commander';
import { z } from 'zod';
import { UN_LANGUAGES } from '../../core/reference/un-languages.ts';
import { CALENDAR_CSV_COLUMNS, type CalendarEntry } from '../../core/review/calendar.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';

/** `safer review calendar`: the public calendar — each participating state's stage and its date, in date order. */
export function reviewReportsCommand(program: Command, config: () => Config): void {
  const review = program.commands.find((c) => c.name() === 'review');
  if (!review) throw new Error('the review command must be registered first');
  review
    .command('calendar')
    .description("the public calendar: each participating state's stage and its date, in date order (names in --lang)")
    .option('--format <format>', 'csv or json', 'csv')
    .option('--lang <language>', 'language of the state names: ar, en, es, fr, ru or zh', 'en')
    .action(async (opts: { format: string; lang: string }) => {
      const { format, lang } = parseOptions(z.object({ format: formatSchema, lang: z.enum(UN_LANGUAGES) }), opts);
      const entries = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? await t.services.reviewReports.reports.calendar(lang)
          : (await t.api.request<{ entries: CalendarEntry[] }>('GET', `/api/v1/review/calendar?lang=${lang}`)).entries,
      );
      writeTable(format, [...CALENDAR_CSV_COLUMNS], entries);
    });
}
