import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DomainError } from '../core/errors.ts';
import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import { MigrationError } from '../server/db/migrate.ts';
import { adminCommand } from './commands/admin.command.ts';
import { auditCommand } from './commands/audit.command.ts';
import { cityCommand } from './commands/city.command.ts';
import { hotspotsCommand } from './commands/hotspots.command.ts';
import { importsCommand } from './commands/imports.command.ts';
import { incidentsCommand } from './commands/incidents.command.ts';
import { indicatorsCommand } from './commands/indicators.command.ts';
import { jobsCommand } from './commands/jobs.command.ts';
import { populationCommand } from './commands/population.command.ts';
import { reviewCommand } from './commands/review.command.ts';
import { reviewReportsCommand } from './commands/review-reports.command.ts';
import { serveCommand } from './commands/serve.command.ts';
import { storeCommands } from './commands/store.command.ts';
import { surveysCommand } from './commands/surveys.command.ts';
import { tokensCommand } from './commands/tokens.command.ts';
import { unitsCommand } from './commands/units.command.ts';
import { CliError } from './target.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

let config: Config | undefined;
const getConfig = (): Config => {
  config ??= loadConfig();
  return config;
};

const program = new Command('safer')
  .description(
    'Safer Cities Platform command line. Works on the data directory (SAFER_DATA_DIR, default ./data) or on ' +
      'PostgreSQL (DATABASE_URL). When a server holds the data directory, commands go through its API.',
  )
  .version(pkg.version)
  .showHelpAfterError()
  .exitOverride();

serveCommand(program);
cityCommand(program, getConfig);
jobsCommand(program, getConfig);
unitsCommand(program, getConfig);
populationCommand(program, getConfig);
incidentsCommand(program, getConfig);
indicatorsCommand(program, getConfig);
importsCommand(program, getConfig);
storeCommands(program, getConfig);
adminCommand(program, getConfig);
tokensCommand(program, getConfig);
hotspotsCommand(program, getConfig);
surveysCommand(program, getConfig);
reviewCommand(program, getConfig);
auditCommand(program, getConfig);
reviewReportsCommand(program, getConfig);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  if (err instanceof DomainError || err instanceof CliError || err instanceof ConfigError || err instanceof MigrationError) {
    process.stderr.write(`safer: ${err.message}\n`);
    return 1;
  }
  process.stderr.write(`safer: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  return 1;
}
