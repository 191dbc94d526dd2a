import type { Command } from 'commander';
import { reportStartFailure, startServer } from '../../server/server.ts';

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('start the server (API, web app and job worker); PORT sets the port, default 8080')
    .action(async () => {
      await startServer().catch(reportStartFailure);
    });
}
