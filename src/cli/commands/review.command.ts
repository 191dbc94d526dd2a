import type { Command } from 'commander';
import { z } from 'zod';
import { operatorActor } from '../../core/audit/audit-entry.ts';
import type { Cycle } from '../../core/review/cycle.ts';
import type { Config } from '../../server/config.ts';
import { loadReviewExample } from '../../server/review/review-example.ts';
import { parseOptions } from '../options.ts';
import { formatSchema, note, writeTable } from '../output.ts';
import { withTarget } from '../target.ts';

const columns = ['id', 'title', 'boardDecisionSymbol', 'boardDecisionDate', 'scope', 'stages', 'example'];
const row = (c: Cycle) => ({
  id: c.id,
  title: c.title,
  boardDecisionSymbol: c.boardDecision.symbol,
  boardDecisionDate: c.boardDecision.date,
  scope: c.scope.join(' '),
  stages: c.stages.map((s) => `${s.stage}:${s.deadline}`).join(' '),
  example: c.example,
});

/** `safer review cycles` lists the review cycles; `safer review example` loads the EXAMPLE cycle (never by default). */
export function reviewCommand(program: Command, config: () => Config): void {
  const review = program.command('review').description('the review mechanism of the guidelines');

  review
    .command('cycles')
    .description('list the review cycles, newest Board decision first')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (opts: { format: string }) => {
      const { format } = parseOptions(z.object({ format: formatSchema }), opts);
      const cycles = await withTarget(config(), async (t) =>
        t.kind === 'local' ? await t.services.review.cycles.listCycles() : (await t.api.request<{ cycles: Cycle[] }>('GET', '/api/v1/review/cycles')).cycles,
      );
      writeTable(format, columns, cycles.map(row));
    });

  review
    .command('example')
    .description('load the EXAMPLE cycle: made-up states at different stages with varied answers, for training and tests')
    .action(async () => {
      const cycle = await withTarget(config(), async (t) =>
        t.kind === 'local' ? await loadReviewExample(t.services, operatorActor) : await t.api.request<Cycle>('POST', '/api/v1/review/example'),
      );
      note(`EXAMPLE cycle ${cycle.id} loaded: ${cycle.title}`);
    });
}
