import type { Command } from 'commander';
import { z } from 'zod';
import { citySlugSchema } from '../../core/cities/city.ts';
import type { ImportBatch } from '../../core/incidents/import-batch.ts';
import type { Config } from '../../server/config.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';
import type { BatchDto } from './import-remote.ts';

const columns = ['id', 'status', 'source', 'fileName', 'read', 'imported', 'updated', 'unchanged', 'rejected', 'outside', 'createdAt', 'completedAt', 'error'];

type Row = Record<string, unknown>;

const fromBatch = (b: ImportBatch): Row => ({
  ...b,
  ...b.totals,
  createdAt: b.createdAt.toISOString(),
  completedAt: b.completedAt?.toISOString() ?? '',
});
const fromDto = (b: BatchDto): Row => ({ ...b, ...b.totals, completedAt: b.completedAt ?? '' });

export function importsCommand(program: Command, config: () => Config): void {
  const imports = program.command('imports').description('incident imports: list them, undo one');

  imports
    .command('list')
    .description("a city's incident imports, newest first, with their totals")
    .argument('<city>', 'city slug')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (city: string, opts: { format: string }) => {
      const o = parseOptions(z.object({ city: citySlugSchema, format: formatSchema }), { city, ...opts });
      const rows = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? (await t.services.imports.list(o.city)).map(fromBatch)
          : (await t.api.request<{ imports: BatchDto[] }>('GET', `/api/v1/cities/${o.city}/imports`)).imports.map(fromDto),
      );
      writeTable(o.format, columns, rows);
    });

  imports
    .command('undo')
    .description('remove a whole import (its records leave every count; the records it replaced come back)')
    .argument('<batch>', 'import (batch) id, as `imports list` shows it')
    .action(async (batch: string) => {
      const id = parseOptions(z.object({ batch: z.coerce.number().int().positive() }), { batch }).batch;
      const undone = await withTarget(config(), async (t) =>
        t.kind === 'local'
          ? fromBatch(await t.services.imports.undoById(id))
          : fromDto(await t.api.request<BatchDto>('POST', `/api/v1/admin/imports/${id}/undo`)),
      );
      note(`import ${undone.id} undone (${undone.imported} records removed, ${undone.updated} earlier versions restored)`);
    });
}
