import type { Command } from 'commander';
import type { Config } from '../../server/config.ts';
import { appliedMigrations, loadMigrations } from '../../server/db/migrate.ts';
import { note } from '../output.ts';
import { withLocalServices } from '../target.ts';

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
}
