import type { Command } from 'commander';
import { z } from 'zod';
import type { BackupProgress } from '../../server/backup/backup.format.ts';
import { writeBackup } from '../../server/backup/backup.writer.ts';
import { restoreBackup } from '../../server/backup/backup-restore.service.ts';
import { moveStore } from '../../server/backup/store-move.service.ts';
import type { Config } from '../../server/config.ts';
import { appliedMigrations, loadMigrations } from '../../server/db/migrate.ts';
import { parseOptions } from '../options.ts';
import { note } from '../output.ts';
import { progressBar } from '../progress.ts';
import { CliError, withLocalServices } from '../target.ts';

/** A bar per table on stderr. */
function tableProgress(verb: string): { onProgress(p: BackupProgress): void; stop(): void } {
  const bar = progressBar(verb);
  return {
    onProgress: (p) => bar.update(p.tablesDone, p.tablesTotal),
    stop: () => bar.stop(),
  };
}

export function storeCommands(program: Command, config: () => Config): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .action(async () => {
      await withLocalServices(config(), async (services) => {
        const applied = await appliedMigrations(services.store);
        note(`${services.store.kind} at ${services.store.location}: ${applied.length} of ${loadMigrations().length} migrations applied`);
      });
    });

  program
    .command('backup')
    .description('write a logical backup of the whole store (PGlite or PostgreSQL) to a gzip file')
    .argument('<file>', 'where to write it, e.g. safer-2026-11-24.jsonl.gz')
    .action(async (file: string) => {
      await withLocalServices(config(), async (services) => {
        const progress = tableProgress('backup');
        const summary = await writeBackup(services.store, file, { onProgress: progress.onProgress }).finally(progress.stop);
        note(`backup of ${summary.store} written to ${summary.file}: ${summary.rows} rows in ${summary.tables.length} tables, ${summary.bytes} bytes`);
      });
    });

  program
    .command('restore')
    .description('replace the whole content of the store with a backup, in one transaction (nothing changes on failure)')
    .argument('<file>', 'a file written by `safer backup` or the store.backup job')
    .option('--yes', 'confirm that the current content of the store is to be replaced', false)
    .action(async (file: string, opts: { yes: boolean }) => {
      await withLocalServices(config(), async (services) => {
        const cities = await services.cities.list();
        if (cities.length > 0 && !opts.yes) {
          throw new CliError(
            `The store at ${services.store.location} holds ${cities.length} cities; restoring replaces everything in it. Add --yes to go ahead.`,
          );
        }
        const progress = tableProgress('restore');
        const summary = await restoreBackup(services.store, file, { onProgress: progress.onProgress }).finally(progress.stop);
        note(
          `restored ${summary.rows} rows in ${summary.tables.length} tables from ${summary.file} (a ${summary.from} backup of ${summary.createdAt})` +
            (summary.replayed.length ? `; migrations applied after it: ${summary.replayed.join(', ')}` : ''),
        );
      });
    });

  program
    .command('move')
    .description('copy this deployment (e.g. the embedded PGlite store) into an empty PostgreSQL database')
    .requiredOption('--to <postgres-url>', 'the target database, e.g. postgres://user:pass@host:5432/safer')
    .action(async (opts: { to: string }) => {
      const { to } = parseOptions(
        z.object({ to: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL') }),
        opts,
      );
      await withLocalServices(config(), async (services) => {
        const progress = tableProgress('move');
        const summary = await moveStore(services.store, to, { onProgress: progress.onProgress }).finally(progress.stop);
        note(`copied ${summary.rows} rows in ${summary.tables.length} tables to ${summary.target}`);
        note(`The source at ${services.store.location} is unchanged. Start the platform with DATABASE_URL set to the target to use it.`);
      });
    });
}
